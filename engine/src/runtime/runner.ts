import type { WorkflowGraph } from '../builder/graph.js';
import { WorkflowContextError, WorkflowConvergenceError } from '../errors.js';
import { WorkflowRunState } from '../events.js';
import { compileTypeSpec } from '../types/type-spec.js';
import { specToJson, type RequestInfoOptions } from './pending-requests.js';
import type { WorkflowEvent } from '../events.js';
import { failSpan, type RunTracing } from '../telemetry/tracing.js';
import { HandlerContext, type ContextHost, type CustomEventInput } from './context.js';
import type { InstanceState } from './instance-state.js';
import type { WorkflowMessage } from './message.js';
import { Router, type Delivery } from './router.js';
import type { RunEvents } from './run-events.js';
import type { RuntimeServices } from './services.js';
import type { SharedState } from './shared-state.js';

/** An executor's handler threw; carries which executor, for the `error` event. Never escapes the workflow. */
export class ExecutorFailure extends Error {
  constructor(
    readonly executorId: string,
    override readonly cause: unknown,
  ) {
    super(`Executor '${executorId}' failed`);
    this.name = 'ExecutorFailure';
  }
}

/** Thrown inside the loop when the run was cancelled; never escapes the workflow. */
export class RunCancelled extends Error {
  constructor() {
    super('The workflow run was cancelled');
    this.name = 'RunCancelled';
  }
}

/**
 * Runs supersteps until nothing is queued (Agent Framework's BSP loop): deliver everything sent in
 * the previous superstep, run different targets concurrently and each target's deliveries one at a
 * time, then commit state. A message sent in superstep k is handled in superstep k+1.
 */
export class SuperstepRunner implements ContextHost {
  readonly #graph: WorkflowGraph;
  readonly #instance: InstanceState;
  readonly #events: RunEvents;
  readonly #services: RuntimeServices;
  readonly #tracing: RunTracing;
  readonly #router: Router;
  readonly #abort = new AbortController();
  #cancelWaiter: ((reason: unknown) => void) | undefined;
  #ended = false;
  #announcedPending = false;
  /** Set when the run writes checkpoints: called after each superstep's commit. */
  afterSuperstep: (() => Promise<void>) | undefined;

