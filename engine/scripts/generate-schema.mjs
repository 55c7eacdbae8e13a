// Writes engine/schema/workflow.schema.json, the JSON Schema of *.workflow.yaml files, from the
// zod schema the loader validates with (through the built engine: run `npm run build` first).
// `--check` writes nothing and exits 1 when the file is not what the code generates.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const engineDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(engineDir, 'schema', 'workflow.schema.json');

let getWorkflowJsonSchema;
try {
  ({ getWorkflowJsonSchema } = await import('../dist/declarative/json-schema.js'));
} catch (error) {
  console.error(
    `Cannot load the built engine (${error instanceof Error ? error.message : String(error)}); run \`npm run build -w engine\` first.`,
  );
  process.exit(2);
}

/** The file's text: the schema as JSON, formatted as the repository's Prettier formats it (so `format:check` passes). */
async function render(schema) {
  const json = `${JSON.stringify(schema, null, 2)}\n`;
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(target)) ?? {};
    return await prettier.format(json, { ...options, parser: 'json', filepath: target });
  } catch {
    return json;
  }
}

const text = await render(getWorkflowJsonSchema());
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing: not up to date
  }
  if (current !== text) {
    console.error(`${target} is out of date: run \`npm run schema -w engine\``);
    process.exit(1);
  }
  console.log(`${target} is up to date`);
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
