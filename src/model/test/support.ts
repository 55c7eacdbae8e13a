import { readdirSync, readFileSync } from 'node:fs';
import { parseWorkflowYaml, type EdgeDefinition, type ExecutorDefinition, type WorkflowDefinition } from '@trellis/engine';

/** Test helpers: the example gallery, a small definition builder, deep freezing (to catch mutation). */

const examplesDir = new URL('../../../public/examples/', import.meta.url);

/** Each `public/examples/*.workflow.yaml` with its text and parsed definition. */
export function loadExamples(): { name: string; text: string; definition: WorkflowDefinition }[] {
  return readdirSync(examplesDir)
    .filter((file) => file.endsWith('.workflow.yaml'))
    .sort()
    .map((name) => {
      const text = readFileSync(new URL(name, examplesDir), 'utf8');
      return { name, text, definition: parseValid(text) };
    });
}

/** Parses YAML that must be a valid workflow. */
export function parseValid(text: string): WorkflowDefinition {
  const { definition, problems } = parseWorkflowYaml(text);
  if (definition === undefined || problems.length > 0) throw new Error(`not a valid workflow: ${JSON.stringify(problems)}`);
  return deepFreeze(definition);
}

/** A definition with transforms named `ids` (the first is the start), `edges` and optional layout. */
export function workflowOf(
  ids: string[],
  edges: EdgeDefinition[] = [],
  layout?: Record<string, { x: number; y: number }>,
): WorkflowDefinition {
  const executors: ExecutorDefinition[] = ids.map((id) => ({ id, type: 'transform', expression: 'input' }));
  const definition: WorkflowDefinition = {
    workflow: { name: 'test', start: ids[0] ?? '', executors, ...(edges.length > 0 ? { edges } : {}) },
    ...(layout === undefined ? {} : { layout }),
  };
  return deepFreeze(definition);
}

/** Freezes a value and everything in it: a change that mutated its input would then throw. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
