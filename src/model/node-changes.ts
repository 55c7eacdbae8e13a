import type { WorkflowDefinition } from '@trellis/engine';
import type {
  AddNodeChange,
  ChangeResult,
  GraphChange,
  MoveNodesChange,
  RemoveNodesChange,
  RenameNodeChange,
  SetStartChange,
  UpdateNodeChange,
} from './changes.ts';
import { indexOfNode, layoutEntries, patchRecord, spliced, withEdges, withExecutors, withLayout, withPosition } from './document.ts';
import { removeMembers, renameInEdge } from './edges.ts';
import { asNodeId, membersOf, positionOf } from './graph.ts';
import { takenIds } from './ids.ts';
import { fail } from './model-error.ts';
import { hasField } from './palette.ts';
import { isCanvasExecutor, isFlowPosition } from './shape.ts';

/** The node changes (see {@link GraphChange} for what each one means). */

function withStart(definition: WorkflowDefinition, start: string): WorkflowDefinition {
  return { ...definition, workflow: { ...definition.workflow, start } };
}

/** Adds a node; its inverse removes it (and gives back the start it may have taken). */
export function addNode(definition: WorkflowDefinition, change: AddNodeChange): ChangeResult {
  const { node, position } = change;
  const executors = definition.workflow.executors;
  const index = change.index ?? executors.length;
  if (!isCanvasExecutor(node)) fail('invalid_change', 'a node needs a string id and a known type');
  if (position !== null && !isFlowPosition(position)) fail('invalid_change', `node '${node.id}' needs a finite position`);
  if (takenIds(definition).has(node.id)) fail('id_taken', `the id '${node.id}' is already used`);
  if (!Number.isInteger(index) || index < 0 || index > executors.length)
    fail('invalid_change', `there is no node position ${String(index)}`);
  let next = withExecutors(definition, spliced(executors, index, 0, node));
  if (position !== null) next = withPosition(next, node.id, position);
  const inverse: GraphChange[] = [{ type: 'removeNodes', ids: [asNodeId(node.id)] }];
  if (executors.length === 0) {
    // the first node of an empty document is where a run starts
    next = withStart(next, node.id);
    inverse.push({ type: 'setStart', start: definition.workflow.start });
  }
  return { definition: next, inverse };
}

/** Removes nodes, their layout entries and their connections; moves the start if it goes. */
export function removeNodes(definition: WorkflowDefinition, change: RemoveNodesChange): ChangeResult {
  const doomed = new Set<string>(change.ids);
  for (const id of doomed) indexOfNode(definition, id);
  const { executors, start } = definition.workflow;
  const inverse: GraphChange[] = executors.flatMap((node, index) =>
    doomed.has(node.id) ? [{ type: 'addNode' as const, node, position: positionOf(definition, node.id) ?? null, index }] : [],
  );
  const left = executors.filter((node) => !doomed.has(node.id));
  let next = withExecutors(definition, left);
  const edges = removeMembers(definition.workflow.edges ?? [], { member: (m) => doomed.has(m.source) || doomed.has(m.target) });
  if (edges.changed) next = withEdges(next, edges.edges);
  inverse.push(...edges.restore);
  const layout = layoutEntries(definition);
  const keptLayout = layout.filter(([id]) => !doomed.has(id));
  if (keptLayout.length < layout.length) next = withLayout(next, keptLayout);
  if (doomed.has(start)) next = withStart(next, successor(definition, doomed));
  // re-adding the first node of an emptied document makes it the start, so undo says what the start was
  if (doomed.has(start) || left.length === 0) inverse.push({ type: 'setStart', start });
  return { definition: next, inverse };
}

/** Where the start goes when it is removed: the first node it led to, else the first node left, else nowhere. */
function successor(definition: WorkflowDefinition, doomed: ReadonlySet<string>): string {
  const { executors, start } = definition.workflow;
  const alive = (id: string): boolean => !doomed.has(id) && executors.some((node) => node.id === id);
  const next = (definition.workflow.edges ?? [])
    .flatMap((edge, index) => membersOf(edge, index))
    .find((member) => member.source === start && alive(member.target));
  return next?.target ?? executors.find((node) => !doomed.has(node.id))?.id ?? '';
}

