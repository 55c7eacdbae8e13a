import { toJSONSchema } from 'zod/mini';
import { workflowDefinitionSchema } from './schema.js';

/** The `$id` of the workflow file JSON Schema. */
export const WORKFLOW_JSON_SCHEMA_ID = 'urn:trellis:workflow.schema.json';

let cached: Record<string, unknown> | undefined;

/**
 * The JSON Schema (draft 2020-12) of `*.workflow.yaml` files, generated from the zod schema the
 * loader validates with; `engine/schema/workflow.schema.json` (export `@trellis/engine/schema.json`)
 * is this value, written by `npm run schema -w engine`. Computed on first use, then cached; callers
 * get a copy they may change.
 */
export function getWorkflowJsonSchema(): Record<string, unknown> {
  if (cached === undefined) {
    const generated = JSON.stringify(toJSONSchema(workflowDefinitionSchema, { target: 'draft-2020-12' }));
    // zod names the recursive workflow body `__schema0`; give it a readable name
    const named = JSON.parse(generated.replaceAll('__schema0', 'workflow_body')) as Record<string, unknown>;
    cached = {
      $id: WORKFLOW_JSON_SCHEMA_ID,
      title: 'Trellis workflow',
      description: 'A declarative Trellis workflow (*.workflow.yaml): executors, edges and an optional designer layout.',
      ...named,
    };
  }
  return JSON.parse(JSON.stringify(cached)) as Record<string, unknown>;
}
