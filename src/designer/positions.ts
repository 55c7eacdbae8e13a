import type { FlowPosition, NodeId } from '../model/index.ts';
import type { DesignerState } from '../store/index.ts';
import { selectCanvasEdges, selectCanvasNodes } from '../store/index.ts';
import { layeredPositions } from './layout.ts';

const cache = new WeakMap<object, Map<NodeId, FlowPosition>>();

/** Where every node is drawn: its `layout` entry, else the layered placement (memoised per document). */
export function selectPositions(state: DesignerState): Map<NodeId, FlowPosition> {
  const nodes = selectCanvasNodes(state);
  const hit = cache.get(nodes);
  if (hit !== undefined) return hit;
  const positions = layeredPositions(nodes, selectCanvasEdges(state));
  cache.set(nodes, positions);
  return positions;
}
