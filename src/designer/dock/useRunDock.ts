import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import {
  clampRunDockHeight,
  DEFAULT_RUN_DOCK,
  maxRunDockHeight,
  parseRunDockLayout,
  RUN_DOCK_STORAGE_KEY,
  serializeRunDockLayout,
  type RunDockLayout,
} from './runDock.ts';

export interface RunDock {
  /** The body's height for this window, in CSS pixels. */
  readonly height: number;
  /** The tallest the body may be in this window. */
  readonly maxHeight: number;
  readonly collapsed: boolean;
  /** Asks for a height (clamped to this window's limits). */
  setHeight: (height: number) => void;
  toggle: () => void;
}

function subscribeToResize(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => {
    window.removeEventListener('resize', onChange);
  };
}

const windowHeight = () => window.innerHeight;

function readStoredLayout(): RunDockLayout {
  try {
    return parseRunDockLayout(window.localStorage.getItem(RUN_DOCK_STORAGE_KEY));
  } catch {
    // storage refused (a privacy setting): the dock still works, it just starts at its default
    return DEFAULT_RUN_DOCK;
  }
}

function storeLayout(layout: RunDockLayout): void {
  try {
    window.localStorage.setItem(RUN_DOCK_STORAGE_KEY, serializeRunDockLayout(layout));
  } catch {
    // as above: not kept for the next visit, nothing else lost
  }
}

/** The run dock's size and state, kept across visits and fitted to the window as it is resized. */
export function useRunDock(): RunDock {
  const viewport = useSyncExternalStore(subscribeToResize, windowHeight);
  const [layout, setLayout] = useState<RunDockLayout>(readStoredLayout);

  useEffect(() => {
    storeLayout(layout);
  }, [layout]);

  const setHeight = useCallback(
    (height: number) => {
      setLayout((previous) => ({ ...previous, height: clampRunDockHeight(height, viewport) }));
    },
    [viewport],
  );
  const toggle = useCallback(() => {
    setLayout((previous) => ({ ...previous, collapsed: !previous.collapsed }));
  }, []);

  return {
    height: clampRunDockHeight(layout.height, viewport),
    maxHeight: maxRunDockHeight(viewport),
    collapsed: layout.collapsed,
    setHeight,
    toggle,
  };
}
