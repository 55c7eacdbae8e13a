import type { EdgeDefinition, ExecutorDefinition, WorkflowDefinition } from '@trellis/engine';
import { addEdge, removeEdges, updateEdge } from './edge-changes.ts';
import type { EdgeRef, FlowPosition, NodeId } from './graph.ts';
import { assertNever, fail } from './model-error.ts';
import { addNode, moveNodes, removeNodes, renameNode, setStart, updateNode } from './node-changes.ts';
import { patchRecord } from './document.ts';
import { isCanvasDocument } from './shape.ts';

export { ModelError, type ModelErrorCode } from './model-error.ts';

/**
 * Every edit of the document is one of these plain, serializable objects, applied by the pure
 * {@link applyChange}. The same objects are recorded for undo/redo (each application answers its
 * inverse), saved, and followed by validation. Selection and viewport are not document changes and
 * have no member here, so they can never reach the history.
 */
export type GraphChange =
  | AddNodeChange
  | RemoveNodesChange
  | MoveNodesChange
  | UpdateNodeChange
  | RenameNodeChange
  | SetStartChange
  | AddEdgeChange
  | RemoveEdgesChange
  | UpdateEdgeChange
  | SetWorkflowMetaChange
  | ReplaceDocumentChange;

/**
 * Adds an executor (kind, id and initial fields are the `node`), at `index` in the list (default:
 * last) and at `position` (`null`: no layout entry). The id must be free (see `uniqueNodeId`). The
 * first node of an empty document becomes its start.
 */
export interface AddNodeChange {
  readonly type: 'addNode';
  readonly node: ExecutorDefinition;
  readonly position: FlowPosition | null;
  readonly index?: number;
}

/**
 * Removes executors with their layout entries, and repairs the edges touching them: a plain edge
 * goes, a fan-out or fan-in loses the member (one member left: a plain edge), a switch loses the
 * case (a default alone: a plain edge; one case alone: a conditional edge). A removed start moves
 * to the node it led to, else to the first node left, else becomes `''` (a validation problem).
 */
export interface RemoveNodesChange {
  readonly type: 'removeNodes';
  readonly ids: readonly NodeId[];
}

/** Moves nodes; `null` removes a node's layout entry (the UI lays it out itself). */
export interface MoveNodesChange {
  readonly type: 'moveNodes';
  readonly moves: readonly { readonly id: NodeId; readonly position: FlowPosition | null }[];
}

/** The executor fields an `updateNode` may set (not `id`: rename; not `type`: replace the node). */
export interface ExecutorPatch {
  readonly name?: string | null;
  readonly description?: string | null;
  readonly instructions?: string | null;
  readonly model?: string | null;
  readonly input?: string | Readonly<Record<string, unknown>> | null;
  readonly output?: string | Readonly<Record<string, unknown>> | null;
  readonly code?: string | null;
  readonly use?: string | null;
  readonly expression?: string | null;
  readonly prompt?: string | null;
  readonly response?: Readonly<Record<string, unknown>> | null;
  readonly ref?: string | null;
  readonly workflow?: Extract<ExecutorDefinition, { type: 'workflow' }>['workflow'] | null;
  readonly propagate_requests?: boolean | null;
  readonly allow_direct_output?: boolean | null;
}

/** Sets (a value) or removes (`null`) fields of an executor; each field must belong to its kind. */
export interface UpdateNodeChange {
  readonly type: 'updateNode';
  readonly id: NodeId;
  readonly patch: ExecutorPatch;
}

/** Renames an executor and every reference to it: edges, `layout`, `start`. `to` must be free. */
export interface RenameNodeChange {
  readonly type: 'renameNode';
  readonly from: NodeId;
  readonly to: NodeId;
}

/** Sets `workflow.start` (`''` clears it; validation reports a start that names no executor). */
export interface SetStartChange {
  readonly type: 'setStart';
  readonly start: string;
}

/** Adds an edge of any shape at `index` in `workflow.edges` (default: last). */
export interface AddEdgeChange {
  readonly type: 'addEdge';
  readonly edge: EdgeDefinition;
  readonly index?: number;
}

/**
 * Removes canvas edges by id: `e3` removes the whole edge at index 3; a member id (`e3:1`,
 * `e3:case0`, `e3:default`) removes that connection only, repairing the edge as `removeNodes` does.
 * Edge ids after the removed ones shift down: the UI re-derives them with `edgesOf`.
 */
export interface RemoveEdgesChange {
  readonly type: 'removeEdges';
  readonly ids: readonly EdgeRef[];
}

