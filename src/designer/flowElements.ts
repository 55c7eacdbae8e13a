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

/**
 * Where an empty canvas starts: flow (0, 0), where the first node added from the palette goes, a
 * little in from the top left corner and clear of the canvas toolbar.
 */
export const EMPTY_CANVAS_VIEWPORT = { x: 80, y: 120, zoom: 1 } as const;

/**
 * From how many nodes on React Flow draws only the nodes and edges in view. Every drawn element
 * listens to React Flow's store, so on a large workflow each drag frame and each pan would run
 * thousands of selectors; below it, every node stays in the page for Tab to reach.
 */
export const DRAW_VISIBLE_ONLY_FROM = 200;

/** A measured node size, as React Flow reports it. */
export interface Size {
  width?: number;
  height?: number;
}

const ORIGIN: FlowPosition = { x: 0, y: 0 };

function sameSize(a: Size | undefined, b: Size | undefined): boolean {
  return a?.width === b?.width && a?.height === b?.height;
}

function nodeAriaLabel(node: CanvasNode): string {
  const id = node.label === node.id ? '' : ` (${node.id})`;
  return `${KIND_LOOK[node.kind].title} node ${node.label}${id}${node.isStart ? ', start' : ''}`;
}

/**
 * The canvas nodes as React Flow draws them: placed (`dragging` overrides `positions` for the nodes
 * being dragged), selected, measured. A node whose canvas node, position, selected flag and
 * measured size are as in `previous` keeps its object from there, and when every node does, the
 * `previous` array itself comes back: React Flow compares nodes by identity, so a frame of a drag
 * in a 500-node workflow reprocesses and redraws the dragged node only.
 */
export function flowNodes(
  nodes: readonly CanvasNode[],
  positions: ReadonlyMap<NodeId, FlowPosition>,
  dragging: ReadonlyMap<NodeId, FlowPosition>,
  selected: readonly NodeId[],
  measured: ReadonlyMap<string, Size>,
  previous: WorkflowFlowNode[] = [],
): WorkflowFlowNode[] {
  const chosen = new Set<string>(selected);
  const before = new Map(previous.map((flowNode) => [flowNode.id, flowNode]));
  let reused = 0;
  const next = nodes.map((node, index): WorkflowFlowNode => {
    const position = dragging.get(node.id) ?? positions.get(node.id) ?? ORIGIN;
    const isSelected = chosen.has(node.id);
    const size = measured.get(node.id);
    const old = before.get(node.id);
    if (
      old !== undefined &&
      old.data.node === node &&
      old.position.x === position.x &&
      old.position.y === position.y &&
      old.selected === isSelected &&
      sameSize(old.measured, size)
    ) {
      if (previous[index] === old) reused++;
      return old;
    }
    return {
      id: node.id,
      type: 'workflowNode',
      position: { x: position.x, y: position.y },
      data: { node },
      ariaLabel: nodeAriaLabel(node),
      selected: isSelected,
      ...(size === undefined ? {} : { measured: size }),
    };
  });
  return reused === previous.length && next.length === previous.length ? previous : next;
}

const SWITCH_DEFAULT_LABEL = 'default';

/**
 * The drawable (not dangling) canvas edges as React Flow draws them, keeping from `previous` every
 * edge object whose ends, kind, label and selected flag are unchanged (and `previous` itself when
 * nothing changed), as {@link flowNodes} does.
 */
export function flowEdges(
  edges: readonly CanvasEdge[],
  selected: readonly EdgeRef[],
  previous: WorkflowFlowEdge[] = [],
): WorkflowFlowEdge[] {
  const chosen = new Set<string>(selected);
  const before = new Map(previous.map((flowEdge) => [flowEdge.id, flowEdge]));
  const next: WorkflowFlowEdge[] = [];
  let reused = 0;
  for (const edge of edges) {
    if (edge.dangling) continue;
    const isSelected = chosen.has(edge.id);
    const label = edge.kind === 'switch_default' ? SWITCH_DEFAULT_LABEL : edge.label;
    const old = before.get(edge.id);
    if (
      old?.data !== undefined &&
      old.source === edge.source &&
      old.target === edge.target &&
      old.selected === isSelected &&
      old.data.kind === edge.kind &&
      old.data.label === label
    ) {
      if (previous[next.length] === old) reused++;
      next.push(old);
      continue;
    }
    next.push({
      id: edge.id,
      type: 'workflowEdge',
      source: edge.source,
      target: edge.target,
      selected: isSelected,
      data: { kind: edge.kind, label },
    });
  }
  return reused === previous.length && next.length === previous.length ? previous : next;
}

/**
 * The elements last drawn by one canvas, so that each new drawing keeps the objects of the nodes
 * and edges that did not change (see {@link flowNodes}). One per canvas, kept across its renders.
 */
export class FlowElementCache {
  private lastNodes: WorkflowFlowNode[] = [];
  private lastEdges: WorkflowFlowEdge[] = [];

  nodes(
    nodes: readonly CanvasNode[],
    positions: ReadonlyMap<NodeId, FlowPosition>,
    dragging: ReadonlyMap<NodeId, FlowPosition>,
    selected: readonly NodeId[],
    measured: ReadonlyMap<string, Size>,
  ): WorkflowFlowNode[] {
    this.lastNodes = flowNodes(nodes, positions, dragging, selected, measured, this.lastNodes);
    return this.lastNodes;
  }

  edges(edges: readonly CanvasEdge[], selected: readonly EdgeRef[]): WorkflowFlowEdge[] {
    this.lastEdges = flowEdges(edges, selected, this.lastEdges);
    return this.lastEdges;
  }
}
