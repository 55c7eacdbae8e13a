/**
 * `@trellis/engine/browser`: everything of the core entry plus what needs browser APIs (IndexedDB
 * checkpoint storage arrives here as it is built).
 * @packageDocumentation
 */
export * from './index.js';
export { IndexedDbCheckpointStorage } from './browser/indexeddb-checkpoint-storage.js';
export type { IndexedDbCheckpointStorageOptions, CheckpointRecordProblem } from './browser/indexeddb-checkpoint-storage.js';
