import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { decodeCheckpointValue, encodeCheckpointValue } from '../checkpoint/codec.js';
import type { CheckpointRequest, CheckpointStorage, JsonValue, WorkflowCheckpoint } from '../checkpoint/types.js';
import { WorkflowCheckpointError } from '../errors.js';
import { specFromJson, type PendingRequest } from '../runtime/pending-requests.js';
import type { RunEvents } from '../runtime/run-events.js';
import type { RuntimeServices } from '../runtime/services.js';
import { canonicalJson, StepCache } from './step-cache.js';

/** `metadata.kind` of the checkpoints a functional workflow writes. */
export const FUNCTIONAL_CHECKPOINT_KIND = 'functional';

const STEP_CACHE = '_step_cache';
const AUTO_REQUEST_COUNTS = '_step_cache_auto_request_counts';
const ORIGINAL_MESSAGE = '_original_message';
const RESPONSES = '_responses';

/** Where a functional run's checkpoints go and how far the series got. */
export interface FunctionalSeries {
  readonly storage: CheckpointStorage;
  readonly seriesId: string;
  parentId: string | null;
  sequence: number;
}

/** Everything a functional run's checkpoint captures. */
export interface FunctionalSnapshot {
  readonly input: unknown;
  readonly state: ReadonlyMap<string, unknown>;
  readonly cache: StepCache;
  /** Every answer given so far (a replay needs them all again). */
  readonly answers: ReadonlyMap<string, unknown>;
  readonly pending: Iterable<PendingRequest>;
}

/**
 * The hash that ties a checkpoint to the code that wrote it: sha256 of the workflow's name and the
 * function's source text, so any edit of the function refuses older checkpoints (a replay of
 * changed code would pair cached results with the wrong calls). Steps' own code is not part of it.
 */
export function functionalGraphHash(workflowName: string, fn: (...args: never[]) => unknown): string {
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(['functional', workflowName, Function.prototype.toString.call(fn)]))));
}

/**
 * Encodes a snapshot as checkpoint `state` and `pendingRequests`: user keys as they are, plus
 * `_step_cache`, `_step_cache_auto_request_counts`, `_original_message` and `_responses`.
 * @throws WorkflowCheckpointError when a value cannot be encoded (the message says where).
 */
export function captureFunctional(snapshot: FunctionalSnapshot): Pick<WorkflowCheckpoint, 'state' | 'pendingRequests'> {
  const state: Record<string, JsonValue> = {};
  for (const [key, value] of snapshot.state) state[key] = encodeCheckpointValue(value, `$.state.${key}`);
  const { cache, autoRequestCounts } = snapshot.cache.toCheckpoint();
  state[STEP_CACHE] = cache;
  state[AUTO_REQUEST_COUNTS] = autoRequestCounts;
  state[ORIGINAL_MESSAGE] = encodeCheckpointValue(snapshot.input, `$.state.${ORIGINAL_MESSAGE}`);
  state[RESPONSES] = encodeCheckpointValue(Object.fromEntries(snapshot.answers), `$.state.${RESPONSES}`);
  const pendingRequests = [...snapshot.pending].map((request, i): CheckpointRequest => ({
    requestId: request.requestId,
    executorId: request.executorId,
    data: encodeCheckpointValue(request.data, `$.pendingRequests[${String(i)}].data`),
    responseType: request.responseType,
  }));
  return { state, pendingRequests };
}

/** A checkpoint decoded back into what a functional workflow instance holds. */
export interface RestoredFunctional {
  input: unknown;
  state: Map<string, unknown>;
  cache: StepCache;
  answers: Map<string, unknown>;
  pending: Map<string, PendingRequest>;
}

/**
 * Decodes a functional checkpoint after checking that this workflow wrote it: same kind, same
 * name, same code.
 * @throws WorkflowCheckpointError naming the checkpoint and saying what does not fit.
 */
