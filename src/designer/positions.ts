import type { CanvasNode, FlowPosition, NodeId } from '../model/index.ts';
import type { DesignerState } from '../store/index.ts';
import { selectCanvasEdges, selectCanvasNodes } from '../store/index.ts';
import { layeredPositions } from './layout.ts';

const cache = new WeakMap<object, Map<NodeId, FlowPosition>>();

/** Where every node is drawn: its `layout` entry, else the layered placement (memoised per document). */
export function selectPositions(state: DesignerState): Map<NodeId, FlowPosition> {
  const nodes = selectCanvasNodes(state);
  const hit = cache.get(nodes);
  if (hit !== undefined) return hit;
  const positions = storedPositions(nodes) ?? layeredPositions(nodes, selectCanvasEdges(state));
  cache.set(nodes, positions);
  return positions;
}

/**
 * The positions from `layout` when every node has one (the usual case, and after every move):
 * then the layered placement, which walks the whole graph, has nothing to place.
 */
function storedPositions(nodes: readonly CanvasNode[]): Map<NodeId, FlowPosition> | undefined {
  const positions = new Map<NodeId, FlowPosition>();
  for (const node of nodes) {
    if (node.position === undefined) return undefined;
    positions.set(node.id, node.position);
  }
  return positions;
}