/** One entry of a switch edge. */
export type SwitchEntry = Extract<EdgeDefinition, { switch: unknown }>['switch'][number];

/** The edge keys an `updateEdge` may set or (with `null`) remove. */
export interface EdgePatch {
  readonly from?: string | readonly string[];
  readonly to?: string | readonly string[] | null;
  readonly condition?: string | null;
  readonly switch?: readonly SwitchEntry[] | null;
}

/**
 * Edits the edge at `index`: its condition text, switch cases, sources or targets. The result must
 * still be one of the four shapes (to turn a plain edge into a switch, set `switch` and `to: null`).
 */
export interface UpdateEdgeChange {
  readonly type: 'updateEdge';
  readonly index: number;
  readonly patch: EdgePatch;
}

/** The workflow fields a `setWorkflowMeta` may set or (with `null`, except `name`) remove. */
export interface WorkflowMetaPatch {
  readonly name?: string;
  readonly description?: string | null;
  readonly max_iterations?: number | null;
  readonly input?: Readonly<Record<string, unknown>> | null;
}

/** Sets the workflow's name, description, iteration limit or input schema. */
export interface SetWorkflowMetaChange {
  readonly type: 'setWorkflowMeta';
  readonly patch: WorkflowMetaPatch;
}

/** Replaces the whole document (a YAML-panel edit that parsed, a loaded file). */
export interface ReplaceDocumentChange {
  readonly type: 'replaceDocument';
  readonly definition: WorkflowDefinition;
}

/** A changed definition and the changes that, applied in order, give the old one back. */
export interface ChangeResult {
  definition: WorkflowDefinition;
  inverse: GraphChange[];
}

/**
 * Applies one change. Pure: the input is never mutated, and untouched parts are shared with the
 * result. Throws a {@link ModelError} (and changes nothing) when the change is impossible: an
 * unknown id or edge, an id collision, a field the node kind has not, a broken structure.
 *
 * @example
 * const { definition: moved, inverse } = applyChange(definition, { type: 'moveNodes', moves: [{ id, position: { x: 0, y: 0 } }] });
 * applyChanges(moved, inverse).definition; // deep-equal to definition
 */
export function applyChange(definition: WorkflowDefinition, change: GraphChange): ChangeResult {
  switch (change.type) {
    case 'addNode':
      return addNode(definition, change);
    case 'removeNodes':
      return removeNodes(definition, change);
    case 'moveNodes':
      return moveNodes(definition, change);
    case 'updateNode':
      return updateNode(definition, change);
    case 'renameNode':
      return renameNode(definition, change);
    case 'setStart':
      return setStart(definition, change);
    case 'addEdge':
      return addEdge(definition, change);
    case 'removeEdges':
      return removeEdges(definition, change);
    case 'updateEdge':
      return updateEdge(definition, change);
    case 'setWorkflowMeta':
      return setWorkflowMeta(definition, change);
    case 'replaceDocument':
      return replaceDocument(definition, change);
    default:
      return assertNever(change);
  }
}

/**
 * Applies changes in order, as one unit: all of them or (on a {@link ModelError}) none. The
 * inverse undoes the whole batch.
 */
export function applyChanges(definition: WorkflowDefinition, changes: readonly GraphChange[]): ChangeResult {
  let current = definition;
  const inverses: GraphChange[][] = [];
  for (const change of changes) {
    const result = applyChange(current, change);
    current = result.definition;
    inverses.push(result.inverse);
  }
  return { definition: current, inverse: inverses.reverse().flat() };
}

const META_KEYS: readonly string[] = ['name', 'description', 'max_iterations', 'input'];

function setWorkflowMeta(definition: WorkflowDefinition, change: SetWorkflowMetaChange): ChangeResult {
  const unknown = Object.keys(change.patch).find((key) => !META_KEYS.includes(key));
  if (unknown !== undefined)
    fail('invalid_change', `'${unknown}' is not a workflow setting (edit nodes, edges and start with their own changes)`);
  if ((change.patch as { name?: unknown }).name === null) fail('invalid_change', 'a workflow needs a name');
  const { record, undo } = patchRecord(definition.workflow, change.patch);
  return { definition: { ...definition, workflow: record }, inverse: [{ type: 'setWorkflowMeta', patch: undo }] };
}

function replaceDocument(definition: WorkflowDefinition, change: ReplaceDocumentChange): ChangeResult {
  if (!isCanvasDocument(change.definition)) fail('invalid_change', 'the new document does not have the structure of a workflow');
  return { definition: change.definition, inverse: [{ type: 'replaceDocument', definition }] };
}
