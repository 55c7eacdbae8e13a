/**
 * The run panel's dock under the canvas: how tall it is, whether it is collapsed, and how that is
 * kept between visits. Pure functions; the component reads the window height and the storage.
 */

/** How tall the dock's body is by default (CSS pixels): the run form and the top of the log, the rest scrolls. */
export const RUN_DOCK_DEFAULT_HEIGHT = 200;

/** The smallest useful body: the panel's heading and one row of its controls. */
export const RUN_DOCK_MIN_HEIGHT = 96;

/**
 * What the dock's body leaves to the rest of the window: the toolbar (about 50 px), the dock's
 * resize handle (9 px) and a canvas about 270 px tall, so resizing can never squeeze the canvas away.
 */
export const RUN_DOCK_RESERVED_HEIGHT = 330;

/** One arrow key press on the resize handle; Page Up and Page Down move four times as far. */
export const RUN_DOCK_KEY_STEP = 24;

/** Where the dock's size is kept (per origin, like the theme a person chose would be). */
export const RUN_DOCK_STORAGE_KEY = 'trellis.runDock';

export interface RunDockLayout {
  /** The body's height in CSS pixels when expanded (the height chosen, before the window clamps it). */
  readonly height: number;
  readonly collapsed: boolean;
}

export const DEFAULT_RUN_DOCK: RunDockLayout = { height: RUN_DOCK_DEFAULT_HEIGHT, collapsed: false };

/** The tallest the body may be in a window this tall. */
export function maxRunDockHeight(windowHeight: number): number {
  return Math.max(RUN_DOCK_MIN_HEIGHT, Math.floor(windowHeight - RUN_DOCK_RESERVED_HEIGHT));
}

/** A height brought within the dock's limits for this window (rounded to whole pixels). */
export function clampRunDockHeight(height: number, windowHeight: number): number {
  return Math.min(maxRunDockHeight(windowHeight), Math.max(RUN_DOCK_MIN_HEIGHT, Math.round(height)));
}

/**
 * The height a key on the resize handle asks for (a window splitter's keys: arrows and pages
 * step, Home and End go to the limits), or undefined for a key the handle does not use.
 * Up grows the dock: its handle is on its top edge.
 */
export function heightForKey(key: string, height: number, windowHeight: number): number | undefined {
  const steps: Record<string, number> = {
    ArrowUp: RUN_DOCK_KEY_STEP,
    ArrowDown: -RUN_DOCK_KEY_STEP,
    PageUp: 4 * RUN_DOCK_KEY_STEP,
    PageDown: -4 * RUN_DOCK_KEY_STEP,
  };
  if (key === 'Home') return RUN_DOCK_MIN_HEIGHT;
  if (key === 'End') return maxRunDockHeight(windowHeight);
  const step = steps[key];
  return step === undefined ? undefined : clampRunDockHeight(height + step, windowHeight);
}

/** The layout kept in storage, or the default when there is none or it is not one we wrote. */
export function parseRunDockLayout(stored: string | null): RunDockLayout {
  if (stored === null) return DEFAULT_RUN_DOCK;
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return DEFAULT_RUN_DOCK;
  }
  if (typeof value !== 'object' || value === null) return DEFAULT_RUN_DOCK;
  const { height, collapsed } = value as Record<string, unknown>;
  if (typeof height !== 'number' || !Number.isFinite(height) || typeof collapsed !== 'boolean') return DEFAULT_RUN_DOCK;
  return { height: Math.max(RUN_DOCK_MIN_HEIGHT, Math.round(height)), collapsed };
}

export function serializeRunDockLayout(layout: RunDockLayout): string {
  return JSON.stringify({ height: layout.height, collapsed: layout.collapsed });
}
