import type { CanvasEdge, CanvasNode } from './graph.ts';

/**
 * Structural sharing for the canvas views. `nodesOf` and `edgesOf` answer new objects for every
 * document, but a typical change (a node moved, a field typed) touches one node: giving back the
 * previous object for every node or edge that did not change lets the canvas (memoised components,
 * React Flow's own per-node caches) skip all the others, which matters at hundreds of nodes.
 */

function samePosition(a: CanvasNode['position'], b: CanvasNode['position']): boolean {
  return a === b || (a !== undefined && b !== undefined && a.x === b.x && a.y === b.y);
}

function sameNode(a: CanvasNode, b: CanvasNode): boolean {
  return (
    a.id === b.id &&
    a.kind === b.kind &&
    a.label === b.label &&
    a.isStart === b.isStart &&
    a.data === b.data &&
    samePosition(a.position, b.position)
  );
}

function sameSlot(a: CanvasEdge['slot'], b: CanvasEdge['slot']): boolean {
  if (a.list === 'none' || b.list === 'none') return a.list === b.list;
  return a.list === b.list && a.index === b.index;
}

function sameEdge(a: CanvasEdge, b: CanvasEdge): boolean {
  return (
    a.id === b.id &&
    a.edgeIndex === b.edgeIndex &&
    a.source === b.source &&
    a.target === b.target &&
    a.kind === b.kind &&
    a.label === b.label &&
    a.dangling === b.dangling &&
    sameSlot(a.slot, b.slot)
  );
}

/**
 * `next`, with each item replaced by the previous item of the same id when the two are equal; the
 * previous array itself when nothing changed at all (same ids, same order, all equal).
 */
function keepIdentity<T extends { id: string }>(previous: readonly T[], next: T[], same: (a: T, b: T) => boolean): T[] {
  const byId = new Map(previous.map((item) => [item.id, item]));
  let changed = previous.length !== next.length;
  const kept = next.map((item, index) => {
    const old = byId.get(item.id);
    if (old !== undefined && same(old, item)) {
      if (previous[index] !== old) changed = true;
      return old;
    }
    changed = true;
    return item;
  });
  return changed ? kept : (previous as T[]);
}

/** The nodes of a new document, sharing every unchanged node (and the array) with the previous ones. */
export function keepNodeIdentity(previous: readonly CanvasNode[], next: CanvasNode[]): CanvasNode[] {
  return keepIdentity(previous, next, sameNode);
}

/** The edges of a new document, sharing every unchanged edge (and the array) with the previous ones. */
export function keepEdgeIdentity(previous: readonly CanvasEdge[], next: CanvasEdge[]): CanvasEdge[] {
  return keepIdentity(previous, next, sameEdge);
}
