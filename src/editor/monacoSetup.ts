// Monaco, bundled locally with the slim entry points (core API, editor features, YAML only) and
// handed to @monaco-editor/react, so nothing is fetched from a CDN. Only the lazily loaded YAML
// panel imports this module, so Monaco stays out of the initial bundle.
import { loader } from '@monaco-editor/react';
import { getWorkflowJsonSchema } from '@trellis/engine';
import * as monaco from 'monaco-editor/editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/languages/features/json/register';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import { configureMonacoYaml, type JSONSchema } from 'monaco-yaml';
import { withLegacyCreateWebWorker } from './legacyWorkerShim.ts';
import YamlWorker from './yaml.worker.ts?worker';

/** The editor model's path: matched by the workflow schema's `fileMatch`. */
export const WORKFLOW_MODEL_PATH = 'file:///workflow.workflow.yaml';

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string): Worker {
    if (label === 'json') return new JsonWorker();
    if (label === 'yaml') return new YamlWorker();
    return new EditorWorker();
  },
};

loader.config({ monaco });

const schema = getWorkflowJsonSchema() as JSONSchema;

configureMonacoYaml(withLegacyCreateWebWorker(monaco), {
  enableSchemaRequest: false,
  hover: true,
  completion: true,
  validate: true,
  schemas: [{ uri: 'inmemory://schemas/workflow.schema.json', fileMatch: ['**/*.workflow.yaml'], schema }],
});

export { monaco };
