import { useLayoutEffect, useState, type RefObject, type UIEvent } from 'react';

/** Which rows of a fixed-height list are in the page, and where they go. */
export interface RowWindow {
  /** The first row rendered (overscan included). */
  readonly start: number;
  /** One past the last row rendered. */
  readonly end: number;
  /** The whole list's height, in px. */
  readonly totalHeight: number;
  /** Hand to the scroll element's `onScroll`. */
  readonly onScroll: (event: UIEvent<HTMLElement>) => void;
}

/**
 * A window over a list of equal-height rows that follows new rows while scrolled to the bottom
 * (a log). With fixed heights the window is arithmetic: nothing is measured, so a list of any
 * length costs the same per render, and a growing list costs one scroll write per render (no
 * reads) while it is followed.
 */
export function useFollowingRowWindow(
  scrollRef: RefObject<HTMLElement | null>,
  rowCount: number,
  rowHeight: number,
  overscan: number,
): RowWindow {
  const [following, setFollowing] = useState(true);
  /** The first row in view when not following. */
  const [anchorRow, setAnchorRow] = useState(0);
  const [viewportHeight, setViewportHeight] = useState(0);

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element === null) return;
    setViewportHeight(element.clientHeight);
    const observer = new ResizeObserver(([entry]) => {
      if (entry !== undefined) setViewportHeight(entry.contentRect.height);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [scrollRef]);

  const totalHeight = rowCount * rowHeight;
  useLayoutEffect(() => {
    const element = scrollRef.current;
    // The browser clamps it to the end; the scroll event it fires changes no state (still following).
    if (following && element !== null) element.scrollTop = totalHeight;
  }, [following, totalHeight, scrollRef]);

  const visibleRows = Math.ceil(viewportHeight / rowHeight) + 1;
  const lastFirst = Math.max(0, rowCount - visibleRows);
  const first = following ? lastFirst : Math.min(anchorRow, lastFirst);
  return {
    start: Math.max(0, first - overscan),
    end: Math.min(rowCount, first + visibleRows + overscan),
    totalHeight,
    onScroll: (event) => {
      const element = event.currentTarget;
      const atBottom = element.scrollTop + element.clientHeight >= element.scrollHeight - rowHeight;
      setFollowing(atBottom);
      if (!atBottom) setAnchorRow(Math.floor(element.scrollTop / rowHeight));
    },
  };
}
