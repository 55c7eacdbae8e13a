import {
  WorkflowLoadError,
  loadWorkflowFromYaml,
  toErrorDetails,
  type ErrorDetails,
  type Workflow,
  type WorkflowEvent,
  type WorkflowEventStream,
  type WorkflowRunState,
} from '@trellis/engine';
import { toCloneable, type Redact } from './cloneable-value.ts';
import { CheckpointScopes, type CheckpointStorageFactory } from './checkpoint-scopes.ts';
import { DEFAULT_BATCHING, EventBatcher, type BatchingOptions } from './event-batcher.ts';
import { chatClientFor, redactorFor, testModelConnection } from './model-client.ts';
import { RedactingCheckpointStorage } from './redacting-checkpoint-storage.ts';
import type {
  HostCommand,
  HostMessage,
  ListCheckpointsCommand,
  ModelSettings,
  RespondCommand,
  ResumeRunCommand,
  RunOutcome,
  StartRunCommand,
  TestConnectionCommand,
} from './protocol.ts';

/** What an {@link EngineHost} needs from where it lives (a Web Worker, the page, a test). */
export interface EngineHostOptions {
  /** Sends a message to the page (`postMessage` in a worker). */
  readonly post: (message: HostMessage) => void;
  /** The checkpoint storage of a scope. */
  readonly createStorage: CheckpointStorageFactory;
  readonly batching?: Partial<BatchingOptions>;
  /** A monotonic clock for durations and latencies, in ms (default `performance.now`). */
  readonly now?: () => number;
  /** The pause before each delta the offline mock model streams, in ms (default 0: no pause). */
  readonly mockTokenDelayMs?: number;
}

/** A run the host knows: its workflow instance, and the queue its continuations run in. */
interface HostedRun {
  readonly workflow: Workflow;
  readonly redact: Redact | undefined;
  /** Settles when the last queued continuation has ended: one instance runs one run at a time. */
  queue: Promise<void>;
  /** Bumped by `cancel`: a continuation queued before it does not start. */
  cancelEpoch: number;
  /** Continuations queued or running. */
  queued: number;
}

/** A run's outcome before it is made cloneable. */
type Ending = Omit<RunOutcome, 'durationMs'>;

/** How many earlier runs of a scope keep their checkpoints when a new run starts. */
export const EARLIER_RUNS_KEPT = 3;

/** Starts one continuation of a run (start, resume, answers) with the observer that feeds the batcher. */
type Launch = (onEvent: (event: WorkflowEvent) => void) => WorkflowEventStream | Promise<WorkflowEventStream>;

/**
 * The engine's side of the protocol, free of any transport: it takes {@link HostCommand}s and sends
 * {@link HostMessage}s through `post`. Every `start`, `resume` and `respond` ends with exactly one
 * `run_ended` for its run id, after that continuation's last event batch. Runs keep checkpoints in
 * their scope's storage (series id = run id), so every run can be resumed.
 */
export class EngineHost {
  readonly #post: (message: HostMessage) => void;
  readonly #scopes: CheckpointScopes;
  readonly #batching: BatchingOptions;
  readonly #now: () => number;
  readonly #mockTokenDelayMs: number;
  readonly #runs = new Map<string, HostedRun>();
  /** The batcher of each run streaming now, for the page's flow control. */
  readonly #batchers = new Map<string, EventBatcher>();

  constructor(options: EngineHostOptions) {
    this.#post = options.post;
    this.#scopes = new CheckpointScopes(options.createStorage);
    this.#batching = { ...DEFAULT_BATCHING, ...options.batching };
    this.#now = options.now ?? (() => performance.now());
    this.#mockTokenDelayMs = options.mockTokenDelayMs ?? 0;
  }

  /** Handles one command; never throws (what goes wrong is reported through `post`). */
  handle(command: HostCommand): void {
    switch (command.type) {
      case 'start':
        this.#start(command);
        return;
      case 'resume':
        this.#resume(command);
        return;
      case 'respond':
        this.#respond(command);
        return;
      case 'cancel': {
        // Events held for a slow page go at once: the run's end must not wait for them.
        this.#batchers.get(command.runId)?.release();
        const run = this.#runs.get(command.runId);
        if (run === undefined) return;
        run.cancelEpoch += 1;
        run.workflow.cancel();
        // Stopped means done with: the workflow instance is not kept for answers (a run waiting for
        // a person would otherwise stay in memory until the host goes away).
        this.#runs.delete(command.runId);
        return;
      }
      case 'events_received':
        this.#batchers.get(command.runId)?.received(command.batches);
        return;
      case 'list_checkpoints':
        void this.#listCheckpoints(command);
        return;
      case 'test_connection':
        void this.#testConnection(command);
        return;
    }
  }

