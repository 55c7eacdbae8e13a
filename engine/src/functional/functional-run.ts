import { toErrorDetails, WorkflowContextError, WorkflowStateError } from '../errors.js';
import { WorkflowRunState, type ErrorEvent } from '../events.js';
import type { CustomEventInput } from '../runtime/context.js';
import { checkAnswer, specToJson, type PendingRequest, type RequestInfoOptions } from '../runtime/pending-requests.js';
import type { RunEvents } from '../runtime/run-events.js';
import type { RuntimeServices } from '../runtime/services.js';
import { compileTypeSpec } from '../types/type-spec.js';
import type { FunctionalCheckpointWriter, FunctionalSnapshot } from './functional-checkpoint.js';
import { interruptWith, isWorkflowInterrupt } from './interrupt.js';
import { FunctionalRunContext, type RunContext, type RunContextHost } from './run-context.js';
import { runInRealm, type ActiveFunctionalRun } from './run-context-storage.js';
import { hashStepArgs, StepCache } from './step-cache.js';

/** A functional workflow's function: the input, and the run's context when it needs one. */
export type WorkflowFunction<I = unknown, O = unknown> = (input: I, ctx: RunContext) => O | Promise<O>;

/** How one pass of a functional workflow ended. */
export type RunOutcome =
  | { kind: 'completed'; output: unknown }
  | { kind: 'interrupted' }
  | { kind: 'failed'; error: unknown; executorId: string | undefined }
  | { kind: 'cancelled' };

/** What one pass needs: the function, its input, and the instance's data it works on. */
export interface FunctionalRunSetup {
  readonly workflowName: string;
  readonly fn: WorkflowFunction;
  readonly input: unknown;
  readonly runId: string;
  readonly events: RunEvents;
  readonly services: RuntimeServices;
  /** The state this pass reads and writes (a copy; the instance keeps it only if the pass does not fail). */
  readonly state: Map<string, unknown>;
  readonly cache: StepCache;
  /** Every answer given so far, by request id. */
  readonly answers: ReadonlyMap<string, unknown>;
  /** Requests that waited before this pass; mid-run checkpoints list the unanswered ones. */
  readonly earlierPending: ReadonlyMap<string, PendingRequest>;
  readonly writer: FunctionalCheckpointWriter | undefined;
}

type Settled = { returned: unknown } | { thrown: unknown };
const CANCELLED: unique symbol = Symbol('cancelled');

/**
 * One pass of a functional workflow: calls the function from the top, serves steps from the cache
 * or runs them live, answers or raises requests, and emits the run's events as they happen. A
 * pass ends when the function returns, throws, or is unwound by an unanswered request, and after
 * every step still in flight has settled (so its result is saved and its events precede the end).
 */
export class FunctionalRun implements ActiveFunctionalRun, RunContextHost {
  readonly context: FunctionalRunContext;
  /** Requests this pass raised that have no answer. */
  readonly pending = new Map<string, PendingRequest>();
  readonly #setup: FunctionalRunSetup;
  readonly #stepCalls = new Map<string, number>();
  readonly #inFlight = new Set<Promise<unknown>>();
  /** Errors a step already reported with an `error` event, and which step. */
  readonly #reported = new Map<unknown, string>();
  readonly #abort = new AbortController();
  #autoRequests = 0;
  #fatal: { error: unknown } | undefined;
  #cancelWaiter: (() => void) | undefined;
  #ended = false;

  constructor(setup: FunctionalRunSetup) {
    this.#setup = setup;
    this.context = new FunctionalRunContext(this);
  }

  get workflowName(): string {
    return this.#setup.workflowName;
  }
  get runId(): string {
    return this.#setup.runId;
  }
  get signal(): AbortSignal {
    return this.#abort.signal;
  }
  get streaming(): boolean {
    return this.#setup.events.streaming;
  }
  get state(): Map<string, unknown> {
    return this.#setup.state;
  }
  get live(): boolean {
    return !this.#ended && !this.#abort.signal.aborted;
  }

