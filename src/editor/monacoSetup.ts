// Monaco with YAML: monaco-yaml and the workflow format's JSON Schema (completion, hover,
// validation). Only the lazily loaded YAML panel imports this module.
// The core comes first: the editor's features and worker environment exist before any language.
import { monaco } from './monacoCore.ts';
import { getWorkflowJsonSchema } from '@trellis/engine';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/features/json/register';
import { configureMonacoYaml, type JSONSchema } from 'monaco-yaml';
import { withLegacyCreateWebWorker } from './legacyWorkerShim.ts';

/** The editor model's path: matched by the workflow schema's `fileMatch`. */
export const WORKFLOW_MODEL_PATH = 'file:///workflow.workflow.yaml';

const schema = getWorkflowJsonSchema() as JSONSchema;

configureMonacoYaml(withLegacyCreateWebWorker(monaco), {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  schemas: [{ uri: 'inmemory://schemas/workflow.schema.json', fileMatch: ['**/*.workflow.yaml'], schema }],
});

export { monaco };
