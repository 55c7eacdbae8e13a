/**
 * `@trellis/engine/browser`: everything of the core entry plus what needs browser APIs: checkpoint
 * storage in IndexedDB (a page or a Web Worker).
 * @packageDocumentation
 */
export * from './index.js';
export { IndexedDbCheckpointStorage } from './browser/indexeddb-checkpoint-storage.js';
export type { IndexedDbCheckpointStorageOptions, CheckpointRecordProblem } from './browser/indexeddb-checkpoint-storage.js';
