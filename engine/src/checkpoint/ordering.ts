/**
 * Filtering and ordering shared by every CheckpointStorage, so memory, files and IndexedDB answer
 * `list` and `latest` identically.
 */
import type { CheckpointFilter, WorkflowCheckpoint } from './types.js';

/** True if the checkpoint matches every criterion the filter sets. */
export function matchesFilter(checkpoint: WorkflowCheckpoint, filter: CheckpointFilter | undefined): boolean {
  if (filter?.workflowName !== undefined && checkpoint.workflowName !== filter.workflowName) return false;
  if (filter?.seriesId !== undefined && checkpoint.seriesId !== filter.seriesId) return false;
  return true;
}

/**
 * The checkpoints oldest first: by timestamp, then by sequence. The sort is stable, so checkpoints
 * equal on both keep the order they came in (insertion order for the in-memory storage).
 */
export function sortOldestFirst(checkpoints: readonly WorkflowCheckpoint[]): WorkflowCheckpoint[] {
  return [...checkpoints].sort((a, b) => compareTimestamps(a, b) || a.sequence - b.sequence);
}

/**
 * The latest checkpoint of a series: the highest sequence; on a tie the latest timestamp, then the
 * one that came last. Undefined if the series has none.
 */
export function pickLatest(checkpoints: readonly WorkflowCheckpoint[], seriesId: string): WorkflowCheckpoint | undefined {
  let latest: WorkflowCheckpoint | undefined;
  for (const checkpoint of checkpoints) {
    if (checkpoint.seriesId !== seriesId) continue;
    if (latest === undefined || (checkpoint.sequence - latest.sequence || compareTimestamps(checkpoint, latest)) >= 0) latest = checkpoint;
  }
  return latest;
}

function compareTimestamps(a: WorkflowCheckpoint, b: WorkflowCheckpoint): number {
  // Compared as instants, not strings, so `...Z` and `...+02:00` forms order correctly.
  const difference = Date.parse(a.timestamp) - Date.parse(b.timestamp);
  if (!Number.isNaN(difference)) return difference;
  return a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : 0;
}
