import { describe, expect, it } from 'vitest';
import {
  clampRunDockHeight,
  DEFAULT_RUN_DOCK,
  heightForKey,
  maxRunDockHeight,
  parseRunDockLayout,
  RUN_DOCK_KEY_STEP,
  RUN_DOCK_MIN_HEIGHT,
  RUN_DOCK_RESERVED_HEIGHT,
  serializeRunDockLayout,
} from './runDock.ts';

describe('run dock height', () => {
  it('leaves the toolbar and a usable canvas above the dock', () => {
    expect(maxRunDockHeight(720)).toBe(720 - RUN_DOCK_RESERVED_HEIGHT);
    expect(clampRunDockHeight(5000, 720)).toBe(720 - RUN_DOCK_RESERVED_HEIGHT);
  });

  it('never goes below the smallest useful body, even in a very short window', () => {
    expect(clampRunDockHeight(10, 720)).toBe(RUN_DOCK_MIN_HEIGHT);
    expect(maxRunDockHeight(300)).toBe(RUN_DOCK_MIN_HEIGHT);
    expect(clampRunDockHeight(250, 300)).toBe(RUN_DOCK_MIN_HEIGHT);
  });

  it('rounds to whole pixels', () => {
    expect(clampRunDockHeight(200.6, 900)).toBe(201);
  });
});

describe('run dock keys', () => {
  it('grows with Up and Page Up, shrinks with Down and Page Down', () => {
    expect(heightForKey('ArrowUp', 200, 900)).toBe(200 + RUN_DOCK_KEY_STEP);
    expect(heightForKey('ArrowDown', 200, 900)).toBe(200 - RUN_DOCK_KEY_STEP);
    expect(heightForKey('PageUp', 200, 900)).toBe(200 + 4 * RUN_DOCK_KEY_STEP);
    expect(heightForKey('PageDown', 300, 900)).toBe(300 - 4 * RUN_DOCK_KEY_STEP);
    expect(heightForKey('PageDown', 150, 900)).toBe(RUN_DOCK_MIN_HEIGHT);
  });

  it('goes to the limits with Home and End, and stays within them', () => {
    expect(heightForKey('Home', 300, 900)).toBe(RUN_DOCK_MIN_HEIGHT);
    expect(heightForKey('End', 300, 900)).toBe(maxRunDockHeight(900));
    expect(heightForKey('ArrowUp', maxRunDockHeight(900), 900)).toBe(maxRunDockHeight(900));
  });

  it('ignores other keys', () => {
    expect(heightForKey('Enter', 200, 900)).toBeUndefined();
    expect(heightForKey('a', 200, 900)).toBeUndefined();
  });
});

describe('run dock storage', () => {
  it('reads back what it wrote', () => {
    const layout = { height: 260, collapsed: true };
    expect(parseRunDockLayout(serializeRunDockLayout(layout))).toEqual(layout);
  });

  it('falls back to the default for nothing, broken JSON or a foreign shape', () => {
    expect(parseRunDockLayout(null)).toEqual(DEFAULT_RUN_DOCK);
    expect(parseRunDockLayout('{')).toEqual(DEFAULT_RUN_DOCK);
    expect(parseRunDockLayout('[]')).toEqual(DEFAULT_RUN_DOCK);
    expect(parseRunDockLayout('{"height":"tall","collapsed":false}')).toEqual(DEFAULT_RUN_DOCK);
    expect(parseRunDockLayout('{"height":1e999,"collapsed":false}')).toEqual(DEFAULT_RUN_DOCK);
    expect(parseRunDockLayout('{"height":200}')).toEqual(DEFAULT_RUN_DOCK);
  });

  it('raises a stored height below the minimum', () => {
    expect(parseRunDockLayout('{"height":3,"collapsed":false}')).toEqual({ height: RUN_DOCK_MIN_HEIGHT, collapsed: false });
  });
});
