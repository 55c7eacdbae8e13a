import type { z } from 'zod/mini';
import {
  executorSchema,
  fanInEdgeSchema,
  fanOutEdgeSchema,
  layoutSchema,
  singleEdgeSchema,
  switchCaseSchema,
  switchDefaultSchema,
  switchEdgeSchema,
  workflowBodySchema,
  workflowDefinitionSchema,
} from './schema.js';
import { isRecord, type PathSegment } from './problems.js';

/**
 * The keys of each kind of mapping in the format, read from the zod schema (so messages and the
 * writer's key order follow it), and which kind of mapping a path leads to.
 */

/** The object schema inside the lazy `workflowBodySchema`. */
export const workflowBodyObjectSchema = (workflowBodySchema as unknown as z.ZodMiniLazy<z.ZodMiniObject>)._zod.def.getter();

/** The object schema of each executor kind, in schema order. */
export const executorSchemas: ReadonlyMap<string, z.ZodMiniObject> = new Map(
  executorSchema._zod.def.options.map((option) => [option.shape.type._zod.def.values.join(), option as z.ZodMiniObject]),
);

/** The six executor kinds, in schema order. */
export const EXECUTOR_TYPES: readonly string[] = [...executorSchemas.keys()];

/** The edge shapes. */
export type EdgeKind = 'single' | 'fan_out' | 'fan_in' | 'switch';

/** The object schema of each edge shape. */
export const edgeSchemas: Readonly<Record<EdgeKind, z.ZodMiniObject>> = {
  single: singleEdgeSchema,
  fan_out: fanOutEdgeSchema,
  fan_in: fanInEdgeSchema,
  switch: switchEdgeSchema,
};

/** Which shape an edge mapping is meant to have, judging by its keys. */
export function edgeKind(edge: Record<string, unknown>): EdgeKind {
  if ('switch' in edge) return 'switch';
  if (Array.isArray(edge.from)) return 'fan_in';
  if (Array.isArray(edge.to)) return 'fan_out';
  return 'single';
}

/** The kinds of mapping the format has. */
export type MappingKind = 'root' | 'body' | 'executor' | 'edge' | 'switch_item' | 'layout' | 'layout_entry';

/** The kind of mapping `path` leads to, or undefined for free-form data (JSON Schemas). */
export function mappingKind(path: readonly PathSegment[]): MappingKind | undefined {
  const n = path.length;
  if (n === 0) return 'root';
  if (n === 1 && path[0] === 'layout') return 'layout';
  if (n === 2 && path[0] === 'layout') return 'layout_entry';
  const last = path[n - 1];
  const parent = path[n - 2];
  if (last === 'workflow' && (n === 1 || (typeof path[n - 2] === 'number' && path[n - 3] === 'executors'))) return 'body';
  if (typeof last !== 'number') return undefined;
  const inBody = path[n - 3] === 'workflow';
  if (parent === 'executors' && inBody) return 'executor';
  if (parent === 'edges' && inBody) return 'edge';
  if (parent === 'switch' && typeof path[n - 3] === 'number' && path[n - 4] === 'edges') return 'switch_item';
  return undefined;
}

const rootKeys = Object.keys(workflowDefinitionSchema.shape);
const bodyKeys = Object.keys(workflowBodyObjectSchema.shape);
const layoutEntryKeys = Object.keys((layoutSchema._zod.def.valueType as z.ZodMiniObject).shape);
const caseKeys = Object.keys(switchCaseSchema.shape);
const defaultKeys = Object.keys(switchDefaultSchema.shape);
const edgeKeys = ['from', 'to', 'condition', 'switch'];

/** An executor's keys in the written order: id, type, then the rest in schema order. */
export function executorKeys(type: unknown): readonly string[] {
  const schema = typeof type === 'string' ? executorSchemas.get(type) : undefined;
  const rest = schema === undefined ? ['description'] : Object.keys(schema.shape).filter((k) => k !== 'id' && k !== 'type');
  return ['id', 'type', ...rest];
}

/**
 * The keys allowed in the mapping at `path` (holding `value`), in the order the writer uses, or
 * undefined where any key goes (layout, JSON Schemas).
 */
export function allowedKeys(path: readonly PathSegment[], value: unknown): readonly string[] | undefined {
  const record = isRecord(value) ? value : {};
  switch (mappingKind(path)) {
    case 'root':
      return rootKeys;
    case 'body':
      return bodyKeys;
    case 'executor':
      return executorKeys(record.type);
    case 'edge':
      return Object.keys(edgeSchemas[edgeKind(record)].shape);
    case 'switch_item':
      return 'default' in record ? defaultKeys : caseKeys;
    case 'layout_entry':
      return layoutEntryKeys;
    default:
      return undefined;
  }
}

/** The order the writer puts the keys of the mapping at `path` in, or undefined to keep the given order. */
export function keyOrder(path: readonly PathSegment[], value: unknown): readonly string[] | undefined {
  const kind = mappingKind(path);
  if (kind === 'edge') return edgeKeys;
  if (kind === 'switch_item') return [...caseKeys, ...defaultKeys];
  return allowedKeys(path, value);
}
