import { load as fastLoad } from 'js-yaml';
import { guardedParse, parsePrecisely, type ParseWorkflowResult } from './parse-precise.js';
import { semanticProblems } from './parse-semantic.js';
import { schemaProblems } from './parse-zod.js';
import { isRecord } from './problems.js';
import type { WorkflowDefinition } from './schema.js';

/**
 * Parses and validates a `*.workflow.yaml` text (spec: workflow-yaml.md). Never throws: YAML
 * syntax errors, unknown keys and types, bad values, duplicate ids, edges to missing executors,
 * a `start` that does not exist, CEL that does not parse... all come back at once as problems
 * with 1-based line and column, a code, and the executor id or edge index they concern.
 *
 * Valid files are read by a fast YAML reader; `parseWorkflowYamlDocument` (parse-precise.ts) gives
 * the same answers without it, for code that must stay small.
 *
 * @example
 * const { definition, problems } = parseWorkflowYaml(text);
 * for (const p of problems) console.log(`${p.line}:${p.column} ${p.code} ${p.message}`);
 */
export function parseWorkflowYaml(text: string): ParseWorkflowResult {
  return guardedParse(text, (source) => fastParse(source) ?? parsePrecisely(source));
}

/**
 * The common case, a valid file, read by a fast YAML reader (js-yaml, YAML 1.2 core schema like the
 * `yaml` Document parser, about 6x quicker on large files). Positions only matter when something is
 * wrong, so any doubt (a reader error, a duplicate key, an unknown tag, a single problem) falls
 * through to the precise path, which reads the file again with positions.
 */
function fastParse(text: string): ParseWorkflowResult | undefined {
  let data: unknown;
  try {
    data = fastLoad(text, { maxAliases: 100, maxDepth: 200 });
  } catch {
    return undefined;
  }
  if (!isRecord(data) || !isRecord(data.workflow)) return undefined;
  if (schemaProblems(data).length > 0 || semanticProblems(data).length > 0) return undefined;
  return { definition: data as WorkflowDefinition, problems: [] };
}
