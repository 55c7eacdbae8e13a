import type { WorkflowDefinition } from '@trellis/engine';
import { asNodeId, membersOf, type NodeId } from './graph.ts';

/**
 * Node ids for new and pasted nodes. An id is "taken" not only by an executor but by any
 * reference to one (an edge end, `start`, a layout key): a new node that took the id of a dangling
 * edge's target would silently connect to it, and its removal on undo would not give the same
 * document back.
 */

/** The same rule as the engine's executor id schema. */
const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Whether `id` is a well-formed executor id (letters, digits, `_`, `-`), for a rename field. */
export function isValidNodeId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/** Every id the document uses: executor ids and every id an edge, `start` or `layout` names. */
export function takenIds(definition: WorkflowDefinition): Set<string> {
  const taken = new Set(definition.workflow.executors.map((executor) => executor.id));
  taken.add(definition.workflow.start);
  for (const key of Object.keys(definition.layout ?? {})) taken.add(key);
  (definition.workflow.edges ?? []).forEach((edge, index) => {
    for (const member of membersOf(edge, index)) {
      taken.add(member.source);
      taken.add(member.target);
    }
  });
  return taken;
}

/**
 * `wanted` if it is free, else the first free `base_2`, `base_3`, ... where `base` is `wanted`
 * without a `_N` suffix (so a second copy of `writer_2` is `writer_3`, not `writer_2_2`).
 */
export function uniqueId(taken: ReadonlySet<string>, wanted: string): string {
  if (!taken.has(wanted)) return wanted;
  const base = wanted.replace(/_\d+$/, '');
  for (let n = 2; ; n++) {
    const candidate = `${base}_${String(n)}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * A free id for a new node, from its kind (or any other base): `agent`, `agent_2`, ...
 *
 * @example
 * uniqueNodeId(definition, 'transform'); // 'transform', or 'transform_2' when that is taken
 */
export function uniqueNodeId(definition: WorkflowDefinition, base: string): NodeId {
  return asNodeId(uniqueId(takenIds(definition), base));
}
