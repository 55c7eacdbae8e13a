import type { FlowPosition, NodeId } from '../../model/index.ts';

/** One arrow key press moves the selection one grid step; with Shift, this many. */
export const NUDGE_BIG_FACTOR = 5;

const DIRECTIONS: ReadonlyMap<string, FlowPosition> = new Map([
  ['ArrowLeft', { x: -1, y: 0 }],
  ['ArrowRight', { x: 1, y: 0 }],
  ['ArrowUp', { x: 0, y: -1 }],
  ['ArrowDown', { x: 0, y: 1 }],
]);

/** The direction an arrow key moves nodes in; undefined for any other key. */
export function arrowDirection(key: string): FlowPosition | undefined {
  return DIRECTIONS.get(key);
}

/**
 * The moves of one arrow key press: each node one step (`grid` flow units, `NUDGE_BIG_FACTOR`
 * steps when `big`) in `direction`, landing on the grid (an off-grid node snaps as it moves, as a
 * drag would). Nodes with no known position are left out.
 */
export function nudgeMoves(
  ids: readonly NodeId[],
  positions: ReadonlyMap<NodeId, FlowPosition>,
  direction: FlowPosition,
  options: { readonly grid: number; readonly big: boolean },
): { readonly id: NodeId; readonly position: FlowPosition }[] {
  const step = options.grid * (options.big ? NUDGE_BIG_FACTOR : 1);
  const snap = (value: number): number => Math.round(value / options.grid) * options.grid;
  return ids.flatMap((id) => {
    const from = positions.get(id);
    return from === undefined ? [] : [{ id, position: { x: snap(from.x + direction.x * step), y: snap(from.y + direction.y * step) } }];
  });
}

/** The merge key of a burst of arrow presses over these nodes: one undo step while it repeats. */
export function nudgeKey(ids: readonly string[]): string {
  return `nudge:${[...ids].sort().join(',')}`;
}
