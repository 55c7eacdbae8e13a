import { findCheckpoint } from '../checkpoint/find-checkpoint.js';
import type { CheckpointStorage } from '../checkpoint/types.js';
import { WorkflowRunError, WorkflowStateError } from '../errors.js';
import type { RequestInfoEvent } from '../events.js';
import type { PendingRequest } from '../runtime/pending-requests.js';
import { WorkflowEventStream, rejectedRun } from '../runtime/event-stream.js';
import { RunEvents } from '../runtime/run-events.js';
import { WorkflowRunResult } from '../runtime/run-result.js';
import { resolveServices, type RuntimeServices } from '../runtime/services.js';
import { FunctionalWorkflowAgent, type FunctionalAgentOptions } from './functional-agent.js';
import { FunctionalCheckpointWriter, functionalGraphHash, restoreFunctional, type FunctionalSeries } from './functional-checkpoint.js';
import { FunctionalRun, type RunOutcome, type WorkflowFunction } from './functional-run.js';
import { pendingRequestEvents } from '../runtime/pending-requests.js';
import { checkResponses } from './responses.js';
import { enterRealm } from './run-context-storage.js';
import { StepCache } from './step-cache.js';
import type {
  FunctionalResumeOptions,
  FunctionalRunOptions,
  FunctionalSendResponsesOptions,
  FunctionalWorkflowOptions,
} from './workflow-factory.js';

/** What an instance keeps while a run waits for answers. */
interface Session {
  input: unknown;
  cache: StepCache;
  answers: Map<string, unknown>;
  pending: Map<string, PendingRequest>;
  series: FunctionalSeries | undefined;
}

/** One pass to run: its session, state copy, and what the instance keeps if it fails. */
interface Plan {
  session: Session;
  earlierPending: ReadonlyMap<string, PendingRequest>;
  fallback: { session: Session | undefined; state: Map<string, unknown> };
}

/**
 * A workflow written as a plain async function (made by {@link workflow}). It runs like a graph
 * `Workflow` (same results, events and streams) without executors or edges: the function's
 * return value is the single output; `ctx.requestInfo` pauses the run and `sendResponses` replays
 * the function from the top, with `step()` results served from the cache. An instance runs one
 * run at a time and keeps its state across runs; make another instance for an independent session.
 */
export class FunctionalWorkflow<I = unknown, O = unknown> {
  readonly #fn: WorkflowFunction<I, O>;
  readonly #name: string;
  readonly #description: string | undefined;
  readonly #storage: CheckpointStorage | undefined;
  readonly #services: RuntimeServices;
  #graphHash: string | undefined;
  #state = new Map<string, unknown>();
  #session: Session | undefined;
  #active: { run: FunctionalRun | undefined; cancelled: boolean } | undefined;

  /** @internal Use {@link workflow}. */
  constructor(fn: WorkflowFunction<I, O>, options: FunctionalWorkflowOptions = {}) {
    const name = options.name ?? fn.name;
    if (typeof name !== 'string' || name === '') {
      throw new TypeError("A functional workflow needs a name: pass a named function or workflow('name', fn) / workflow({ name }, fn)");
    }
    this.#fn = fn;
    this.#name = name;
    this.#description = options.description;
    this.#storage = options.checkpointStorage;
    this.#services = resolveServices(options);
  }

  /** The workflow's name (the `executorId` of its outputs and requests). */
  get name(): string {
    return this.#name;
  }
  /** The workflow's description, if any. */
  get description(): string | undefined {
    return this.#description;
  }
  /** True while a run is active. */
  get isRunning(): boolean {
    return this.#active !== undefined;
  }
  /** sha256 of the name and the function's source: checkpoints resume only on the same code. */
  get graphHash(): string {
    this.#graphHash ??= functionalGraphHash(this.#name, this.#fn);
    return this.#graphHash;
  }

