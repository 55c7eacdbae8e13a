import type { EdgeDefinition, ExecutorDefinition, WorkflowDefinition } from '@trellis/engine';

/**
 * The designer's document is exactly a `WorkflowDefinition`: the format is the model, so there is
 * no second representation to drift from the YAML. This file derives the canvas views from it
 * (nodes, and one canvas edge per connection an edge definition declares) and names them with ids.
 */

/** An executor id, as the canvas uses it for a node. Made by {@link asNodeId}. */
export type NodeId = string & { readonly __brand: 'NodeId' };

/**
 * A canvas edge id: `e3` for the plain or conditional edge at `workflow.edges[3]` (also the whole
 * of any edge there), `e3:1` for the second member of a fan-out or fan-in, `e3:case0` for the
 * switch case at `switch[0]`, `e3:default` for the switch default. Made by {@link edgeRef}.
 */
export type EdgeRef = string & { readonly __brand: 'EdgeRef' };

/** The six node kinds (an executor's `type`). */
export type NodeKind = ExecutorDefinition['type'];

/** The node kinds, in palette order. */
export const NODE_KINDS: readonly NodeKind[] = ['agent', 'function', 'transform', 'request_info', 'workflow', 'output'];

/** A point in flow coordinates (the `layout` space), not screen pixels. */
export interface FlowPosition {
  readonly x: number;
  readonly y: number;
}

/** A node as the canvas draws it. */
export interface CanvasNode {
  id: NodeId;
  kind: NodeKind;
  /** The agent's `name` when it has one, else the id. */
  label: string;
  /** From `layout`; undefined when the file has none, so the UI lays the node out itself. */
  position: FlowPosition | undefined;
  isStart: boolean;
  /** The executor's definition, as in the file. */
  data: ExecutorDefinition;
}

/** What kind of connection a canvas edge draws. */
export type CanvasEdgeKind = 'plain' | 'conditional' | 'fan_out' | 'fan_in' | 'switch_case' | 'switch_default';

/** Where a canvas edge sits inside its edge definition: nowhere (a single edge) or a list index. */
export type EdgeSlot = { readonly list: 'none' } | { readonly list: 'to' | 'from' | 'switch'; readonly index: number };

/** One connection (source to target) of an edge definition, as the canvas draws it. */
export interface CanvasEdge {
  id: EdgeRef;
  /** Its edge's index in `workflow.edges`. */
  edgeIndex: number;
  slot: EdgeSlot;
  source: NodeId;
  target: NodeId;
  kind: CanvasEdgeKind;
  /** The CEL `condition` or switch `when` text. */
  label?: string;
  /** Whether source or target names no executor (the edge has an `unknown_executor` problem). */
  dangling: boolean;
}

/** The one factory of {@link NodeId}s (no check: a document may hold invalid ids, which validation reports). */
export function asNodeId(id: string): NodeId {
  return id as NodeId;
}

/** The id of a whole edge (`e3`) or of one of its members (`e3:1`, `e3:case0`, `e3:default`). */
export function edgeRef(edgeIndex: number, member?: number | `case${number}` | 'default' | `default${number}`): EdgeRef {
  return (member === undefined ? `e${String(edgeIndex)}` : `e${String(edgeIndex)}:${String(member)}`) as EdgeRef;
}

/** What an {@link EdgeRef} names: a whole edge, or a member of it. */
export type ParsedEdgeRef =
  | { readonly edgeIndex: number; readonly part: 'whole' }
  | { readonly edgeIndex: number; readonly part: 'member' | 'case'; readonly index: number }
  | { readonly edgeIndex: number; readonly part: 'default' };

/** Reads an edge id back; undefined when it is not one. */
export function parseEdgeRef(ref: string): ParsedEdgeRef | undefined {
  const match = /^e(\d+)(?::(?:(\d+)|case(\d+)|(default)\d*))?$/.exec(ref);
  if (match === null) return undefined;
  const edgeIndex = Number(match[1]);
  if (match[2] !== undefined) return { edgeIndex, part: 'member', index: Number(match[2]) };
  if (match[3] !== undefined) return { edgeIndex, part: 'case', index: Number(match[3]) };
  if (match[4] !== undefined) return { edgeIndex, part: 'default' };
  return { edgeIndex, part: 'whole' };
}

