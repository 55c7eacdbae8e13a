import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { groupSources, groupTargets, type EdgeGroup } from '../builder/edge-groups.js';
import type { WorkflowGraph } from '../builder/graph.js';
import type { JsonValue } from './types.js';

/**
 * The structure a checkpoint depends on: the start, each executor's id and kind (with a child
 * workflow's own signature), and each edge group's kind, ends and condition names. Handler code is
 * not part of it, so fixing a bug in an executor keeps old checkpoints usable (Agent Framework's
 * graph signature makes the same choice).
 */
export interface GraphSignature {
  start: string;
  executors: Record<string, string | { type: string; subWorkflow: GraphSignature }>;
  edgeGroups: string[];
}

/** Something that exposes the graph of a child workflow (a sub-workflow executor). */
interface ChildGraphHost {
  readonly childGraph: WorkflowGraph;
}

function hasChildGraph(value: unknown): value is ChildGraphHost {
  return typeof value === 'object' && value !== null && 'childGraph' in value;
}

/** The signature of a graph. */
export function graphSignature(graph: WorkflowGraph): GraphSignature {
  const executors: GraphSignature['executors'] = {};
  for (const [id, executor] of graph.executors) {
    executors[id] = hasChildGraph(executor)
      ? { type: executor.typeName, subWorkflow: graphSignature(executor.childGraph) }
      : executor.typeName;
  }
  return { start: graph.startId, executors, edgeGroups: graph.edgeGroups.map(describeGroup).sort() };
}

function describeGroup(group: EdgeGroup): string {
  const sources = [...groupSources(group)].sort().join(',');
  const targets = [...groupTargets(group)].sort().join(',');
  switch (group.kind) {
    case 'single':
      return `single ${sources} -> ${targets}${group.conditionName === undefined ? '' : ` if ${group.conditionName}`}`;
    case 'fan_out':
      return `fan_out ${sources} -> ${targets}${group.selectionName === undefined ? '' : ` select ${group.selectionName}`}`;
    case 'fan_in':
      return `fan_in ${sources} -> ${targets}`;
    case 'switch_case':
      return `switch_case ${sources} -> ${group.cases.map((c) => `${c.conditionName}:${c.target}`).join(',')},default:${group.defaultTarget}`;
  }
}

/**
 * sha256 of the signature's canonical JSON (keys sorted at every level), as hex. Executors are
 * serialized in id order with native JSON.stringify, which keeps this cheap for large graphs (it
 * runs once per workflow instance, on its first checkpoint).
 */
export function hashSignature(signature: GraphSignature): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(signature as unknown as JsonValue))));
}

function canonicalJson(value: JsonValue): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const sorted: Record<string, JsonValue> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys(value[key] as JsonValue);
  return sorted;
}

/** What differs between the graph a checkpoint was written by and this one, in words. */
export function describeSignatureChange(before: GraphSignature, after: GraphSignature): string[] {
  const changes: string[] = [];
  if (before.start !== after.start) changes.push(`the start executor changed from '${before.start}' to '${after.start}'`);
  for (const id of Object.keys(before.executors)) {
    if (!(id in after.executors)) changes.push(`executor '${id}' was removed`);
    else if (canonicalJson(before.executors[id] as JsonValue) !== canonicalJson(after.executors[id] as JsonValue)) {
      changes.push(`executor '${id}' changed kind (${kindOf(before.executors[id])} -> ${kindOf(after.executors[id])})`);
    }
  }
  for (const id of Object.keys(after.executors)) if (!(id in before.executors)) changes.push(`executor '${id}' was added`);
  const beforeGroups = new Set(before.edgeGroups);
  const afterGroups = new Set(after.edgeGroups);
  for (const g of before.edgeGroups) if (!afterGroups.has(g)) changes.push(`edge group '${g}' was removed`);
  for (const g of after.edgeGroups) if (!beforeGroups.has(g)) changes.push(`edge group '${g}' was added`);
  return changes;
}

function kindOf(entry: GraphSignature['executors'][string] | undefined): string {
  if (entry === undefined) return 'none';
  return typeof entry === 'string' ? entry : `${entry.type} with a different sub-workflow`;
}
