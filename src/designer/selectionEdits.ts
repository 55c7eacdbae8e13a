import type { EdgeRef, GraphChange, NodeId } from '../model/index.ts';

/**
 * The changes that delete a selection: the selected edges first (their ids are only valid before
 * any other change), then the nodes, whose removal repairs the edges touching them.
 */
export function deleteSelectionChanges(nodes: readonly NodeId[], edges: readonly EdgeRef[]): GraphChange[] {
  return [
    ...(edges.length > 0 ? [{ type: 'removeEdges', ids: edges } as const] : []),
    ...(nodes.length > 0 ? [{ type: 'removeNodes', ids: nodes } as const] : []),
  ];
}

/** The merge key of one drag gesture over these nodes. */
export function dragKey(ids: readonly string[]): string {
  return `drag:${[...ids].sort().join(',')}`;
}

/** The selection after React Flow's select changes, applied to the current one in order. */
export function nextSelection<T extends string>(current: readonly T[], changes: readonly { id: string; selected: boolean }[]): T[] {
  const chosen = new Set<string>(current);
  for (const change of changes) {
    if (change.selected) chosen.add(change.id);
    else chosen.delete(change.id);
  }
  return [...chosen] as T[];
}
