import type { EdgeDefinition, ExecutorDefinition, WorkflowDefinition } from '@trellis/engine';
import type { FlowPosition } from './graph.ts';
import { fail } from './model-error.ts';

/**
 * Immutable updates of a definition shared by the change functions: each answers a new object
 * and shares every part it did not touch (structural sharing, so a React selector on an untouched
 * node sees the same object). Keys are set with `Object.fromEntries`, never by assignment, because
 * node ids such as `__proto__` or `constructor` are legal layout keys.
 */

/** The definition with a new executor list. */
export function withExecutors(definition: WorkflowDefinition, executors: ExecutorDefinition[]): WorkflowDefinition {
  return { ...definition, workflow: { ...definition.workflow, executors } };
}

/**
 * The definition with a new edge list. A list a change empties is dropped rather than written as
 * `edges: []`, so that adding an edge to a file without one and undoing it gives the file back.
 */
export function withEdges(definition: WorkflowDefinition, edges: EdgeDefinition[]): WorkflowDefinition {
  if (edges.length > 0) return { ...definition, workflow: { ...definition.workflow, edges } };
  const { edges: current, ...rest } = definition.workflow;
  return current === undefined || current.length === 0 ? definition : { ...definition, workflow: rest };
}

/** The layout as entries, in file order. */
export function layoutEntries(definition: WorkflowDefinition): [string, FlowPosition][] {
  return Object.entries(definition.layout ?? {});
}

/** The definition with a new layout; an emptied layout is dropped (as with {@link withEdges}). */
export function withLayout(definition: WorkflowDefinition, entries: readonly (readonly [string, FlowPosition])[]): WorkflowDefinition {
  if (entries.length > 0) return { ...definition, layout: Object.fromEntries(entries) };
  const { layout, ...rest } = definition;
  return layout === undefined || Object.keys(layout).length === 0 ? definition : rest;
}

/**
 * The definition with `id` at `position` (or without a layout entry for `null`). A new entry goes
 * where its executor's place in the list puts it, so undoing a node removal writes the file's
 * layout back in its order.
 */
export function withPosition(definition: WorkflowDefinition, id: string, position: FlowPosition | null): WorkflowDefinition {
  const entries = layoutEntries(definition);
  const existing = entries.findIndex(([key]) => key === id);
  if (position === null) return existing === -1 ? definition : withLayout(definition, spliced(entries, existing, 1));
  const entry = [id, { x: position.x, y: position.y }] as const;
  if (existing !== -1) return withLayout(definition, spliced(entries, existing, 1, entry));
  const rank = new Map(definition.workflow.executors.map((executor, i) => [executor.id, i]));
  const mine = rank.get(id) ?? Number.POSITIVE_INFINITY;
  const at = entries.findIndex(([key]) => (rank.get(key) ?? -1) > mine);
  return withLayout(definition, spliced(entries, at === -1 ? entries.length : at, 0, entry));
}

/** A copy of `list` with `count` items at `start` replaced by `items` (`Array#toSpliced`, not in ES2022). */
export function spliced<T>(list: readonly T[], start: number, count: number, ...items: T[]): T[] {
  return [...list.slice(0, start), ...items, ...list.slice(start + count)];
}

/** The index of executor `id`, or a `unknown_node` error. */
export function indexOfNode(definition: WorkflowDefinition, id: string): number {
  const index = definition.workflow.executors.findIndex((executor) => executor.id === id);
  return index === -1 ? fail('unknown_node', `there is no node '${id}'`) : index;
}

/** A patch: a key set to a value sets it, `null` removes it, an absent key is left alone. */
export type Patch = object;

/**
 * Applies a patch to a record, keeping the order of the keys it keeps (new keys go last); answers
 * the new record and the patch that undoes it (old values, `null` for keys that were absent).
 */
export function patchRecord<T extends object>(record: T, patch: Patch): { record: T; undo: Record<string, unknown> } {
  const before = record as Record<string, unknown>;
  const changed = Object.entries(patch).filter(([, value]) => value !== undefined);
  const undo = Object.fromEntries(changed.map(([key]) => [key, Object.hasOwn(before, key) ? before[key] : null]));
  const next = new Map(Object.entries(before));
  for (const [key, value] of changed) {
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  return { record: Object.fromEntries(next) as T, undo };
}

/** Whether two JSON values are equal (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, i) => sameJson(item, b[i]));
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(b)) return false;
  const keys = Object.keys(a);
  const other = b as Record<string, unknown>;
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && sameJson((a as Record<string, unknown>)[key], other[key]))
  );
}