/** A switch edge definition. */
export type SwitchEdge = Extract<EdgeDefinition, { switch: unknown }>;
/** A fan-in edge definition (`from` is a list). */
export type FanInEdge = Extract<EdgeDefinition, { from: string[] }>;
/** A fan-out edge definition (`to` is a list). */
export type FanOutEdge = Extract<EdgeDefinition, { to: string[] }>;
/** A plain or conditional edge definition. */
export type SingleEdge = Exclude<EdgeDefinition, SwitchEdge | FanInEdge | FanOutEdge>;

/** The shape of an edge definition, judged by its keys as the engine does. */
export type EdgeShape = 'single' | 'fan_out' | 'fan_in' | 'switch';

/** The shape of an edge definition. */
export function edgeShape(edge: EdgeDefinition): EdgeShape {
  if ('switch' in edge) return 'switch';
  if (Array.isArray(edge.from)) return 'fan_in';
  return Array.isArray(edge.to) ? 'fan_out' : 'single';
}

/** Whether an edge is a fan-in. */
export function isFanIn(edge: EdgeDefinition): edge is FanInEdge {
  return Array.isArray(edge.from);
}

/** Whether an edge is a fan-out. */
export function isFanOut(edge: EdgeDefinition): edge is FanOutEdge {
  return 'to' in edge && Array.isArray(edge.to);
}

/** The executor at `workflow.executors`, by id; undefined when there is none. */
export function findExecutor(definition: WorkflowDefinition, id: string): ExecutorDefinition | undefined {
  return definition.workflow.executors.find((executor) => executor.id === id);
}

/** The `layout` position of a node, if it has one. */
export function positionOf(definition: WorkflowDefinition, id: string): FlowPosition | undefined {
  const layout = definition.layout;
  // own properties only: an id such as `constructor` must not find Object.prototype's
  return layout !== undefined && Object.hasOwn(layout, id) ? layout[id] : undefined;
}

/** The canvas nodes of a definition, in executor order. */
export function nodesOf(definition: WorkflowDefinition): CanvasNode[] {
  const start = definition.workflow.start;
  return definition.workflow.executors.map((executor) => ({
    id: asNodeId(executor.id),
    kind: executor.type,
    label: executor.type === 'agent' && executor.name !== undefined ? executor.name : executor.id,
    position: positionOf(definition, executor.id),
    isStart: executor.id === start,
    data: executor,
  }));
}

/** The canvas edges of a definition: one per connection, in edge then member order. */
export function edgesOf(definition: WorkflowDefinition): CanvasEdge[] {
  const ids = new Set(definition.workflow.executors.map((executor) => executor.id));
  return (definition.workflow.edges ?? []).flatMap((edge, index) =>
    membersOf(edge, index).map((member) => ({ ...member, dangling: !ids.has(member.source) || !ids.has(member.target) })),
  );
}

/** The connections one edge definition declares, with their canvas ids. */
export function membersOf(edge: EdgeDefinition, edgeIndex: number): Omit<CanvasEdge, 'dangling'>[] {
  const member = (id: EdgeRef, slot: EdgeSlot, source: string, target: string, kind: CanvasEdgeKind, label?: string) => ({
    id,
    edgeIndex,
    slot,
    source: asNodeId(source),
    target: asNodeId(target),
    kind,
    ...(label === undefined ? {} : { label }),
  });
  if ('switch' in edge) {
    let defaults = 0;
    return edge.switch.map((entry, index) => {
      const slot = { list: 'switch', index } as const;
      if ('default' in entry) {
        // a second default is invalid (validation says so) but still needs an id of its own
        const id = edgeRef(edgeIndex, defaults++ === 0 ? 'default' : `default${index}`);
        return member(id, slot, edge.from, entry.default, 'switch_default');
      }
      return member(edgeRef(edgeIndex, `case${index}`), slot, edge.from, entry.to, 'switch_case', entry.when);
    });
  }
  if (isFanIn(edge)) {
    const target = edge.to;
    return edge.from.map((source, index) => member(edgeRef(edgeIndex, index), { list: 'from', index }, source, target, 'fan_in'));
  }
  if (isFanOut(edge)) {
    const source = edge.from;
    return edge.to.map((target, index) => member(edgeRef(edgeIndex, index), { list: 'to', index }, source, target, 'fan_out'));
  }
  const kind = edge.condition === undefined ? 'plain' : 'conditional';
  return [member(edgeRef(edgeIndex), { list: 'none' }, edge.from, edge.to, kind, edge.condition)];
}
