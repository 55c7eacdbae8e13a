/**
 * `@trellis/engine/node`: everything of the core entry plus what needs Node's APIs. Checkpoint files
 * and YAML files from disk arrive here as they are built.
 * @packageDocumentation
 */
export * from './index.js';
export { FileCheckpointStorage } from './node/file-checkpoint-storage.js';
export type { CheckpointFileProblem } from './node/file-checkpoint-storage.js';
export { installAsyncLocalStorage } from './node/async-local-storage.js';
export { loadWorkflowFromYamlFile } from './node/load-workflow-file.js';
