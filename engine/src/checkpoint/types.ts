/** A JSON value: what a checkpoint holds after encoding (see `encodeCheckpointValue`). */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** A message in flight, as a checkpoint holds it (its `data` encoded). */
export interface CheckpointMessage {
  sourceId: string;
  targetId?: string;
  data: JsonValue;
  /** Set on a human's answer in flight: which request it answers and that request's data (encoded). */
  response?: { requestId: string; request: JsonValue };
}

/** A pending human request, as a checkpoint holds it (its `data` encoded). */
export interface CheckpointRequest {
  requestId: string;
  executorId: string;
  data: JsonValue;
  /** The response type spec as plain data (a primitive name or a JSON Schema), or a description when not data. */
  responseType: JsonValue;
}

/**
 * A saved point of a run, plain JSON (spec: Checkpointing). Values JSON cannot hold are tagged by
 * the codec, never lost. `state` holds the committed shared state plus the engine's reserved keys
 * (`_executor_state` for executor snapshots, `_edge_state` for fan-in buffers, and others).
 */
export interface WorkflowCheckpoint {
  /** Format version of this object. */
  version: 1;
  checkpointId: string;
  /** The series this checkpoint belongs to (`run(input, { checkpointId })` names it). */
  seriesId: string;
  /** The checkpoint this one follows, or null for the first of a lineage. */
  parentId: string | null;
  /** Position in its series: 0, 1, 2, ... in the order written; the latest has the highest. */
  sequence: number;
  workflowName: string;
  /** Hash of the graph's structure; a checkpoint only resumes on the same graph. */
  graphHash: string;
  /** Supersteps completed at this point. */
  superstep: number;
  /** ISO-8601 UTC time of writing. */
  timestamp: string;
  /** Messages to deliver in the next superstep. */
  messages: CheckpointMessage[];
  /** Committed shared state and the engine's reserved keys, encoded. */
  state: Record<string, JsonValue>;
  /** Human requests still waiting for an answer. */
  pendingRequests: CheckpointRequest[];
  /** Free-form extra data (e.g. which kind of workflow wrote it). */
  metadata: Record<string, JsonValue>;
}

/** Which checkpoints {@link CheckpointStorage.list} returns. */
export interface CheckpointFilter {
  workflowName?: string;
  seriesId?: string;
}

/**
 * Where checkpoints live. Implementations store and return plain JSON objects; series and
 * checkpoint ids are global within one storage (not scoped by workflow name).
 */
export interface CheckpointStorage {
  /** Stores a checkpoint (replacing one with the same id) and returns its id. */
  save(checkpoint: WorkflowCheckpoint): Promise<string>;
  /** The checkpoint with this id; rejects with `CheckpointNotFoundError` if there is none. */
  load(checkpointId: string): Promise<WorkflowCheckpoint>;
  /** The checkpoints that match, oldest first (by timestamp, then sequence). */
  list(filter?: CheckpointFilter): Promise<WorkflowCheckpoint[]>;
  /** Removes a checkpoint; true if it existed. */
  delete(checkpointId: string): Promise<boolean>;
  /** The latest checkpoint of a series (highest sequence), or undefined. */
  latest(filter: { seriesId: string }): Promise<WorkflowCheckpoint | undefined>;
}
