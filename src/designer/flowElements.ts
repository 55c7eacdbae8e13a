import type { Edge, Node } from '@xyflow/react';
import { KIND_LOOK } from './kinds.ts';
import type { CanvasEdge, CanvasEdgeKind, CanvasNode, EdgeRef, FlowPosition, NodeId } from '../model/index.ts';

/** What a React Flow node carries: the canvas node it draws. */
export interface WorkflowNodeData extends Record<string, unknown> {
  node: CanvasNode;
}
export type WorkflowFlowNode = Node<WorkflowNodeData, 'workflowNode'>;

/** What a React Flow edge carries: its kind and label. */
export interface WorkflowEdgeData extends Record<string, unknown> {
  kind: CanvasEdgeKind;
  label: string | undefined;
}
export type WorkflowFlowEdge = Edge<WorkflowEdgeData, 'workflowEdge'>;

/** The grid nodes snap to (flow units); arrow keys move nodes one step of it. */
export const SNAP_GRID: [number, number] = [20, 20];

/** How "fit view" frames the drawing: some margin, and no zooming in past 120 %. */
export const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1.2 } as const;

/** A measured node size, as React Flow reports it. */
export interface Size {
  width?: number;
  height?: number;
}

/** The canvas nodes as React Flow draws them: placed, selected, measured. */
export function flowNodes(
  nodes: readonly CanvasNode[],
  positions: ReadonlyMap<NodeId, FlowPosition>,
  selected: readonly NodeId[],
  measured: ReadonlyMap<string, Size>,
): WorkflowFlowNode[] {
  const chosen = new Set<string>(selected);
  return nodes.map((node) => {
    const size = measured.get(node.id);
    return {
      id: node.id,
      type: 'workflowNode',
      position: positions.get(node.id) ?? { x: 0, y: 0 },
      data: { node },
      ariaLabel: `${KIND_LOOK[node.kind].title} node ${node.label}${node.label === node.id ? '' : ` (${node.id})`}${node.isStart ? ', start' : ''}`,
      selected: chosen.has(node.id),
      ...(size === undefined ? {} : { measured: size }),
    };
  });
}

const SWITCH_DEFAULT_LABEL = 'default';

/** The drawable (not dangling) canvas edges as React Flow draws them. */
export function flowEdges(edges: readonly CanvasEdge[], selected: readonly EdgeRef[]): WorkflowFlowEdge[] {
  const chosen = new Set<string>(selected);
  return edges
    .filter((edge) => !edge.dangling)
    .map((edge) => ({
      id: edge.id,
      type: 'workflowEdge',
      source: edge.source,
      target: edge.target,
      selected: chosen.has(edge.id),
      data: { kind: edge.kind, label: edge.kind === 'switch_default' ? SWITCH_DEFAULT_LABEL : edge.label },
    }));
}
