import type { CheckpointStorage, WorkflowCheckpoint } from '@trellis/engine';
import type { CheckpointSummary } from './protocol.ts';

/** Makes the checkpoint storage of one scope (IndexedDB in a browser, memory in tests). */
export type CheckpointStorageFactory = (checkpointScope: string) => CheckpointStorage;

/** The IndexedDB database that holds a scope's checkpoints. */
export function checkpointDatabaseName(checkpointScope: string): string {
  return `trellis-checkpoints:${checkpointScope}`;
}

/**
 * The host's checkpoint scopes: one storage per scope, made on first use and kept (so a scope's
 * database opens once, and a memory storage lives as long as the host).
 */
export class CheckpointScopes {
  readonly #createStorage: CheckpointStorageFactory;
  readonly #storages = new Map<string, CheckpointStorage>();

  constructor(createStorage: CheckpointStorageFactory) {
    this.#createStorage = createStorage;
  }

  storageFor(checkpointScope: string): CheckpointStorage {
    let storage = this.#storages.get(checkpointScope);
    if (storage === undefined) {
      storage = this.#createStorage(checkpointScope);
      this.#storages.set(checkpointScope, storage);
    }
    return storage;
  }

  /** The scope's checkpoints, oldest first. */
  async summaries(checkpointScope: string): Promise<CheckpointSummary[]> {
    const checkpoints = await this.storageFor(checkpointScope).list();
    return checkpoints.map(summarize);
  }

  /**
   * Deletes the checkpoints of all but the `keep` most recent series (runs) of a scope, so a
   * document's database holds its last few runs, not every run ever made (a run writes one
   * checkpoint per superstep). A series is as recent as its latest checkpoint.
   */
  async pruneSeries(checkpointScope: string, keep: number): Promise<number> {
    const storage = this.storageFor(checkpointScope);
    const checkpoints = await storage.list();
    // `list()` is oldest first, so the last place a series appears says how recent it is
    const lastIndexBySeries = new Map<string, number>();
    checkpoints.forEach((checkpoint, index) => lastIndexBySeries.set(checkpoint.seriesId, index));
    const kept = new Set(
      [...lastIndexBySeries]
        .sort((a, b) => b[1] - a[1])
        .slice(0, Math.max(0, keep))
        .map(([seriesId]) => seriesId),
    );
    const doomed = checkpoints.filter((checkpoint) => !kept.has(checkpoint.seriesId));
    for (const checkpoint of doomed) await storage.delete(checkpoint.checkpointId);
    return doomed.length;
  }

  /** The id of the scope's most recent checkpoint, of any series; undefined when it has none. */
  async latestCheckpointId(checkpointScope: string): Promise<string | undefined> {
    const checkpoints = await this.storageFor(checkpointScope).list();
    return checkpoints.at(-1)?.checkpointId;
  }
}

function summarize(checkpoint: WorkflowCheckpoint): CheckpointSummary {
  return {
    checkpointId: checkpoint.checkpointId,
    seriesId: checkpoint.seriesId,
    workflowName: checkpoint.workflowName,
    timestamp: Date.parse(checkpoint.timestamp),
    superstep: checkpoint.superstep,
    pendingRequestIds: checkpoint.pendingRequests.map((request) => request.requestId),
  };
}
