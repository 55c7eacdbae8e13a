import { CheckpointNotFoundError } from '../errors.js';
import { matchesFilter, pickLatest, sortOldestFirst } from './ordering.js';
import type { CheckpointFilter, CheckpointStorage, WorkflowCheckpoint } from './types.js';
import { validateCheckpoint } from './validate-checkpoint.js';

const WHERE = 'the in-memory storage';

/**
 * A {@link CheckpointStorage} that keeps checkpoints in memory, for tests and for runs that only
 * need to pause and resume within one process. Checkpoints are kept as JSON text, so a saved
 * checkpoint is a deep copy the caller can no longer change, and every `load` or `list` returns
 * fresh copies the caller may change freely; it also behaves exactly like the file storage (what
 * does not survive JSON here would not survive a file either).
 */
export class InMemoryCheckpointStorage implements CheckpointStorage {
  // Map order is insertion order, which breaks ties in `list` and `latest`.
  readonly #checkpoints = new Map<string, string>();

  /**
   * Stores a deep copy of the checkpoint, replacing one with the same id (the replacement then
   * counts as the most recently inserted).
   * @throws WorkflowCheckpointError if the checkpoint is malformed or holds values that are not
   * JSON (encode them with `encodeCheckpointValue` first), rather than silently losing them.
   */
  save(checkpoint: WorkflowCheckpoint): Promise<string> {
    return settle(() => {
      validateCheckpoint(checkpoint, WHERE);
      const id = checkpoint.checkpointId;
      this.#checkpoints.delete(id);
      this.#checkpoints.set(id, JSON.stringify(checkpoint));
      return id;
    });
  }

  /**
   * A copy of the checkpoint with this id.
   * @throws CheckpointNotFoundError if there is none.
   */
  load(checkpointId: string): Promise<WorkflowCheckpoint> {
    return settle(() => {
      const text = this.#checkpoints.get(checkpointId);
      if (text === undefined) throw new CheckpointNotFoundError(checkpointId, WHERE);
      return JSON.parse(text) as WorkflowCheckpoint;
    });
  }

  /** Copies of the checkpoints that match the filter, oldest first (timestamp, sequence, insertion). */
  list(filter?: CheckpointFilter): Promise<WorkflowCheckpoint[]> {
    return settle(() => sortOldestFirst(this.#all().filter((checkpoint) => matchesFilter(checkpoint, filter))));
  }

  /** Removes a checkpoint; true if it existed. */
  delete(checkpointId: string): Promise<boolean> {
    return settle(() => this.#checkpoints.delete(checkpointId));
  }

  /** A copy of the series' checkpoint with the highest sequence (ties: latest timestamp), or undefined. */
  latest(filter: { seriesId: string }): Promise<WorkflowCheckpoint | undefined> {
    return settle(() => pickLatest(this.#all(), filter.seriesId));
  }

  #all(): WorkflowCheckpoint[] {
    return Array.from(this.#checkpoints.values(), (text) => JSON.parse(text) as WorkflowCheckpoint);
  }
}

/** Runs `work` and turns a throw into a rejection, as callers of an async storage expect. */
function settle<T>(work: () => T): Promise<T> {
  return new Promise((resolve) => {
    resolve(work());
  });
}
