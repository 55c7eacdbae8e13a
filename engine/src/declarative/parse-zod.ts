import type { z } from 'zod/mini';
import { EXECUTOR_TYPES, allowedKeys, edgeKind, edgeSchemas, mappingKind } from './parse-keys.js';
import { didYouMean, isRecord, show, type PathSegment, type RawProblem } from './problems.js';
import { switchCaseSchema, switchDefaultSchema, workflowDefinitionSchema } from './schema.js';

/**
 * Structural validation with the zod schema, its issues turned into problems with clear messages:
 * each issue's path is kept (the locator finds the YAML node), unknown keys point at the key, and
 * the union failures of executors and edges are replaced by an analysis of what the mapping holds.
 */

type Issue = z.core.$ZodIssue;

/** Every structural problem of `data` as a workflow definition. */
export function schemaProblems(data: unknown): RawProblem[] {
  const result = workflowDefinitionSchema.safeParse(data);
  if (result.success) return [];
  const out: RawProblem[] = [];
  const edgesDone = new Set<string>();
  for (const issue of result.error.issues) {
    const path = issue.path as PathSegment[];
    const edgePath = enclosingEdge(path);
    if (edgePath === undefined) {
      out.push(...issueProblems(issue, [], data));
      continue;
    }
    const key = edgePath.join('\u0000');
    if (edgesDone.has(key)) continue;
    edgesDone.add(key);
    out.push(...edgeProblems(valueAt(data, edgePath), edgePath, data));
  }
  return out;
}

/** The value at `path` in `data`, or undefined. */
export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let value = data;
  for (const segment of path) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment] as unknown;
    else if (isRecord(value) && Object.hasOwn(value, segment)) value = value[segment];
    else return undefined;
  }
  return value;
}

function enclosingEdge(path: readonly PathSegment[]): PathSegment[] | undefined {
  for (let n = path.length; n >= 2; n--) {
    if (mappingKind(path.slice(0, n)) === 'edge') return path.slice(0, n);
  }
  return undefined;
}

/** An edge's problems, judged against the shape its keys say it is meant to have. */
function edgeProblems(edge: unknown, path: PathSegment[], data: unknown): RawProblem[] {
  if (!isRecord(edge)) {
    return [{ code: 'invalid_edge', message: `an edge is a mapping with from and to (or from and switch), not ${show(edge)}`, path }];
  }
  const kind = edgeKind(edge);
  const out: RawProblem[] = [];
  const listToList = kind === 'fan_in' && Array.isArray(edge.to);
  if (listToList) {
    out.push({
      code: 'invalid_edge',
      message: 'a fan-in (a list in `from`) goes to one executor: `to` must be a single id, not a list',
      path: [...path, 'to'],
    });
  }
  const result = edgeSchemas[kind].safeParse(listToList ? { ...edge, to: 'x' } : edge);
  if (!result.success) for (const issue of result.error.issues) out.push(...issueProblems(issue, path, data));
  return out;
}

function issueProblems(issue: Issue, base: readonly PathSegment[], data: unknown): RawProblem[] {
  const path = [...base, ...(issue.path as PathSegment[])];
  const value = valueAt(data, path);
  const last = path[path.length - 1];
  const name = typeof last === 'string' ? `'${last}'` : 'this item';
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => unknownKey(path, key, data));
    case 'invalid_union':
      return unionProblems(issue, path, value, data);
    case 'invalid_type':
      if (value === undefined) return [missingKey(path, data)];
      if (path.length === 0)
        return [{ code: 'invalid_value', message: `a workflow file is a mapping with a 'workflow' key, not ${show(value)}`, path }];
      return [{ code: 'invalid_value', message: `${name} must be ${describeExpected(issue.expected)}, not ${show(value)}`, path }];
    case 'invalid_format':
      return [{ code: 'invalid_value', message: `${show(value)}: ${issue.message}`, path }];
    case 'too_small':
      return [{ code: 'invalid_value', message: tooSmall(issue, path, name), path }];
    case 'too_big':
      return [{ code: 'invalid_value', message: `${name} must be at most ${String(issue.maximum)}`, path }];
    case 'invalid_key': {
      const detail = issue.issues[0]?.message ?? issue.message;
      return [{ code: 'invalid_value', message: `the key ${show(last)} is not valid: ${detail}`, path, target: 'key' }];
    }
    case 'invalid_value':
      return [{ code: 'invalid_value', message: `${name} must be one of ${issue.values.map((v) => show(v)).join(', ')}`, path }];
    default:
      return [{ code: 'invalid_value', message: `${name}: ${issue.message}`, path }];
  }
}

