import type { EdgeDefinition, WorkflowDefinition } from '@trellis/engine';
import type { AddEdgeChange, ChangeResult, RemoveEdgesChange, UpdateEdgeChange } from './changes.ts';
import { patchRecord, spliced, withEdges } from './document.ts';
import { EDGE_KEYS, removeMembers } from './edges.ts';
import { edgeRef, membersOf, parseEdgeRef } from './graph.ts';
import { fail } from './model-error.ts';
import { isCanvasEdge } from './shape.ts';

/**
 * The edge changes. They check the edge's structure and that indices and member ids exist, not
 * that the executors an edge names exist: a dangling edge is a state the format can hold (typed in
 * YAML, or left by an undo) and validation reports it on the canvas.
 */

function edgesIn(definition: WorkflowDefinition): EdgeDefinition[] {
  return definition.workflow.edges ?? [];
}

/** Adds an edge; its inverse removes it by index. */
export function addEdge(definition: WorkflowDefinition, change: AddEdgeChange): ChangeResult {
  const edges = edgesIn(definition);
  const index = change.index ?? edges.length;
  if (!isCanvasEdge(change.edge))
    fail('invalid_change', 'an edge needs from and to (a plain, conditional, fan-out or fan-in edge) or from and switch');
  if (!Number.isInteger(index) || index < 0 || index > edges.length) fail('unknown_edge', `there is no edge position ${String(index)}`);
  return {
    definition: withEdges(definition, spliced(edges, index, 0, change.edge)),
    inverse: [{ type: 'removeEdges', ids: [edgeRef(index)] }],
  };
}

/** Removes whole edges (`e3`) and members (`e3:1`, `e3:case0`, `e3:default`), repairing what is left. */
export function removeEdges(definition: WorkflowDefinition, change: RemoveEdgesChange): ChangeResult {
  const edges = edgesIn(definition);
  const whole = new Set<number>();
  const members = new Set<string>();
  for (const ref of change.ids) {
    const parsed = parseEdgeRef(ref);
    const edge = parsed === undefined ? undefined : edges[parsed.edgeIndex];
    if (parsed === undefined || edge === undefined) return fail('unknown_edge', `there is no edge '${ref}'`);
    if (ref === edgeRef(parsed.edgeIndex)) whole.add(parsed.edgeIndex);
    else if (membersOf(edge, parsed.edgeIndex).some((member) => member.id === ref)) members.add(ref);
    else fail('unknown_edge', `there is no edge '${ref}'`);
  }
  const result = removeMembers(edges, { edge: (index) => whole.has(index), member: (member) => members.has(member.id) });
  return { definition: result.changed ? withEdges(definition, result.edges) : definition, inverse: result.restore };
}

/** Patches the edge at an index (condition, switch cases, sources, targets); the result keeps a valid shape. */
export function updateEdge(definition: WorkflowDefinition, change: UpdateEdgeChange): ChangeResult {
  const edges = edgesIn(definition);
  const edge = edges[change.index];
  if (edge === undefined) return fail('unknown_edge', `there is no edge e${String(change.index)}`);
  const unknown = Object.keys(change.patch).find((key) => !(EDGE_KEYS as readonly string[]).includes(key));
  if (unknown !== undefined) fail('invalid_change', `an edge has no key '${unknown}' to update`);
  const { record, undo } = patchRecord(edge, change.patch);
  if (!isCanvasEdge(record)) fail('invalid_change', `the update leaves edge e${String(change.index)} without a valid shape`);
  return {
    definition: withEdges(definition, spliced(edges, change.index, 1, record)),
    inverse: [{ type: 'updateEdge', index: change.index, patch: undo }],
  };
}