  /** Cancels every run (the host is going away). */
  dispose(): void {
    for (const run of this.#runs.values()) run.workflow.cancel();
    this.#runs.clear();
    for (const batcher of this.#batchers.values()) batcher.release();
    this.#batchers.clear();
  }

  #start(command: StartRunCommand): void {
    const startedAt = this.#now();
    const run = this.#host(command.runId, command.yamlText, command.model, command.checkpointScope, startedAt);
    if (run === undefined) return;
    const scope = command.checkpointScope;
    this.#enqueue(command.runId, run, startedAt, 'failed', async (onEvent) => {
      // A new run starts a new series: the scope keeps the last few runs' checkpoints, not all.
      // A failed clean-up does not stop the run (a broken storage shows in the run's own writes).
      await this.#scopes.pruneSeries(scope, EARLIER_RUNS_KEPT).catch(() => 0);
      return run.workflow.run(command.input, { stream: true, checkpointId: command.runId, onEvent });
    });
  }

  #resume(command: ResumeRunCommand): void {
    const startedAt = this.#now();
    const run = this.#host(command.runId, command.yamlText, command.model, command.checkpointScope, startedAt);
    if (run === undefined) return;
    const scope = command.checkpointScope;
    this.#enqueue(command.runId, run, startedAt, 'failed', async (onEvent) => {
      const checkpointId = command.checkpointId ?? (await this.#scopes.latestCheckpointId(scope));
      if (checkpointId === undefined) throw new Error(`There is no checkpoint to resume from in scope '${scope}'`);
      return run.workflow.resume(checkpointId, { stream: true, onEvent });
    });
  }

  #respond(command: RespondCommand): void {
    const startedAt = this.#now();
    const run = this.#runs.get(command.runId);
    if (run === undefined) {
      const message = `No run '${command.runId}' in this engine host (it was restarted, or the page reloaded): resume the run from its latest checkpoint, then answer`;
      this.#end(command.runId, undefined, startedAt, { reason: 'failed', state: 'failed', error: { name: 'Error', message } });
      return;
    }
    // The state a refused answer leaves the run in (the requests stay pending).
    const unchanged = (): WorkflowRunState => (run.workflow.pendingRequestIds.length > 0 ? 'idle_with_pending_requests' : 'idle');
    this.#enqueue(command.runId, run, startedAt, unchanged, (onEvent) =>
      run.workflow.sendResponses({ ...command.responses }, { stream: true, onEvent }),
    );
  }

  /**
   * Loads the workflow for a new run (a `start`, or a `resume` on a fresh instance) and registers
   * it, replacing an earlier run of that id; undefined after reporting why it did not load.
   */
  #host(runId: string, yamlText: string, model: ModelSettings, checkpointScope: string, startedAt: number): HostedRun | undefined {
    const redact = redactorFor(model);
    let workflow: Workflow;
    try {
      const scopeStorage = this.#scopes.storageFor(checkpointScope);
      const checkpointStorage = redact === undefined ? scopeStorage : new RedactingCheckpointStorage(scopeStorage, redact);
      workflow = loadWorkflowFromYaml(yamlText, { client: chatClientFor(model, this.#mockTokenDelayMs), checkpointStorage });
    } catch (error) {
      const ending: Ending =
        error instanceof WorkflowLoadError
          ? { reason: 'load_failed', state: 'failed', error: toErrorDetails(error), problems: error.problems }
          : { reason: 'failed', state: 'failed', error: toErrorDetails(error) };
      this.#end(runId, redact, startedAt, ending);
      return undefined;
    }
    const previous = this.#runs.get(runId);
    previous?.workflow.cancel();
    const run: HostedRun = { workflow, redact, queue: previous?.queue ?? Promise.resolve(), cancelEpoch: 0, queued: 0 };
    this.#runs.set(runId, run);
    return run;
  }

  /** Runs a continuation of `run` once the ones before it have ended, streaming its events. */
  #enqueue(
    runId: string,
    run: HostedRun,
    startedAt: number,
    stateIfRefused: WorkflowRunState | (() => WorkflowRunState),
    launch: Launch,
  ): void {
    const epoch = run.cancelEpoch;
    run.queued += 1;
    run.queue = run.queue
      .then(async () => {
        let ending: Ending = { reason: 'cancelled', state: 'cancelled' };
        try {
          if (run.cancelEpoch === epoch) {
            const fallback = typeof stateIfRefused === 'function' ? stateIfRefused() : stateIfRefused;
            ending = await this.#stream(runId, run.redact, launch, fallback);
          }
        } finally {
          run.queued -= 1;
          // A run waiting for nobody is forgotten; one with pending requests stays to be answered.
          if (run.queued === 0 && run.workflow.pendingRequestIds.length === 0 && this.#runs.get(runId) === run) this.#runs.delete(runId);
        }
        this.#end(runId, run.redact, startedAt, ending);
      })
      // Something broke in the host itself (a batch or the outcome could not be posted): the page
      // still gets this continuation's end, and the next continuation of the run still runs.
      .catch((error: unknown) => {
        this.#endBroken(runId, run.redact, startedAt, error);
      });
  }

  /** Ends a continuation the host itself failed, with the error's name and message only (they are always cloneable). */
  #endBroken(runId: string, redact: Redact | undefined, startedAt: number, error: unknown): void {
    const details = toErrorDetails(error);
    const message = `The engine host failed: ${redact === undefined ? details.message : redact(details.message)}`;
    const durationMs = Math.max(0, this.#now() - startedAt);
    try {
      this.#post({
        type: 'run_ended',
        runId,
        outcome: { reason: 'failed', state: 'failed', durationMs, error: { name: details.name, message } },
      });
    } catch {
      // Nothing more can reach the page from here.
    }
  }

  /** Streams one continuation's events in batches; resolves to how it ended once the page has them all. */
  async #stream(runId: string, redact: Redact | undefined, launch: Launch, stateIfRefused: WorkflowRunState): Promise<Ending> {
    const batcher = new EventBatcher(runId, this.#post, this.#batching, redact);
    this.#batchers.set(runId, batcher);
    let state: WorkflowRunState | undefined;
    let failure: { error: ErrorDetails; executorId?: string } | undefined;
    // Events are taken as the engine emits them (not as the stream hands them on, a microtask
    // later), so an `executor_start` is posted before its handler runs, even one that then never
    // yields (`while (true) {}`): the page can show which node is stuck.
    const onEvent = (event: WorkflowEvent): void => {
      batcher.add(event);
      if (event.type === 'workflow_status' || event.type === 'workflow_complete') state = event.state;
      else if (event.type === 'error')
        failure = { error: event.error, ...(event.executorId === undefined ? {} : { executorId: event.executorId }) };
    };
    try {
      // Streaming, because agents stream their replies only in a streaming run; the final response
      // says when the run ended, and how (it rejects after a failed run's last events).
      await (await launch(onEvent)).getFinalResponse();
    } catch (error) {
      // A failed run throws after its last events (the `error` event said why); a refused one
      // (nothing to answer, a wrong answer, no checkpoint) throws before any.
      failure ??= { error: toErrorDetails(error) };
    }
    const finalState = state ?? stateIfRefused;
    // The end waits for the page to take the events held for it; a stopped run's end does not.
    if (finalState === 'cancelled') batcher.release();
    else batcher.flush();
    await batcher.drained();
    if (this.#batchers.get(runId) === batcher) this.#batchers.delete(runId);
    if (finalState === 'cancelled') return { reason: 'cancelled', state: finalState };
    if (failure !== undefined) return { reason: 'failed', state: finalState, ...failure };
    return { reason: finalState === 'failed' ? 'failed' : 'finished', state: finalState };
  }

  #end(runId: string, redact: Redact | undefined, startedAt: number, ending: Ending): void {
    const outcome = toCloneable({ ...ending, durationMs: Math.max(0, this.#now() - startedAt) }, redact) as RunOutcome;
    this.#post({ type: 'run_ended', runId, outcome });
  }

  async #listCheckpoints(command: ListCheckpointsCommand): Promise<void> {
    try {
      const checkpoints = await this.#scopes.summaries(command.checkpointScope);
      this.#post({ type: 'checkpoints', callId: command.callId, checkpoints });
    } catch (error) {
      const message = `Could not list the checkpoints of scope '${command.checkpointScope}': ${toErrorDetails(error).message}`;
      this.#post({ type: 'checkpoints', callId: command.callId, checkpoints: [], error: message });
    }
  }

  async #testConnection(command: TestConnectionCommand): Promise<void> {
    const result = await testModelConnection(command.model, this.#now);
    this.#post({ type: 'connection', callId: command.callId, result });
  }
}