  /** Ends the pass as cancelled at once; steps called afterwards by the abandoned function throw. */
  cancel(): void {
    if (this.#abort.signal.aborted) return;
    this.#abort.abort(new Error(`Functional workflow '${this.workflowName}' was cancelled`));
    this.#cancelWaiter?.();
  }

  /** Runs the pass and emits everything up to `workflow_complete`; never rejects. */
  async execute(): Promise<RunOutcome> {
    const events = this.#setup.events;
    events.emit({ type: 'workflow_start', runId: this.runId, workflowName: this.workflowName });
    events.emit({ type: 'workflow_status', state: WorkflowRunState.IN_PROGRESS });
    const settled = await this.#untilCancelled(this.#invoke());
    let outcome = this.#judge(settled);
    this.#ended = true;
    if (outcome.kind === 'completed' && outcome.output !== undefined) {
      events.emit({ type: 'workflow_output', executorId: this.workflowName, data: outcome.output });
    }
    if ((outcome.kind === 'completed' || outcome.kind === 'interrupted') && this.#setup.writer !== undefined) {
      try {
        await this.#setup.writer.write(this.#snapshot(true));
      } catch (error) {
        outcome = { kind: 'failed', error, executorId: undefined };
      }
    }
    if (outcome.kind === 'failed' && !this.#reported.has(outcome.error)) {
      const event: ErrorEvent = { type: 'error', error: toErrorDetails(outcome.error) };
      events.emit(event);
    }
    const state = finalState(outcome);
    events.emit({ type: 'workflow_status', state });
    events.emit({ type: 'workflow_complete', state });
    return outcome;
  }

  // ActiveFunctionalRun: what step() calls.

  callStep(name: string, call: () => unknown, args: readonly unknown[]): Promise<unknown> {
    if (!this.live) return this.#afterEnd(`step '${name}'`, call);
    const index = this.#stepCalls.get(name) ?? 0;
    this.#stepCalls.set(name, index + 1);
    const slot = StepCache.slot(name, index);
    const argsHash = hashStepArgs(args);
    const cached = argsHash === undefined ? undefined : this.#setup.cache.lookup(slot, argsHash);
    if (cached !== undefined) {
      this.#autoRequests += cached.autoRequests;
      this.#setup.events.emit({ type: 'executor_bypassed', executorId: name, data: cached.value });
      return Promise.resolve(cached.value);
    }
    const live = this.#runLive(name, slot, argsHash, call, args);
    this.#inFlight.add(live);
    const forget = (): void => {
      this.#inFlight.delete(live);
    };
    live.then(forget, forget);
    return live;
  }

  // RunContextHost: what the context calls.

  requestInfo(request: unknown, options: RequestInfoOptions): Promise<unknown> {
    if (!this.live) return this.#afterEnd('ctx.requestInfo()');
    const requestId = options.requestId ?? `auto::${String(this.#autoRequests++)}`;
    const spec = compileTypeSpec(options.responseType);
    const asked: PendingRequest = {
      requestId,
      executorId: this.workflowName,
      data: request,
      responseType: specToJson(spec),
      responseSpec: spec,
    };
    if (this.#setup.answers.has(requestId)) {
      const answer = this.#setup.answers.get(requestId);
      const wrong = checkAnswer(asked, answer);
      if (wrong === undefined) return Promise.resolve(answer);
      this.#fatal ??= { error: new TypeError(wrong.charAt(0).toUpperCase() + wrong.slice(1)) };
      return interruptWith('aborted', wrong, requestId);
    }
    if (!this.pending.has(requestId)) {
      this.pending.set(requestId, asked);
      const { executorId, responseType } = asked;
      this.#setup.events.emit({ type: 'request_info', requestId, executorId, data: request, responseType });
      if (this.pending.size === 1)
        this.#setup.events.emit({ type: 'workflow_status', state: WorkflowRunState.IN_PROGRESS_PENDING_REQUESTS });
    }
    return interruptWith('request', `Request '${requestId}' of workflow '${this.workflowName}' waits for an answer`, requestId);
  }

  emitCustom(event: CustomEventInput): void {
    this.#setup.events.emit({ type: 'custom', name: event.type, executorId: this.workflowName, data: event.data });
  }

  async #runLive(
    name: string,
    slot: string,
    argsHash: string | undefined,
    call: () => unknown,
    args: readonly unknown[],
  ): Promise<unknown> {
    const { events, services, writer } = this.#setup;
    events.emit({ type: 'executor_start', executorId: name, data: { args: [...args] } });
    const started = services.now();
    const autoBefore = this.#autoRequests;
    let value: unknown;
    try {
      value = await call();
    } catch (error) {
      if (!isWorkflowInterrupt(error) && this.live) {
        events.emit({ type: 'error', error: toErrorDetails(error), executorId: name });
        this.#reported.set(error, name);
      }
      throw error;
    }
    if (!this.live) return this.#afterEnd(`step '${name}'`, () => value);
    events.emit({ type: 'executor_complete', executorId: name, durationMs: services.now() - started });
    if (argsHash !== undefined) this.#setup.cache.store(slot, argsHash, value, this.#autoRequests - autoBefore);
    if (writer !== undefined) {
      try {
        await writer.write(this.#snapshot(false));
      } catch (error) {
        this.#fatal ??= { error };
        return interruptWith('aborted', `The checkpoint after step '${name}' could not be written`);
      }
    }
    return value;
  }

  /** Calls the function, then waits for the steps still in flight. Never rejects. */
  async #invoke(): Promise<Settled> {
    let settled: Settled;
    try {
      settled = { returned: await runInRealm(this, () => this.#setup.fn(this.#setup.input, this.context)) };
    } catch (thrown) {
      settled = { thrown };
    }
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
    return settled;
  }

  #untilCancelled(work: Promise<Settled>): Promise<Settled | typeof CANCELLED> {
    if (this.#abort.signal.aborted) return Promise.resolve(CANCELLED);
    return new Promise<Settled | typeof CANCELLED>((resolve) => {
      this.#cancelWaiter = () => {
        resolve(CANCELLED);
      };
      void work.then(resolve);
    }).finally(() => {
      this.#cancelWaiter = undefined;
    });
  }

  #judge(settled: Settled | typeof CANCELLED): RunOutcome {
    if (settled === CANCELLED || this.#abort.signal.aborted) return { kind: 'cancelled' };
    if (this.#fatal !== undefined) return { kind: 'failed', error: this.#fatal.error, executorId: undefined };
    if ('thrown' in settled && !isWorkflowInterrupt(settled.thrown)) {
      return { kind: 'failed', error: settled.thrown, executorId: this.#reported.get(settled.thrown) };
    }
    if (this.pending.size > 0) return { kind: 'interrupted' };
    if ('thrown' in settled) {
      const error = new WorkflowStateError(
        `Workflow '${this.workflowName}' was unwound by an interrupt that belongs to no request of this run`,
      );
      return { kind: 'failed', error, executorId: undefined };
    }
    return { kind: 'completed', output: settled.returned };
  }

  /** What a checkpoint captures now; mid-run, requests from earlier passes not yet asked again still count as pending. */
  #snapshot(final: boolean): FunctionalSnapshot {
    const { input, state, cache, answers, earlierPending } = this.#setup;
    const pending = new Map(this.pending);
    if (!final) for (const [id, request] of earlierPending) if (!answers.has(id) && !pending.has(id)) pending.set(id, request);
    return { input, state, cache, answers, pending: pending.values() };
  }

  /** A step or request reached after the pass ended: cancelled runs unwind the caller; otherwise a step runs as a plain call. */
  #afterEnd(what: string, call?: () => unknown): Promise<unknown> {
    if (this.#abort.signal.aborted) {
      return interruptWith('cancelled', `${what} was called after workflow '${this.workflowName}' was cancelled`);
    }
    if (call === undefined)
      return Promise.reject(new WorkflowContextError(`${what} was called after workflow '${this.workflowName}' ended`));
    return new Promise((resolve) => {
      resolve(call());
    });
  }
}

function finalState(outcome: RunOutcome): WorkflowRunState {
  switch (outcome.kind) {
    case 'completed':
      return WorkflowRunState.IDLE;
    case 'interrupted':
      return WorkflowRunState.IDLE_WITH_PENDING_REQUESTS;
    case 'failed':
      return WorkflowRunState.FAILED;
    case 'cancelled':
      return WorkflowRunState.CANCELLED;
  }
}
