import { useEffect, useEffectEvent, useState } from 'react';

/** Whether a drag carries files from outside the page (the palette's drags carry its own type only). */
function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/**
 * Files dropped anywhere on the page: answers whether files are being dragged over it (for the
 * "Drop to open" overlay) and hands dropped files to `onFiles`. Other drags (a palette item, a
 * text selection) pass through untouched. The listeners capture, so a drop on the YAML editor or
 * the canvas opens the file rather than pasting its text or its name.
 */
export function useFileDrop(onFiles: (files: File[]) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const onDropped = useEffectEvent(onFiles);

  useEffect(() => {
    // dragenter and dragleave fire for every element crossed: count them to know when the drag left the page
    let depth = 0;
    const onEnter = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const onOver = (event: DragEvent): void => {
      if (!carriesFiles(event) || event.dataTransfer === null) return;
      event.preventDefault(); // allows the drop
      event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent): void => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent): void => {
      if (!carriesFiles(event) || event.dataTransfer === null) return;
      event.preventDefault(); // the browser would otherwise navigate to the file
      event.stopPropagation();
      depth = 0;
      setDragging(false);
      onDropped([...event.dataTransfer.files]);
    };
    const listeners = [
      ['dragenter', onEnter],
      ['dragover', onOver],
      ['dragleave', onLeave],
      ['drop', onDrop],
    ] as const;
    for (const [type, listener] of listeners) window.addEventListener(type, listener, true);
    return () => {
      for (const [type, listener] of listeners) window.removeEventListener(type, listener, true);
    };
  }, []);

  return dragging;
}