function unionProblems(issue: Issue & { code: 'invalid_union' }, path: PathSegment[], value: unknown, data: unknown): RawProblem[] {
  if (issue.discriminator === 'type') {
    const executor = path.slice(0, -1);
    if (value === undefined) {
      return [
        { code: 'missing_key', message: `${where(executor, data)} has no 'type'; it must be one of ${EXECUTOR_TYPES.join(', ')}`, path },
      ];
    }
    const hint = typeof value === 'string' ? didYouMean(value, EXECUTOR_TYPES) : '';
    return [
      {
        code: 'unknown_executor_type',
        message: `unknown executor type ${show(value)}; the types are ${EXECUTOR_TYPES.join(', ')}${hint}`,
        path,
      },
    ];
  }
  if (mappingKind(path) === 'switch_item' && isRecord(value)) {
    const result = ('default' in value ? switchDefaultSchema : switchCaseSchema).safeParse(value);
    return result.success ? [] : result.error.issues.flatMap((i) => issueProblems(i, path, data));
  }
  if (mappingKind(path) === 'switch_item') {
    return [{ code: 'invalid_switch', message: `a switch entry is a mapping with when and to, or with default, not ${show(value)}`, path }];
  }
  const last = path[path.length - 1];
  if (last === 'input' || last === 'output') {
    const types = 'string, number, boolean, object, array, null, any';
    return [
      { code: 'invalid_value', message: `'${last}' must be a type name (${types}) or a JSON Schema mapping, not ${show(value)}`, path },
    ];
  }
  return [{ code: 'invalid_value', message: `${show(value)} matches none of the allowed forms`, path }];
}

function unknownKey(path: PathSegment[], key: string, data: unknown): RawProblem {
  const keyPath = [...path, key];
  const value = valueAt(data, path);
  const kind = mappingKind(path);
  if (kind === 'edge' && isRecord(value)) {
    const edgeShape = edgeKind(value);
    if (edgeShape === 'switch' && (key === 'to' || key === 'condition')) {
      const message =
        key === 'to'
          ? 'an edge has either `to` or `switch`, not both'
          : 'a switch takes no `condition`: conditions go in its cases (`when`)';
      return { code: 'invalid_edge', message, path: keyPath, target: 'key' };
    }
    if (key === 'condition' && edgeShape !== 'single') {
      const shape = edgeShape === 'fan_in' ? 'fan-in' : 'fan-out';
      return {
        code: 'invalid_edge',
        message: `a ${shape} takes no \`condition\`; only a single edge (one from, one to) does`,
        path: keyPath,
        target: 'key',
      };
    }
  }
  const allowed = allowedKeys(path, value) ?? [];
  const hint = didYouMean(key, allowed);
  const list = allowed.length > 0 ? ` (allowed: ${allowed.join(', ')})` : '';
  return { code: 'unknown_key', message: `unknown key '${key}' in ${where(path, data)}${hint || list}`, path: keyPath, target: 'key' };
}

function missingKey(path: PathSegment[], data: unknown): RawProblem {
  const parent = path.slice(0, -1);
  const key = String(path[path.length - 1]);
  if (mappingKind(parent) === 'edge' && key === 'to') {
    return { code: 'missing_key', message: 'an edge needs `to` (or `switch` for a switch-case)', path };
  }
  return { code: 'missing_key', message: `${where(parent, data)} needs '${key}'`, path };
}

function tooSmall(issue: Issue & { code: 'too_small' }, path: PathSegment[], name: string): string {
  const min = String(issue.minimum);
  if (issue.origin === 'string') return `${name} must not be empty`;
  if (issue.origin !== 'array') return `${name} must be at least ${min}`;
  const last = path[path.length - 1];
  if (last === 'to') return `a fan-out needs at least ${min} targets (a single target is written \`to: id\`)`;
  if (last === 'from') return `a fan-in needs at least ${min} sources (a single source is written \`from: id\`)`;
  if (last === 'switch') return `a switch needs at least ${min} entries: one or more cases and a default`;
  return `${name} needs at least ${min} item${min === '1' ? '' : 's'}`;
}

function describeExpected(expected: string): string {
  const names: Record<string, string> = {
    int: 'a whole number',
    record: 'a mapping',
    object: 'a mapping',
    array: 'a list',
    boolean: 'true or false',
  };
  return names[expected] ?? `a ${expected}`;
}

/** Where a mapping is, for messages: `executor 'x'`, `the edge from 'a'`, `the workflow`, ... */
export function where(path: readonly PathSegment[], data: unknown): string {
  const value = valueAt(data, path);
  const record = isRecord(value) ? value : {};
  switch (mappingKind(path)) {
    case 'root':
      return 'the file';
    case 'body':
      return 'the workflow';
    case 'executor':
      return typeof record.id === 'string' ? `executor '${record.id}'` : `executor #${String(path[path.length - 1])}`;
    case 'edge':
      return typeof record.from === 'string' ? `the edge from '${record.from}'` : `edge #${String(path[path.length - 1])}`;
    case 'switch_item':
      return `switch entry #${String(path[path.length - 1])}`;
    case 'layout_entry':
      return `the layout of '${String(path[1])}'`;
    default:
      return `'${path.map(String).join('.')}'`;
  }
}