  /** The requests the last run left waiting for an answer, as their `request_info` events. */
  getPendingRequests(): RequestInfoEvent[] {
    return pendingRequestEvents(this.#session?.pending.values() ?? []);
  }

  /**
   * Runs the function on `input` from the top, with an empty step cache. Without `stream`,
   * resolves to the {@link WorkflowRunResult} (or rejects with a `WorkflowRunError` carrying it);
   * with `{ stream: true }`, returns a {@link WorkflowEventStream} of events as they happen.
   */
  run(input: I, options: FunctionalRunOptions & { stream: true }): WorkflowEventStream;
  run(input: I, options?: FunctionalRunOptions & { stream?: false }): Promise<WorkflowRunResult>;
  run(input: I, options?: FunctionalRunOptions): Promise<WorkflowRunResult> | WorkflowEventStream;
  run(input: I, options: FunctionalRunOptions = {}): Promise<WorkflowRunResult> | WorkflowEventStream {
    return this.#launch(options.stream === true, async (runId) => {
      const storage = options.checkpointStorage ?? this.#storage;
      let series: FunctionalSeries | undefined;
      if (storage !== undefined) {
        const seriesId = options.checkpointId ?? runId;
        const latest = await storage.latest({ seriesId });
        series = { storage, seriesId, parentId: latest?.checkpointId ?? null, sequence: latest === undefined ? 0 : latest.sequence + 1 };
      }
      const session: Session = { input, cache: new StepCache(), answers: new Map(), pending: new Map(), series };
      return { session, earlierPending: new Map(), fallback: { session: undefined, state: this.#state } };
    });
  }

  /**
   * Answers requests the last run left pending (`{ [requestId]: answer }`) and replays the function
   * from the top with the original input, the step cache and every answer given so far. Unanswered
   * requests stay pending. Nothing waiting, an unknown or already answered id, or an answer of the
   * wrong type is an error before anything runs.
   */
  sendResponses(responses: Record<string, unknown>, options: FunctionalSendResponsesOptions & { stream: true }): WorkflowEventStream;
  sendResponses(
    responses: Record<string, unknown>,
    options?: FunctionalSendResponsesOptions & { stream?: false },
  ): Promise<WorkflowRunResult>;
  sendResponses(
    responses: Record<string, unknown>,
    options?: FunctionalSendResponsesOptions,
  ): Promise<WorkflowRunResult> | WorkflowEventStream;
  sendResponses(
    responses: Record<string, unknown>,
    options: FunctionalSendResponsesOptions = {},
  ): Promise<WorkflowRunResult> | WorkflowEventStream {
    const stream = options.stream === true;
    const problem = this.#active === undefined ? checkResponses(this.#name, this.#session, responses) : undefined;
    if (problem !== undefined) return rejectedRun(stream, problem);
    return this.#launch(stream, () => {
      const before = this.#session;
      const problemNow = checkResponses(this.#name, before, responses);
      if (problemNow !== undefined) throw problemNow;
      if (before === undefined) throw new WorkflowStateError(`Functional workflow '${this.#name}' has nothing waiting for an answer`);
      const session: Session = { ...before, answers: new Map([...before.answers, ...Object.entries(responses)]) };
      return { session, earlierPending: before.pending, fallback: { session: before, state: this.#state } };
    });
  }

  /**
   * Continues from a checkpoint: `id` is a series name (its latest checkpoint) or one checkpoint's
   * id (to fork from it). Works on any instance made from the same definition; the checkpoint's
   * state, step cache, answers and original input replace the instance's, and the function replays
   * from the top (requests still unanswered are emitted again). `responses` answers pending requests.
   */
  resume(id: string, options: FunctionalResumeOptions & { stream: true }): WorkflowEventStream;
  resume(id: string, options?: FunctionalResumeOptions & { stream?: false }): Promise<WorkflowRunResult>;
  resume(id: string, options?: FunctionalResumeOptions): Promise<WorkflowRunResult> | WorkflowEventStream;
  resume(id: string, options: FunctionalResumeOptions = {}): Promise<WorkflowRunResult> | WorkflowEventStream {
    return this.#launch(options.stream === true, async () => {
      const storage = options.checkpointStorage ?? this.#storage;
      if (storage === undefined) {
        throw new WorkflowStateError(`resume('${id}') needs a checkpoint storage: pass { checkpointStorage } to workflow() or to resume()`);
      }
      const checkpoint = await findCheckpoint(storage, id);
      const restored = restoreFunctional(checkpoint, { workflowName: this.#name, graphHash: this.graphHash });
      const latest = await storage.latest({ seriesId: checkpoint.seriesId });
      const series: FunctionalSeries = {
        storage,
        seriesId: checkpoint.seriesId,
        parentId: checkpoint.checkpointId,
        sequence: (latest?.sequence ?? checkpoint.sequence) + 1,
      };
      const base: Session = { input: restored.input, cache: restored.cache, answers: restored.answers, pending: restored.pending, series };
      let session = base;
      if (options.responses !== undefined) {
        const problem = checkResponses(this.#name, base, options.responses);
        if (problem !== undefined) throw problem;
        session = { ...base, answers: new Map([...base.answers, ...Object.entries(options.responses)]) };
      }
      return { session, earlierPending: base.pending, fallback: { session: base, state: restored.state } };
    });
  }

  /** Ends the active run (if any) at once with state `cancelled`; nothing it did since it started is kept but step results. */
  cancel(): void {
    const active = this.#active;
    if (active === undefined) return;
    active.cancelled = true;
    active.run?.cancel();
  }

  /** This workflow as an agent (the seed's `.as_agent()`); see {@link FunctionalWorkflowAgent}. */
  asAgent(options: FunctionalAgentOptions = {}): FunctionalWorkflowAgent {
    return new FunctionalWorkflowAgent(this as FunctionalWorkflow, options);
  }

  #launch(stream: boolean, prepare: (runId: string) => Plan | Promise<Plan>): Promise<WorkflowRunResult> | WorkflowEventStream {
    if (this.#active !== undefined) {
      return rejectedRun(
        stream,
        new WorkflowStateError(
          `Functional workflow '${this.#name}' is already running; an instance runs one run at a time. Wait for the run to end, cancel it, or make another instance.`,
        ),
      );
    }
    let claim: ReturnType<typeof enterRealm>;
    try {
      claim = enterRealm(this.#name);
    } catch (error) {
      return rejectedRun(stream, error as Error);
    }
    const active: { run: FunctionalRun | undefined; cancelled: boolean } = { run: undefined, cancelled: false };
    this.#active = active;
    const events = new RunEvents(stream);
    const result = this.#execute(events, active, claim, prepare).finally(() => {
      claim.leave();
      this.#active = undefined;
    });
    return events.channel === undefined ? result : new WorkflowEventStream(events.channel, result);
  }

  async #execute(
    events: RunEvents,
    active: { run: FunctionalRun | undefined; cancelled: boolean },
    claim: ReturnType<typeof enterRealm>,
    prepare: (runId: string) => Plan | Promise<Plan>,
  ): Promise<WorkflowRunResult> {
    const runId = this.#services.createId('run');
    let plan: Plan;
    try {
      plan = await prepare(runId);
    } catch (error) {
      events.close(error);
      throw error;
    }
    const { session } = plan;
    const state = new Map(plan.fallback.state);
    const writer =
      session.series === undefined
        ? undefined
        : new FunctionalCheckpointWriter(session.series, { workflowName: this.#name, graphHash: this.graphHash }, this.#services, events);
    const run = new FunctionalRun({
      workflowName: this.#name,
      fn: this.#fn as WorkflowFunction,
      input: session.input,
      runId,
      events,
      services: this.#services,
      state,
      cache: session.cache,
      answers: session.answers,
      earlierPending: plan.earlierPending,
      writer,
    });
    active.run = run;
    claim.attach(run);
    if (active.cancelled) run.cancel();
    const outcome = await run.execute();
    this.#commit(plan, outcome, run, state);
    const result = new WorkflowRunResult(events.events);
    if (outcome.kind !== 'failed') {
      events.close();
      return result;
    }
    const { error: cause, executorId } = outcome;
    const message = cause instanceof Error ? cause.message : String(cause);
    const where = executorId === undefined ? '' : ` in step '${executorId}'`;
    const error = new WorkflowRunError(`Functional workflow '${this.#name}' failed${where}: ${message}`, result, { cause, executorId });
    events.close(error);
    throw error;
  }

  /** What the instance keeps after a pass: a finished run forgets its session, a paused one keeps it, a failed one goes back. */
  #commit(plan: Plan, outcome: RunOutcome, run: FunctionalRun, state: Map<string, unknown>): void {
    switch (outcome.kind) {
      case 'completed':
        this.#state = state;
        this.#session = undefined;
        return;
      case 'interrupted':
        this.#state = state;
        this.#session = { ...plan.session, pending: new Map(run.pending) };
        return;
      case 'failed':
      case 'cancelled':
        this.#state = plan.fallback.state;
        this.#session = plan.fallback.session;
        return;
    }
  }
}
