/**
 * `@trellis/engine/node`: everything of the core entry plus what needs Node's APIs: checkpoint
 * files, YAML files read from disk (with `ref:` sub-workflows), and AsyncLocalStorage isolation of
 * functional runs. The `trellis` command line is built from it.
 * @packageDocumentation
 */
export * from './index.js';
export { FileCheckpointStorage } from './node/file-checkpoint-storage.js';
export type { CheckpointFileProblem } from './node/file-checkpoint-storage.js';
export { installAsyncLocalStorage } from './node/async-local-storage.js';
export { loadWorkflowFromYamlFile } from './node/load-workflow-file.js';
