import type { FlowPosition, NodeId } from '../../model/index.ts';

/** A node's stored position (undefined: none yet, drawn at its fallback place). */
export type StoredPositions = ReadonlyMap<NodeId, FlowPosition | undefined>;

/**
 * The layout's moves of the nodes nobody touched while it ran: a node moved, added or removed
 * since the layout started keeps what the author did, instead of the older layout's place.
 */
export function unmovedSince<Move extends { readonly id: NodeId }>(
  moves: readonly Move[],
  atStart: StoredPositions,
  now: StoredPositions,
): Move[] {
  return moves.filter((move) => atStart.has(move.id) && now.has(move.id) && samePosition(atStart.get(move.id), now.get(move.id)));
}

function samePosition(a: FlowPosition | undefined, b: FlowPosition | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.x === b.x && a.y === b.y);
}
