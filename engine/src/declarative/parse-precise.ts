import type { LineCounter, YAMLError } from 'yaml';
import { semanticProblems } from './parse-semantic.js';
import { schemaProblems, valueAt } from './parse-zod.js';
import { isRecord, sortProblems, type Problem, type RawProblem, type Span } from './problems.js';
import type { WorkflowDefinition } from './schema.js';
import { spanOf, yamlLocator } from './yaml-positions.js';
import { readYaml } from './yaml-read.js';

/**
 * The workflow parser on the `yaml` Document parser alone: one YAML library, which an app that
 * also writes files with comments kept (`stringifyWorkflow`) loads anyway. `parseWorkflowYaml`
 * (parse.ts) adds a faster reader in front of it for valid files.
 */

/** What {@link parseWorkflowYamlDocument} and `parseWorkflowYaml` answer. */
export interface ParseWorkflowResult {
  /** Present whenever the text is well-formed YAML of the right overall shape, even with problems. */
  definition?: WorkflowDefinition;
  /** Every problem found, ordered by position; empty when the file is valid. */
  problems: Problem[];
}

/**
 * Parses and validates a `*.workflow.yaml` text exactly as `parseWorkflowYaml` does (same
 * definition, same problems), reading it with the `yaml` Document parser only. Never throws.
 *
 * Use it where code size matters more than the speed of reading large valid files: it does not
 * load the second YAML reader (js-yaml) that `parseWorkflowYaml` uses for speed. It is fast when
 * the text was just written or read by `stringifyWorkflow`, whose parsed document it reuses.
 *
 * @example
 * const { definition, problems } = parseWorkflowYamlDocument(text);
 * for (const p of problems) console.log(`${p.line}:${p.column} ${p.code} ${p.message}`);
 */
export function parseWorkflowYamlDocument(text: string): ParseWorkflowResult {
  return guardedParse(text, parsePrecisely);
}

/** Runs a parse of `text`, answering every failure (not a string, a resource limit, a bug) as a problem. */
export function guardedParse(text: string, parse: (text: string) => ParseWorkflowResult): ParseWorkflowResult {
  try {
    const source: unknown = text;
    if (typeof source !== 'string') return { problems: [{ code: 'yaml_syntax', message: 'expected YAML text', line: 1, column: 1 }] };
    return parse(source);
  } catch (error: unknown) {
    // a resource limit (deep nesting) or a bug: still a structured answer, never an exception
    const message = error instanceof Error ? error.message : String(error);
    return { problems: [{ code: 'yaml_syntax', message: `the file could not be read: ${message}`, line: 1, column: 1 }] };
  }
}

/** Reads the file with the `yaml` Document parser, so every problem gets its line and column. May throw. */
export function parsePrecisely(text: string): ParseWorkflowResult {
  const { doc, lineCounter } = readYaml(text);
  const problems: Problem[] = [
    ...doc.errors.map((e) => yamlProblem(e, text, lineCounter, e.code === 'DUPLICATE_KEY' ? 'duplicate_key' : 'yaml_syntax')),
    ...doc.warnings.map((e) => yamlProblem(e, text, lineCounter, 'yaml_warning')),
  ];
  if (doc.errors.length > 0) return { problems: sortProblems(problems) };
  let data: unknown;
  try {
    data = doc.toJS();
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    problems.push({ code: 'yaml_syntax', message, line: 1, column: 1 });
    return { problems: sortProblems(problems) };
  }
  problems.push(...checkData(data, yamlLocator(doc, lineCounter, text)));
  const result: ParseWorkflowResult = { problems: sortProblems(problems) };
  if (isRecord(data) && isRecord(data.workflow)) result.definition = data as WorkflowDefinition;
  return result;
}

function yamlProblem(error: YAMLError, text: string, lineCounter: LineCounter, code: Problem['code']): Problem {
  const span = spanOf(lineCounter, error.pos[0], error.pos[1]);
  let message = error.message.split('\n')[0] ?? error.message;
  if (code === 'duplicate_key') {
    const line = text.slice(error.pos[0], text.indexOf('\n', error.pos[0]) >>> 0);
    const key = (/^(.*?)\s*:(\s|$)/.exec(line)?.[1] ?? line).trim();
    message = `${message}: '${key}' appears twice in this mapping`;
  }
  return { code, message, ...span };
}

/**
 * Validates a workflow definition that has no YAML text (the designer validates its edits): the
 * same structural and semantic checks as {@link parseWorkflowYamlDocument}, with `line` and
 * `column` 0 (no position) and `path` saying where the offending value is.
 */
export function validateWorkflowDefinition(definition: unknown): Problem[] {
  try {
    return checkData(definition, () => ({ line: 0, column: 0 }));
  } catch (error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    return [{ code: 'invalid_value', message: `the definition could not be checked: ${message}`, line: 0, column: 0 }];
  }
}

function checkData(data: unknown, locate: (problem: RawProblem) => Span): Problem[] {
  return [...schemaProblems(data), ...semanticProblems(data)].map((raw) => finish(raw, data, locate(raw)));
}

/** Gives a raw problem its position, the executor or edge it concerns, and its sub-workflow context. */
function finish(raw: RawProblem, data: unknown, span: Span): Problem {
  const problem: Problem = { code: raw.code, message: raw.message, ...span, path: [...raw.path] };
  const [root, list, index] = raw.path;
  if (root === 'workflow' && list === 'executors' && typeof index === 'number') {
    const id = valueAt(data, ['workflow', 'executors', index, 'id']);
    if (typeof id === 'string') problem.executorId = id;
  } else if (root === 'workflow' && list === 'edges' && typeof index === 'number') {
    problem.edge = index;
  } else if (root === 'layout' && typeof list === 'string') {
    problem.executorId = list;
  }
  const chain: string[] = [];
  for (let i = 3; i < raw.path.length - 1; i++) {
    if (raw.path[i] === 'workflow' && typeof raw.path[i - 1] === 'number' && raw.path[i - 2] === 'executors') {
      const id = valueAt(data, [...raw.path.slice(0, i), 'id']);
      chain.push(typeof id === 'string' ? id : `#${String(raw.path[i - 1])}`);
    }
  }
  if (chain.length > 0) problem.message = `in sub-workflow ${chain.map((c) => `'${c}'`).join(' > ')}: ${problem.message}`;
  return problem;
}