  constructor(graph: WorkflowGraph, instance: InstanceState, events: RunEvents, services: RuntimeServices, tracing: RunTracing) {
    this.#graph = graph;
    this.#instance = instance;
    this.#events = events;
    this.#services = services;
    this.#tracing = tracing;
    this.#router = new Router(graph, instance, (event) => {
      events.emit(event);
    });
  }

  get state(): SharedState {
    return this.#instance.state;
  }

  get streaming(): boolean {
    return this.#events.streaming;
  }

  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  get live(): boolean {
    return !this.#ended && !this.cancelled;
  }

  get cancelled(): boolean {
    return this.#abort.signal.aborted;
  }

  /** Runs supersteps until the outbox is empty; throws on failure, cancellation or non-convergence. */
  async run(): Promise<void> {
    const instance = this.#instance;
    const max = this.#graph.maxIterations;
    while (instance.outbox.length > 0) {
      if (this.cancelled) throw new RunCancelled();
      if (instance.superstep >= max) throw this.#convergenceError(max);
      const superstep = ++instance.superstep;
      this.#events.emit({ type: 'superstep_start', superstep });
      const messages = this.#router.order(instance.outbox);
      instance.outbox = [];
      await this.#cancellable(this.#superstep(messages));
      instance.state.commit();
      // Not raced against cancel: a checkpoint write is short, and abandoning one midway would leave
      // the series without the superstep's checkpoint.
      if (this.afterSuperstep !== undefined) await this.afterSuperstep();
      this.#events.emit({ type: 'superstep_complete', superstep });
    }
  }

  /** Ends the run as cancelled: the current superstep is abandoned and its handlers' contexts stop working. */
  cancel(): void {
    if (this.cancelled) return;
    this.#abort.abort(new Error('The workflow run was cancelled'));
    this.#cancelWaiter?.(new RunCancelled());
  }

  /** Marks the run over: late sends from abandoned handlers then fail instead of leaking. */
  end(): void {
    this.#ended = true;
  }

  async #superstep(messages: WorkflowMessage[]): Promise<void> {
    const routed = this.#router.route(messages);
    const deliveries = routed instanceof Promise ? await routed : routed;
    if (deliveries.length === 1) return this.#invoke(deliveries[0] as Delivery);
    if (deliveries.length === 0) return;
    // Group by target, keeping the order in which targets first appear.
    const byTarget = new Map<string, Delivery[]>();
    for (const delivery of deliveries) {
      const list = byTarget.get(delivery.executor.id);
      if (list === undefined) byTarget.set(delivery.executor.id, [delivery]);
      else list.push(delivery);
    }
    if (byTarget.size === 1) return this.#invokeInTurn(deliveries);
    const settled = await Promise.allSettled([...byTarget.values()].map((list) => this.#invokeInTurn(list)));
    for (const outcome of settled) if (outcome.status === 'rejected') throw outcome.reason as Error;
  }

  async #invokeInTurn(deliveries: readonly Delivery[]): Promise<void> {
    for (const delivery of deliveries) {
      if (this.cancelled) return;
      await this.#invoke(delivery);
    }
  }

  async #invoke(delivery: Delivery): Promise<void> {
    const { executor, fn, data } = delivery;
    const executorId = executor.id;
    this.#events.emit({ type: 'executor_start', executorId, data });
    const ctx = new HandlerContext(this, executorId, delivery.sourceIds, delivery.requestId);
    // Without a recording tracer provider, skip spans entirely: they cost ~0.5 µs per step.
    const span = this.#tracing.recording ? this.#tracing.startExecutor(executorId, executor.typeName, this.#instance.superstep) : undefined;
    const started = this.#services.now();
    try {
      const result = span === undefined ? fn(data, ctx) : this.#tracing.withSpan(span, () => fn(data, ctx));
      if (result instanceof Promise) await result;
    } catch (error) {
      ctx.close();
      if (span !== undefined) {
        failSpan(span, error);
        span.end();
      }
      throw new ExecutorFailure(executorId, error);
    }
    ctx.close();
    span?.end();
    this.#events.emit({ type: 'executor_complete', executorId, durationMs: this.#services.now() - started });
  }

  /** Awaits `work` unless the run is cancelled first. One promise per superstep, settled either way. */
  #cancellable(work: Promise<void>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#cancelWaiter = reject;
      work.then(resolve, reject);
    }).finally(() => {
      this.#cancelWaiter = undefined;
    });
  }

  #convergenceError(max: number): WorkflowConvergenceError {
    const waiting = [...new Set(this.#instance.outbox.map((m) => m.sourceId))];
    return new WorkflowConvergenceError(
      `Workflow '${this.#graph.name}' did not converge after ${String(max)} supersteps (maxIterations): messages from ${waiting.join(', ')} are still queued. Add an exit condition or raise maxIterations.`,
    );
  }

  // ContextHost: what handler contexts call.

  send(sourceId: string, message: unknown, targetId: string | undefined): void {
    const event: WorkflowEvent =
      targetId === undefined
        ? { type: 'executor_output', executorId: sourceId, data: message }
        : { type: 'executor_output', executorId: sourceId, data: message, targetId };
    this.#events.emit(event);
    this.#instance.outbox.push({ data: message, sourceId, targetId });
  }

  yieldOutput(executorId: string, data: unknown): void {
    this.#events.emit({ type: 'workflow_output', executorId, data });
  }

  addEvent(executorId: string, event: CustomEventInput): void {
    this.#events.emit({ type: 'custom', name: event.type, executorId, data: event.data });
  }

  requestInfo(executorId: string, request: unknown, options: RequestInfoOptions): string {
    const requestId = options.requestId ?? this.#services.createId('request');
    if (this.#instance.pending.has(requestId)) {
      throw new WorkflowContextError(`Request id '${requestId}' is already pending (executor '${executorId}'); request ids must be unique`);
    }
    const responseSpec = compileTypeSpec(options.responseType);
    const responseType = specToJson(responseSpec);
    this.#instance.pending.set(requestId, { requestId, executorId, data: request, responseType, responseSpec });
    this.#events.emit({ type: 'request_info', requestId, executorId, data: request, responseType });
    this.announcePending();
    return requestId;
  }

  agentUpdate(executorId: string, delta: string): void {
    this.#events.emit({ type: 'agent_update', executorId, delta });
  }

  /** Emits `in_progress_pending_requests` once per run, at the first pending request it sees. */
  announcePending(): void {
    if (this.#announcedPending) return;
    this.#announcedPending = true;
    this.#events.emit({ type: 'workflow_status', state: WorkflowRunState.IN_PROGRESS_PENDING_REQUESTS });
  }
}
