import { parse } from '@marcbachmann/cel-js';
import { didYouMean, isRecord, type PathSegment, type RawProblem } from './problems.js';
import { executorIdSchema } from './schema.js';

/**
 * The checks the schema cannot express: ids unique and resolvable, `start` an executor, no edge
 * declared twice, switch entries in order, exactly one of `code`/`use` and `ref`/`workflow`, and
 * every CEL expression parsing. They run on whatever data there is (even when the schema found
 * problems) and skip values of the wrong type, which the schema already reports.
 */
export function semanticProblems(data: unknown): RawProblem[] {
  const out: RawProblem[] = [];
  if (!isRecord(data)) return out;
  const ids = checkBody(data.workflow, ['workflow'], out);
  if (isRecord(data.layout)) {
    for (const id of Object.keys(data.layout)) {
      if (ids !== undefined && !ids.has(id) && isId(id)) {
        const message = `the layout names executor '${id}', which does not exist${didYouMean(id, ids.keys())}`;
        out.push({ code: 'unknown_executor', message, path: ['layout', id], target: 'key' });
      }
    }
  }
  return out;
}

function isId(value: unknown): value is string {
  return typeof value === 'string' && executorIdSchema.safeParse(value).success;
}

/** Checks one workflow body (the file's or an inline sub-workflow's); answers its executor ids. */
function checkBody(body: unknown, path: PathSegment[], out: RawProblem[]): Map<string, number> | undefined {
  if (!isRecord(body)) return undefined;
  const ids = new Map<string, number>();
  const executors = Array.isArray(body.executors) ? (body.executors as unknown[]) : [];
  executors.forEach((executor, i) => {
    if (!isRecord(executor)) return;
    const at = [...path, 'executors', i];
    if (isId(executor.id)) {
      const first = ids.get(executor.id);
      if (first === undefined) ids.set(executor.id, i);
      else
        out.push({
          code: 'duplicate_id',
          message: `executor id '${executor.id}' is already used by executor #${String(first)}`,
          path: [...at, 'id'],
        });
    }
    checkExecutor(executor, at, out);
  });
  if (isId(body.start) && !ids.has(body.start)) {
    const message = `start names executor '${body.start}', which does not exist${didYouMean(body.start, ids.keys())}`;
    out.push({ code: 'missing_start', message, path: [...path, 'start'] });
  }
  if (Array.isArray(body.edges)) checkEdges(body.edges as unknown[], ids, [...path, 'edges'], out);
  return ids;
}

function checkExecutor(executor: Record<string, unknown>, at: PathSegment[], out: RawProblem[]): void {
  const name = typeof executor.id === 'string' ? `executor '${executor.id}'` : 'this executor';
  if (executor.type === 'function') {
    if (executor.code !== undefined && executor.use !== undefined) {
      out.push({
        code: 'function_code_and_use',
        message: `${name} has both code and use; give one of them`,
        path: [...at, 'use'],
        target: 'key',
      });
    } else if (executor.code === undefined && executor.use === undefined) {
      out.push({
        code: 'function_missing_code',
        message: `${name} needs code (JavaScript) or use (a function given to the loader)`,
        path: at,
      });
    }
  } else if (executor.type === 'transform' && typeof executor.expression === 'string') {
    checkCel(executor.expression, [...at, 'expression'], `the expression of ${name}`, out);
  } else if (executor.type === 'workflow') {
    if (executor.ref !== undefined && executor.workflow !== undefined) {
      const message = `${name} has both ref and an inline workflow; give one of them`;
      out.push({ code: 'sub_workflow_ref_and_inline', message, path: [...at, 'workflow'], target: 'key' });
    } else if (executor.ref === undefined && executor.workflow === undefined) {
      const message = `${name} needs ref (a workflow file) or workflow (an inline sub-workflow)`;
      out.push({ code: 'sub_workflow_missing', message, path: at });
    }
    checkBody(executor.workflow, [...at, 'workflow'], out);
  }
}

function checkCel(expression: string, path: PathSegment[], what: string, out: RawProblem[]): void {
  if (expression === '') return;
  const error = celSyntaxError(expression);
  if (error === undefined) return;
  const problem: RawProblem = { code: 'cel_syntax', message: `${what} is not valid CEL: ${error.message}`, path };
  if (error.offset !== undefined) problem.offset = error.offset;
  out.push(problem);
}

