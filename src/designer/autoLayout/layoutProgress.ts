import { useSyncExternalStore } from 'react';

/**
 * Whether an auto-layout is under way, for the canvas's "Laying out…" indicator. Page-wide: the
 * designer has one canvas, and the layout's hook (under the canvas's command layer) and the canvas
 * that shows the indicator are siblings in React's tree, so they share this small store.
 */

let running = 0;
const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Whether a layout is under way right now. */
export function isLayingOut(): boolean {
  return running > 0;
}

/** Runs `work` (a layout), counted as under way until it settles, however it ends. */
export async function whileLayingOut<T>(work: () => Promise<T>): Promise<T> {
  running++;
  notify();
  try {
    return await work();
  } finally {
    running--;
    notify();
  }
}

/** Whether a layout is under way, re-rendering when that changes. */
export function useLayingOut(): boolean {
  return useSyncExternalStore(subscribe, isLayingOut);
}