export function restoreFunctional(
  checkpoint: WorkflowCheckpoint,
  current: { workflowName: string; graphHash: string },
): RestoredFunctional {
  const where = `Checkpoint '${checkpoint.checkpointId}' (series '${checkpoint.seriesId}')`;
  const fail = (message: string): never => {
    throw new WorkflowCheckpointError(`${where} ${message}`, { checkpointId: checkpoint.checkpointId });
  };
  if (checkpoint.metadata['kind'] !== FUNCTIONAL_CHECKPOINT_KIND) {
    fail(
      `was not written by a functional workflow (kind ${JSON.stringify(checkpoint.metadata['kind'] ?? null)}); resume it with the workflow that wrote it`,
    );
  }
  if (checkpoint.workflowName !== current.workflowName) {
    fail(`belongs to workflow '${checkpoint.workflowName}', not to functional workflow '${current.workflowName}'`);
  }
  if (checkpoint.graphHash !== current.graphHash) {
    fail(
      `was written by a different version of functional workflow '${current.workflowName}': the workflow function's code changed since. ` +
        'A replay of changed code could pair saved step results with the wrong calls; resume it with the code that wrote it, or start a new run.',
    );
  }
  const state = new Map<string, unknown>();
  for (const [key, value] of Object.entries(checkpoint.state)) {
    if (!key.startsWith('_')) state.set(key, decodeCheckpointValue(value, `$.state.${key}`));
  }
  const answersJson = checkpoint.state[RESPONSES];
  const answers = answersJson === undefined ? {} : decodeCheckpointValue(answersJson, `$.state.${RESPONSES}`);
  if (typeof answers !== 'object' || answers === null) fail(`has a malformed ${RESPONSES}`);
  const pending = new Map<string, PendingRequest>();
  checkpoint.pendingRequests.forEach((request, i) => {
    pending.set(request.requestId, {
      requestId: request.requestId,
      executorId: request.executorId,
      data: decodeCheckpointValue(request.data, `$.pendingRequests[${String(i)}].data`),
      responseType: request.responseType,
      responseSpec: specFromJson(request.responseType),
    });
  });
  const originalJson = checkpoint.state[ORIGINAL_MESSAGE];
  return {
    input: originalJson === undefined ? undefined : decodeCheckpointValue(originalJson, `$.state.${ORIGINAL_MESSAGE}`),
    state,
    cache: StepCache.fromCheckpoint(checkpoint.state[STEP_CACHE], checkpoint.state[AUTO_REQUEST_COUNTS], where),
    answers: new Map(Object.entries(answers as Record<string, unknown>)),
    pending,
  };
}

/**
 * Writes a functional run's checkpoints in order: each write captures its snapshot at once and
 * goes after the earlier ones, so parallel steps still produce a clean lineage. The first failure
 * fails every later write too (the run fails with it).
 */
export class FunctionalCheckpointWriter {
  readonly #series: FunctionalSeries;
  readonly #workflow: { workflowName: string; graphHash: string };
  readonly #services: RuntimeServices;
  readonly #events: RunEvents;
  #chain: Promise<void> = Promise.resolve();

  constructor(
    series: FunctionalSeries,
    workflow: { workflowName: string; graphHash: string },
    services: RuntimeServices,
    events: RunEvents,
  ) {
    this.#series = series;
    this.#workflow = workflow;
    this.#services = services;
    this.#events = events;
  }

  /** Captures `snapshot` now and writes it after the earlier writes; emits `checkpoint_saved`. */
  write(snapshot: FunctionalSnapshot): Promise<void> {
    let body: Pick<WorkflowCheckpoint, 'state' | 'pendingRequests'> | undefined;
    let problem: unknown;
    try {
      body = captureFunctional(snapshot);
    } catch (error) {
      problem = error;
    }
    const write = this.#chain.then(() =>
      body === undefined ? Promise.reject(asCheckpointError(problem, this.#series)) : this.#save(body),
    );
    this.#chain = write;
    return write;
  }

  async #save(body: Pick<WorkflowCheckpoint, 'state' | 'pendingRequests'>): Promise<void> {
    const series = this.#series;
    const checkpoint: WorkflowCheckpoint = {
      version: 1,
      checkpointId: this.#services.createId('checkpoint'),
      seriesId: series.seriesId,
      parentId: series.parentId,
      sequence: series.sequence,
      workflowName: this.#workflow.workflowName,
      graphHash: this.#workflow.graphHash,
      superstep: 0,
      timestamp: new Date(this.#services.now()).toISOString(),
      messages: [],
      ...body,
      metadata: { kind: FUNCTIONAL_CHECKPOINT_KIND },
    };
    try {
      await series.storage.save(checkpoint);
    } catch (error) {
      throw asCheckpointError(error, series, checkpoint.checkpointId);
    }
    series.parentId = checkpoint.checkpointId;
    series.sequence++;
    this.#events.emit({ type: 'checkpoint_saved', checkpointId: checkpoint.checkpointId, superstep: 0 });
  }
}

function asCheckpointError(error: unknown, series: FunctionalSeries, checkpointId?: string): WorkflowCheckpointError {
  const reason = error instanceof Error ? error.message : String(error);
  return new WorkflowCheckpointError(`Could not write checkpoint ${String(series.sequence)} of series '${series.seriesId}': ${reason}`, {
    cause: error,
    checkpointId,
  });
}
