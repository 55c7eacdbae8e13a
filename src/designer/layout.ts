import type { CanvasEdge, CanvasNode, FlowPosition, NodeId } from '../model/index.ts';

/** Horizontal distance between layers and vertical distance between nodes of a layer. */
export const LAYER_GAP = 280;
export const ROW_GAP = 130;

/**
 * A simple left-to-right layered placement for nodes the file gives no position: a node's layer
 * is its breadth-first distance from the start (cycles are cut where they are met), nodes no path
 * reaches come after. Nodes with a position keep it. Pure and synchronous: it draws a file with no
 * `layout` at once, until ELK (`autoLayout/`, loaded lazily) has measured and placed its nodes.
 */
export function layeredPositions(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): Map<NodeId, FlowPosition> {
  const next = new Map<NodeId, NodeId[]>();
  for (const edge of edges) {
    if (edge.dangling) continue;
    next.set(edge.source, [...(next.get(edge.source) ?? []), edge.target]);
  }
  const layer = new Map<NodeId, number>();
  const visit = (root: NodeId, depth: number): void => {
    if (layer.has(root)) return;
    layer.set(root, depth);
    const queue: NodeId[] = [root];
    for (let head = 0; head < queue.length; head++) {
      const id = queue[head] as NodeId;
      const depthHere = layer.get(id) ?? 0;
      for (const target of next.get(id) ?? []) {
        if (layer.has(target)) continue;
        layer.set(target, depthHere + 1);
        queue.push(target);
      }
    }
  };
  const start = nodes.find((node) => node.isStart);
  if (start !== undefined) visit(start.id, 0);
  const targets = new Set(edges.map((edge) => edge.target));
  for (const node of nodes) if (!targets.has(node.id)) visit(node.id, 0);
  const deepest = Math.max(0, ...layer.values());
  for (const node of nodes) visit(node.id, deepest + 1);

  const rows = new Map<number, number>();
  const positions = new Map<NodeId, FlowPosition>();
  for (const node of nodes) {
    if (node.position !== undefined) {
      positions.set(node.id, node.position);
      continue;
    }
    const column = layer.get(node.id) ?? 0;
    const row = rows.get(column) ?? 0;
    rows.set(column, row + 1);
    positions.set(node.id, { x: column * LAYER_GAP, y: row * ROW_GAP });
  }
  return positions;
}

/** A spot to the right of everything placed so far, on the top row of the drawing. */
export function freeSpot(positions: Iterable<FlowPosition>): FlowPosition {
  let right: number | undefined;
  let top: number | undefined;
  for (const { x, y } of positions) {
    right = right === undefined ? x : Math.max(right, x);
    top = top === undefined ? y : Math.min(top, y);
  }
  return right === undefined ? { x: 0, y: 0 } : { x: right + LAYER_GAP, y: top ?? 0 };
}
