import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@cfworker/json-schema';
import fc from 'fast-check';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { getWorkflowJsonSchema, parseWorkflowYaml, workflowDefinitionSchema, WORKFLOW_JSON_SCHEMA_ID } from '@trellis/engine';
import { definitionArb } from './yaml-fuzz-arbitraries.js';
import { exampleFiles, SEED_YAML, SPEC_YAML } from './yaml-parse-fixtures.js';

const schemaFile = join(import.meta.dirname, '..', 'schema', 'workflow.schema.json');
const engineDir = join(import.meta.dirname, '..');

function validator(): Validator {
  return new Validator(getWorkflowJsonSchema(), '2020-12', false);
}

describe('the JSON Schema of workflow files', () => {
  it('is the committed file, byte for byte as `npm run schema` writes it (so it cannot drift)', async () => {
    const committed = readFileSync(schemaFile, 'utf8');
    const options = (await prettier.resolveConfig(schemaFile)) ?? {};
    const generated = await prettier.format(`${JSON.stringify(getWorkflowJsonSchema(), null, 2)}\n`, {
      ...options,
      parser: 'json',
      filepath: schemaFile,
    });
    expect(committed).toBe(generated);
    expect(JSON.parse(committed)).toEqual(getWorkflowJsonSchema());
  });

  it('is shipped: in the package files and exports, with a script to regenerate it', () => {
    const pkg = JSON.parse(readFileSync(join(engineDir, 'package.json'), 'utf8')) as {
      files: string[];
      exports: Record<string, unknown>;
      scripts: Record<string, string>;
    };
    expect(pkg.files).toContain('schema');
    expect(pkg.exports['./schema.json']).toBe('./schema/workflow.schema.json');
    expect(pkg.scripts.schema).toBe('node scripts/generate-schema.mjs');
  });

  it('has an id and a title, and hands out copies', () => {
    const schema = getWorkflowJsonSchema();
    expect(schema).toMatchObject({
      $id: WORKFLOW_JSON_SCHEMA_ID,
      title: 'Trellis workflow',
      $schema: 'https://json-schema.org/draft/2020-12/schema',
    });
    schema.title = 'changed';
    expect(getWorkflowJsonSchema().title).toBe('Trellis workflow');
  });

  it('accepts the seed, the spec example and every example file', () => {
    const check = validator();
    for (const text of [SEED_YAML, SPEC_YAML, ...exampleFiles().map((f) => f.text)]) {
      const { definition } = parseWorkflowYaml(text);
      expect(check.validate(definition).errors).toEqual([]);
    }
  });

  it('rejects unknown keys, unknown executor types and malformed values', () => {
    const check = validator();
    const seed = parseWorkflowYaml(SEED_YAML).definition!;
    const variants: unknown[] = [
      { ...seed, extra: 1 },
      { workflow: { ...seed.workflow, owner: 'me' } },
      { workflow: { ...seed.workflow, executors: [{ id: 'writer', type: 'agent', modle: 'x' }] } },
      { workflow: { ...seed.workflow, executors: [{ id: 'writer', type: 'robot' }] } },
      { workflow: { ...seed.workflow, name: 'has spaces' } },
      { workflow: { ...seed.workflow, edges: [{ from: 'writer' }] } },
      { workflow: { ...seed.workflow, edges: [{ from: ['a', 'b'], to: ['c', 'd'] }] } },
      { ...seed, layout: { writer: { x: 'left', y: 0 } } },
    ];
    for (const variant of variants) {
      expect(check.validate(variant).valid).toBe(false);
      expect(workflowDefinitionSchema.safeParse(variant).success).toBe(false);
    }
  });

  it('agrees with the zod schema on random valid definitions', () => {
    const check = validator();
    fc.assert(
      fc.property(definitionArb, (definition) => {
        expect(check.validate(definition).errors).toEqual([]);
      }),
      { seed: 7, numRuns: 200, plugins: [fc.interruptAfterTimeLimit(2000)] },
    );
  });
});