/** Moves nodes (or drops their layout entries); the inverse puts each back where it was. */
export function moveNodes(definition: WorkflowDefinition, change: MoveNodesChange): ChangeResult {
  const before = new Map<string, ReturnType<typeof positionOf>>();
  for (const { id, position } of change.moves) {
    indexOfNode(definition, id);
    if (position !== null && !isFlowPosition(position)) fail('invalid_change', `node '${id}' needs a finite position`);
    if (!before.has(id)) before.set(id, positionOf(definition, id));
  }
  const next = dragged(definition, change) ?? change.moves.reduce((d, { id, position }) => withPosition(d, id, position), definition);
  const moves = [...before].map(([id, position]) => ({ id: asNodeId(id), position: position ?? null }));
  return { definition: next, inverse: [{ type: 'moveNodes', moves }] };
}

/**
 * A drag tick moves nodes that already have layout entries: one pass over the layout instead of
 * one per moved node, which matters when many nodes of a large file are dragged at 60 fps.
 * Undefined when some move adds or drops an entry (the general path places those).
 */
function dragged(definition: WorkflowDefinition, change: MoveNodesChange): WorkflowDefinition | undefined {
  // copied to plain { x, y }: the UI may hand in a position object it later mutates or that carries more fields
  const targets = new Map(change.moves.map(({ id, position }) => [id as string, position && { x: position.x, y: position.y }]));
  if ([...targets].some(([id, position]) => position === null || positionOf(definition, id) === undefined)) return undefined;
  return withLayout(
    definition,
    layoutEntries(definition).map(([id, position]) => [id, targets.get(id) ?? position] as const),
  );
}

/** Sets or removes fields of a node; each must be a field of its kind. */
export function updateNode(definition: WorkflowDefinition, change: UpdateNodeChange): ChangeResult {
  const index = indexOfNode(definition, change.id);
  const executors = definition.workflow.executors;
  const node = executors[index] ?? fail('unknown_node', `there is no node '${change.id}'`);
  for (const [field, value] of Object.entries(change.patch)) {
    if (value !== undefined && !hasField(node.type, field)) fail('invalid_change', `a ${node.type} node has no field '${field}'`);
  }
  const { record, undo } = patchRecord(node, change.patch);
  return {
    definition: withExecutors(definition, spliced(executors, index, 1, record)),
    inverse: [{ type: 'updateNode', id: change.id, patch: undo }],
  };
}

/** Renames a node and every reference to it. */
export function renameNode(definition: WorkflowDefinition, change: RenameNodeChange): ChangeResult {
  const { from, to } = change;
  const index = indexOfNode(definition, from);
  if (from === to) return { definition, inverse: [] };
  if (takenIds(definition).has(to)) fail('id_taken', `the id '${to}' is already used`);
  const rename = (id: string): string => (id === from ? to : id);
  const { executors, edges, start } = definition.workflow;
  const node = executors[index] ?? fail('unknown_node', `there is no node '${from}'`);
  let next = withExecutors(definition, spliced(executors, index, 1, { ...node, id: to }));
  if (edges !== undefined)
    next = withEdges(
      next,
      edges.map((edge) => renameInEdge(edge, rename)),
    );
  if (positionOf(definition, from) !== undefined)
    next = withLayout(
      next,
      layoutEntries(definition).map(([id, p]) => [rename(id), p] as const),
    );
  if (start === from) next = withStart(next, to);
  return { definition: next, inverse: [{ type: 'renameNode', from: to, to: from }] };
}

/** Sets the start (any string: validation reports one that names no node). */
export function setStart(definition: WorkflowDefinition, change: SetStartChange): ChangeResult {
  return { definition: withStart(definition, change.start), inverse: [{ type: 'setStart', start: definition.workflow.start }] };
}
