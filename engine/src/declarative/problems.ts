/**
 * The problems the declarative loader reports (spec: workflow-yaml.md, "Loading reports every
 * problem at once, each with line and column, a code and the executor or edge it concerns").
 */

/** Every code a {@link Problem} may carry. */
export type ProblemCode =
  /** The text is not well-formed YAML (the message is the YAML parser's). */
  | 'yaml_syntax'
  /** YAML the parser accepted with a warning (an unresolved tag, a directive), which would otherwise be lost silently. */
  | 'yaml_warning'
  /** A mapping names the same key twice. */
  | 'duplicate_key'
  /** A key the format does not know (the position is the key's). */
  | 'unknown_key'
  /** An executor `type` that is not one of the six kinds (or a missing `type`). */
  | 'unknown_executor_type'
  /** A value of the wrong type or format (an id with spaces, a string where a number belongs, ...). */
  | 'invalid_value'
  /** A required key is absent (the position is the mapping's). */
  | 'missing_key'
  /** An edge of no valid shape (`from` list to `to` list, `to` and `switch` together, ...). */
  | 'invalid_edge'
  /** A switch without exactly one `default`, as its last entry, after at least one `when` case. */
  | 'invalid_switch'
  /** Two executors with the same id. */
  | 'duplicate_id'
  /** The same (from, to) connection declared twice. */
  | 'duplicate_edge'
  /** An edge, switch case, fan-in/fan-out member or layout entry naming an executor that does not exist. */
  | 'unknown_executor'
  /** `start` names no executor. */
  | 'missing_start'
  /** A CEL expression (edge `condition`, switch `when`, transform `expression`) that does not parse. */
  | 'cel_syntax'
  /** A function executor with both `code` and `use`. */
  | 'function_code_and_use'
  /** A function executor with neither `code` nor `use`. */
  | 'function_missing_code'
  /** A workflow executor with both `ref` and an inline `workflow`. */
  | 'sub_workflow_ref_and_inline'
  /** A workflow executor with neither `ref` nor an inline `workflow`. */
  | 'sub_workflow_missing'
  /** Sub-workflow files that refer to each other in a cycle. */
  | 'sub_workflow_cycle'
  /** A sub-workflow `ref` whose file cannot be read. */
  | 'ref_not_found'
  /** A sub-workflow `ref` whose file has problems of its own (for the loader). */
  | 'ref_invalid'
  /** A function executor's `use` names no function given to the loader (for the loader). */
  | 'unknown_function';

/** A step of a path into a definition: a mapping key or a list index. */
export type PathSegment = string | number;

/**
 * One problem found in a workflow file or definition. `line` and `column` are 1-based; both are 0
 * when the problem has no position (a definition validated without its YAML text).
 */
export interface Problem {
  code: ProblemCode;
  message: string;
  line: number;
  column: number;
  /** End of the offending text (exclusive, 1-based), when known. */
  endLine?: number;
  endColumn?: number;
  /** The top-level executor concerned (for an inline sub-workflow: the workflow executor holding it). */
  executorId?: string;
  /** The index in the top-level `workflow.edges` of the edge concerned. */
  edge?: number;
  /** Where in the definition the offending value is, e.g. `['workflow', 'executors', 2, 'type']`. */
  path?: PathSegment[];
}

/**
 * A problem before it is given a position: `target` says whether the position is the value's
 * (default) or its key's; `offset` is a 0-based offset inside a string value (a CEL error).
 * @internal
 */
export interface RawProblem {
  code: ProblemCode;
  message: string;
  path: readonly PathSegment[];
  target?: 'key' | 'value';
  offset?: number;
}

/** A position range, as a locator answers it. @internal */
export interface Span {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

/** Formats a problem as `FILE:LINE:COLUMN CODE MESSAGE` (the CLI's `validate` line). */
export function formatProblem(problem: Problem, file?: string): string {
  const where = `${String(problem.line)}:${String(problem.column)}`;
  return `${file === undefined ? '' : `${file}:`}${where} ${problem.code} ${problem.message}`;
}

/** Orders problems by position (problems without one keep their order, after those with one). */
export function sortProblems(problems: Problem[]): Problem[] {
  const rank = (p: Problem): number => (p.line === 0 ? Number.MAX_SAFE_INTEGER : p.line * 1e6 + p.column);
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .map(({ p }) => p);
}

/** A short, readable rendering of a value for messages. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${value.toString()}`;
  return typeof value;
}

/** The closest candidate within edit distance 2 (for "did you mean ...?"), if any. */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  // at most 2 edits, and fewer than half the word (so 'z' does not suggest 'x')
  let bestDistance = Math.min(3, Math.ceil(word.length / 2));
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue;
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** `; did you mean 'x'?` or the empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const hit = suggest(word, candidates);
  return hit === undefined ? '' : `; did you mean '${hit}'?`;
}

function editDistance(a: string, b: string): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      // a swap of two neighbours counts as one edit ('modle' -> 'model')
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (beforePrevious[j - 2] ?? 0) + 1);
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** A plain (non-array) object. @internal */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
