import type { CheckpointFilter, CheckpointStorage, WorkflowCheckpoint } from '@trellis/engine';
import { toCloneable, type Redact } from './cloneable-value.ts';

/**
 * A checkpoint storage that scrubs secrets from what it saves. The host never puts the API key in
 * a run's state, but a model server can still echo it back in a reply, and replies are part of an
 * agent's conversation, which checkpoints keep; this makes sure the key never reaches the disk.
 */
export class RedactingCheckpointStorage implements CheckpointStorage {
  readonly #storage: CheckpointStorage;
  readonly #redact: Redact;

  constructor(storage: CheckpointStorage, redact: Redact) {
    this.#storage = storage;
    this.#redact = redact;
  }

  save(checkpoint: WorkflowCheckpoint): Promise<string> {
    return this.#storage.save(toCloneable(checkpoint, this.#redact) as WorkflowCheckpoint);
  }

  load(checkpointId: string): Promise<WorkflowCheckpoint> {
    return this.#storage.load(checkpointId);
  }

  list(filter?: CheckpointFilter): Promise<WorkflowCheckpoint[]> {
    return this.#storage.list(filter);
  }

  delete(checkpointId: string): Promise<boolean> {
    return this.#storage.delete(checkpointId);
  }

  latest(filter: { seriesId: string }): Promise<WorkflowCheckpoint | undefined> {
    return this.#storage.latest(filter);
  }
}
