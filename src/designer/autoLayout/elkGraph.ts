import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import { asNodeId, type CanvasEdge, type CanvasNode, type FlowPosition, type NodeId } from '../../model/index.ts';
import type { Size } from '../flowElements.ts';

/**
 * The pure half of auto-layout: the workflow (plus the node sizes React Flow measured) as an ELK
 * graph, and ELK's answer as node moves. Running ELK itself is `runElkLayout.ts`, loaded lazily.
 */

/** The size assumed for a node React Flow has not measured yet (about a one-line node). */
export const FALLBACK_NODE_SIZE = { width: 200, height: 64 } as const;

/** The grid the canvas snaps to; laid-out positions land on it too, so a later drag does not jump. */
export const LAYOUT_GRID = 20;

/**
 * Layered, left to right, in the file's order where ELK has a free choice (so a layout is stable
 * from one run to the next), with room between layers for edge labels (conditions, switch cases).
 */
export const ELK_LAYOUT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '40',
  'elk.layered.spacing.nodeNodeBetweenLayers': '110',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.padding': '[top=0,left=0,bottom=0,right=0]',
};

/** The ELK graph of a workflow: one child per node, one edge per drawable connection. */
export function elkGraphOf(nodes: readonly CanvasNode[], edges: readonly CanvasEdge[], sizes: ReadonlyMap<string, Size>): ElkNode {
  const ids = new Set<string>(nodes.map((node) => node.id));
  const children: ElkNode[] = nodes.map((node) => {
    const size = sizes.get(node.id);
    return {
      id: node.id,
      width: positiveOr(size?.width, FALLBACK_NODE_SIZE.width),
      height: positiveOr(size?.height, FALLBACK_NODE_SIZE.height),
      // the start node leads the drawing even when a loop leads back into it
      ...(node.isStart ? { layoutOptions: { 'elk.layered.layering.layerConstraint': 'FIRST' } } : {}),
    };
  });
  const elkEdges: ElkExtendedEdge[] = edges
    .filter((edge) => !edge.dangling && ids.has(edge.source) && ids.has(edge.target))
    .map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] }));
  return { id: 'root', layoutOptions: ELK_LAYOUT_OPTIONS, children, edges: elkEdges };
}

/**
 * The moves that put each node where ELK placed it, snapped to the grid. Nodes ELK did not place
 * and nodes already there are left out, so an answer of no moves means "nothing to do".
 */
export function movesFromElk(
  laidOut: ElkNode,
  current: ReadonlyMap<NodeId, FlowPosition>,
): { readonly id: NodeId; readonly position: FlowPosition }[] {
  const moves: { id: NodeId; position: FlowPosition }[] = [];
  for (const child of laidOut.children ?? []) {
    if (child.x === undefined || child.y === undefined) continue;
    const id = asNodeId(child.id);
    const position = { x: snap(child.x), y: snap(child.y) };
    const now = current.get(id);
    if (now !== undefined && now.x === position.x && now.y === position.y) continue;
    moves.push({ id, position });
  }
  return moves;
}

/** Whether no node of the document has a stored position (a file without `layout`). */
export function hasNoLayout(nodes: readonly CanvasNode[]): boolean {
  return nodes.length > 0 && nodes.every((node) => node.position === undefined);
}

function positiveOr(value: number | undefined, fallback: number): number {
  return value !== undefined && value > 0 ? value : fallback;
}

function snap(value: number): number {
  return Math.round(value / LAYOUT_GRID) * LAYOUT_GRID;
}
