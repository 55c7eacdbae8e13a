import { WorkflowCheckpointError } from '../errors.js';
import type { Executor } from '../executors/executor.js';
import type { InstanceState } from '../runtime/instance-state.js';
import type { RunEvents } from '../runtime/run-events.js';
import type { RuntimeServices } from '../runtime/services.js';
import type { GraphSignature } from './graph-signature.js';
import { captureInstance } from './snapshot.js';
import type { CheckpointStorage, JsonValue, WorkflowCheckpoint } from './types.js';

/** Where a run's checkpoints go: the storage, the series, and the lineage so far. */
export interface CheckpointSeries {
  readonly storage: CheckpointStorage;
  readonly seriesId: string;
  /** The checkpoint the next one follows (null for a new series). */
  parentId: string | null;
  /** The next checkpoint's position in the series. */
  sequence: number;
}

/**
 * Writes a run's checkpoints: at run entry, after each superstep and when answers arrive. A write
 * that fails fails the run (with an error naming the series): a run the caller asked to make
 * resumable must not silently stop being resumable.
 */
export class CheckpointWriter {
  readonly #series: CheckpointSeries;
  readonly #workflowName: string;
  readonly #graphHash: string;
  readonly #signature: GraphSignature;
  readonly #snapshotters: readonly Executor[];
  readonly #services: RuntimeServices;
  #lastNow = Number.NaN;
  #lastTimestamp = '';

  constructor(
    series: CheckpointSeries,
    graph: { workflowName: string; graphHash: string; signature: GraphSignature; snapshotters: readonly Executor[] },
    services: RuntimeServices,
  ) {
    this.#series = series;
    this.#workflowName = graph.workflowName;
    this.#graphHash = graph.graphHash;
    this.#signature = graph.signature;
    this.#snapshotters = graph.snapshotters;
    this.#services = services;
  }

  /** The ISO time of now; reused within one millisecond (a fast run writes many checkpoints per ms). */
  #timestamp(): string {
    const now = this.#services.now();
    if (now !== this.#lastNow) {
      this.#lastNow = now;
      this.#lastTimestamp = new Date(now).toISOString();
    }
    return this.#lastTimestamp;
  }

  /** Writes a checkpoint of `instance` and emits `checkpoint_saved`. */
  async write(instance: InstanceState, events: RunEvents): Promise<void> {
    const series = this.#series;
    const checkpointId = this.#services.createId('checkpoint');
    const captured = captureInstance(instance, this.#snapshotters);
    const body = captured instanceof Promise ? await captured : captured;
    const metadata: Record<string, JsonValue> = { kind: 'graph' };
    // The first checkpoint of a series carries the graph's signature, so a resume on a changed
    // graph can say what changed (copying it into every checkpoint would make long runs quadratic).
    if (series.sequence === 0) metadata['graphSignature'] = this.#signature as unknown as JsonValue;
    const checkpoint: WorkflowCheckpoint = {
      version: 1,
      checkpointId,
      seriesId: series.seriesId,
      parentId: series.parentId,
      sequence: series.sequence,
      workflowName: this.#workflowName,
      graphHash: this.#graphHash,
      timestamp: this.#timestamp(),
      ...body,
      metadata,
    };
    try {
      await series.storage.save(checkpoint);
    } catch (error) {
      throw new WorkflowCheckpointError(
        `Could not write checkpoint ${String(series.sequence)} of series '${series.seriesId}': ${error instanceof Error ? error.message : String(error)}`,
        { cause: error, checkpointId },
      );
    }
    series.parentId = checkpointId;
    series.sequence++;
    events.emit({ type: 'checkpoint_saved', checkpointId, superstep: checkpoint.superstep });
  }
}