function checkEdges(edges: unknown[], ids: Map<string, number>, path: PathSegment[], out: RawProblem[]): void {
  const seen = new Map<string, number>();
  edges.forEach((edge, i) => {
    if (!isRecord(edge)) return;
    const at = [...path, i];
    const refer = (value: unknown, where: PathSegment[], role: string): string | undefined => {
      if (!isId(value)) return undefined;
      if (!ids.has(value)) {
        const message = `${role} names executor '${value}', which does not exist${didYouMean(value, ids.keys())}`;
        out.push({ code: 'unknown_executor', message, path: where });
      }
      return value;
    };
    const members = (key: 'from' | 'to', role: string): { id: string; path: PathSegment[] }[] => {
      const value = edge[key];
      if (!Array.isArray(value)) {
        const id = refer(value, [...at, key], role);
        return id === undefined ? [] : [{ id, path: [...at, key] }];
      }
      const found: { id: string; path: PathSegment[] }[] = [];
      (value as unknown[]).forEach((item, j) => {
        const id = refer(item, [...at, key, j], role);
        if (id === undefined) return;
        if (found.some((f) => f.id === id)) {
          out.push({ code: 'duplicate_edge', message: `'${id}' is listed twice in this edge's ${key}`, path: [...at, key, j] });
        } else found.push({ id, path: [...at, key, j] });
      });
      return found;
    };
    const sources = members('from', 'the edge');
    const targets = 'switch' in edge ? switchTargets(edge.switch, at, refer, out) : members('to', 'the edge');
    if (typeof edge.condition === 'string') checkCel(edge.condition, [...at, 'condition'], 'the edge condition', out);
    for (const source of sources) {
      for (const target of targets) {
        const key = `${source.id}\u0000${target.id}`;
        const first = seen.get(key);
        if (first === undefined) seen.set(key, i);
        else if (first !== i) {
          const message = `the edge ${source.id} -> ${target.id} is already declared by edge #${String(first)}`;
          out.push({ code: 'duplicate_edge', message, path: target.path });
        }
      }
    }
  });
}

type Refer = (value: unknown, where: PathSegment[], role: string) => string | undefined;

function switchTargets(entries: unknown, at: PathSegment[], refer: Refer, out: RawProblem[]): { id: string; path: PathSegment[] }[] {
  if (!Array.isArray(entries)) return [];
  const targets: { id: string; path: PathSegment[] }[] = [];
  const add = (value: unknown, where: PathSegment[], role: string): void => {
    const id = refer(value, where, role);
    if (id !== undefined && !targets.some((t) => t.id === id)) targets.push({ id, path: where });
  };
  let cases = 0;
  let defaults = 0;
  (entries as unknown[]).forEach((entry, j) => {
    if (!isRecord(entry)) return;
    const entryPath = [...at, 'switch', j];
    if ('default' in entry) {
      defaults++;
      if (defaults > 1)
        out.push({ code: 'invalid_switch', message: 'a switch has exactly one default', path: [...entryPath, 'default'], target: 'key' });
      else if (j !== entries.length - 1) {
        const message = 'the default must be the last entry of a switch (cases after it could never match)';
        out.push({ code: 'invalid_switch', message, path: [...entryPath, 'default'], target: 'key' });
      }
      add(entry.default, [...entryPath, 'default'], 'the switch default');
    } else {
      cases++;
      if (typeof entry.when === 'string') checkCel(entry.when, [...entryPath, 'when'], 'the switch condition', out);
      add(entry.to, [...entryPath, 'to'], 'the switch case');
    }
  });
  if (defaults === 0 && entries.length > 0) {
    out.push({
      code: 'invalid_switch',
      message: 'a switch needs a default as its last entry, so every message has a route',
      path: [...at, 'switch'],
    });
  }
  if (cases === 0 && entries.length > 0) {
    out.push({
      code: 'invalid_switch',
      message: 'a switch needs at least one case (when and to) before its default',
      path: [...at, 'switch'],
    });
  }
  return targets;
}

/** Why a CEL expression does not parse, and where in it (0-based offset), when the library says. */
export interface CelSyntaxError {
  message: string;
  offset?: number;
}

/**
 * Parses a CEL expression with the maintained `@marcbachmann/cel-js` library (syntax only: the
 * compiler type-checks against the variables in scope). Answers undefined when it parses.
 */
export function celSyntaxError(expression: string): CelSyntaxError | undefined {
  try {
    parse(expression);
    return undefined;
  } catch (error: unknown) {
    const raw = error instanceof Error ? error.message : String(error);
    // the library appends a code frame after a blank line; the first line is the reason
    const message = raw.split('\n')[0]?.trim() || 'the expression does not parse';
    const node = isRecord(error) ? error.node : undefined;
    const pos = isRecord(node) ? node.pos : undefined;
    const result: CelSyntaxError = { message };
    if (typeof pos === 'number' && Number.isInteger(pos) && pos >= 0 && pos <= expression.length) result.offset = pos;
    return result;
  }
}
