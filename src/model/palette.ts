import type { ExecutorDefinition, WorkflowDefinition } from '@trellis/engine';
import type { AddNodeChange, ExecutorPatch } from './changes.ts';
import { NODE_KINDS, type FlowPosition, type NodeKind } from './graph.ts';
import { uniqueNodeId } from './ids.ts';

/**
 * The node kinds as the palette offers them: a label, the fields each kind has, and the definition
 * of a freshly dropped node.
 */

type FieldsOf<K extends NodeKind> = Exclude<keyof Extract<ExecutorDefinition, { type: K }>, 'id' | 'type'>;
type FieldTable = { readonly [K in NodeKind]: readonly FieldsOf<K>[] };
/** `T` itself when it lists every field of every kind; `never` (a compile error below) when one is missing. */
type Complete<T extends FieldTable> = { [K in NodeKind]: Exclude<FieldsOf<K>, T[K][number]> }[NodeKind] extends never ? T : never;

const fields = {
  agent: ['name', 'description', 'instructions', 'model'],
  function: ['description', 'input', 'output', 'code', 'use'],
  transform: ['description', 'expression'],
  request_info: ['description', 'prompt', 'response'],
  workflow: ['description', 'ref', 'workflow', 'propagate_requests', 'allow_direct_output'],
  output: ['description'],
} as const satisfies FieldTable;

/**
 * The fields `updateNode` may patch on each kind (checked against the engine's types when this
 * compiles, so a field the format gains must be listed here).
 */
export const EXECUTOR_FIELDS: Complete<typeof fields> = fields;

/** Whether a kind has a field. */
export function hasField(kind: NodeKind, field: string): field is keyof ExecutorPatch {
  return (EXECUTOR_FIELDS[kind] as readonly string[]).includes(field);
}

/** The palette's entries, in the order. */
export const PALETTE: readonly { readonly kind: NodeKind; readonly label: string }[] = NODE_KINDS.map((kind) => ({
  kind,
  label: {
    agent: 'Agent',
    function: 'Function',
    transform: 'Transform',
    request_info: 'Human input',
    workflow: 'Sub-workflow',
    output: 'Output',
  }[kind],
}));

/**
 * A new node of a kind, with the least that makes it valid: a function returns its input, a
 * transform passes it on, a human input has an empty prompt. A sub-workflow starts with neither
 * `ref` nor an inline workflow: which file it runs is the author's choice, and validation badges
 * the node until it is made.
 */
export function newExecutor(kind: NodeKind, id: string): ExecutorDefinition {
  switch (kind) {
    case 'function':
      return { id, type: kind, code: 'return input' };
    case 'transform':
      return { id, type: kind, expression: 'input' };
    case 'request_info':
      return { id, type: kind, prompt: '' };
    default:
      return { id, type: kind };
  }
}

/**
 * The change that drops a new node of `kind` from the palette at `position`, with a free id.
 *
 * @example
 * applyChange(definition, addNodeOf(definition, 'agent', { x: 100, y: 40 })); // adds 'agent' (or 'agent_2', ...)
 */
export function addNodeOf(definition: WorkflowDefinition, kind: NodeKind, position: FlowPosition | null): AddNodeChange {
  return { type: 'addNode', node: newExecutor(kind, uniqueNodeId(definition, kind)), position };
}
