import type { EdgeGroup } from './builder/edge-groups.js';
import type { WorkflowGraph } from './builder/graph.js';
import { toErrorDetails, WorkflowRunError, WorkflowStateError, type ErrorDetails } from './errors.js';
import { WorkflowRunState, type ErrorEvent } from './events.js';
import type { Executor } from './executors/executor.js';
import { WorkflowEventStream } from './runtime/event-stream.js';
import { InstanceState } from './runtime/instance-state.js';
import { internalSourceId } from './runtime/message.js';
import { RunEvents } from './runtime/run-events.js';
import { WorkflowRunResult } from './runtime/run-result.js';
import { ExecutorFailure, RunCancelled, SuperstepRunner } from './runtime/runner.js';
import { resolveServices, type RuntimeServices } from './runtime/services.js';
import { RunTracing } from './telemetry/tracing.js';
import { describeSpec, describeValueType } from './types/type-spec.js';

/** Options of {@link Workflow.run}. */
export interface RunOptions {
  /** Return an async iterable of events instead of a promise of the result. */
  stream?: boolean;
}

/**
 * A built, runnable workflow graph (made by `WorkflowBuilder.build()`). An instance is stateful:
 * shared state and executor fields persist across its runs, and it runs one run at a time. Build a
 * new instance (a factory function) for an independent session.
 */
export class Workflow {
  readonly #graph: WorkflowGraph;
  readonly #services: RuntimeServices;
  readonly #instance = new InstanceState();
  #active: SuperstepRunner | undefined;

  /** @internal Use `WorkflowBuilder.build()`. */
  constructor(graph: WorkflowGraph, services: Partial<RuntimeServices> = {}) {
    this.#graph = graph;
    this.#services = resolveServices(services);
  }

  /** The workflow's name. */
  get name(): string {
    return this.#graph.name;
  }

  /** The workflow's description, if any. */
  get description(): string | undefined {
    return this.#graph.description;
  }

  /** The id of the executor that receives the input. */
  get startExecutorId(): string {
    return this.#graph.startId;
  }

  /** Supersteps one run may take. */
  get maxIterations(): number {
    return this.#graph.maxIterations;
  }

  /** True while a run is active. */
  get isRunning(): boolean {
    return this.#active !== undefined;
  }

  /** The start executor. */
  getStartExecutor(): Executor {
    return this.#graph.executors.get(this.#graph.startId) as Executor;
  }

  /** Every executor, in the order they were added. */
  getExecutors(): Executor[] {
    return [...this.#graph.executors.values()];
  }

  /** Every edge group, in the order they were added. */
  getEdgeGroups(): readonly EdgeGroup[] {
    return this.#graph.edgeGroups;
  }

  /**
   * Runs the workflow on `input`. Without `stream`, resolves to the {@link WorkflowRunResult} (or
   * rejects with a {@link WorkflowRunError} that carries it); with `{ stream: true }`, returns a
   * {@link WorkflowEventStream} of events as they happen.
   */
  run(input: unknown, options: RunOptions & { stream: true }): WorkflowEventStream;
  run(input: unknown, options?: RunOptions & { stream?: false }): Promise<WorkflowRunResult>;
  run(input: unknown, options?: RunOptions): Promise<WorkflowRunResult> | WorkflowEventStream;
  run(input: unknown, options: RunOptions = {}): Promise<WorkflowRunResult> | WorkflowEventStream {
    const events = new RunEvents(options.stream === true);
    const result = this.#start(events, input);
    if (events.channel === undefined) return result;
    return new WorkflowEventStream(events.channel, result);
  }

  /** Ends the active run (if any) with state `cancelled`; its pending messages are discarded. */
  cancel(): void {
    this.#active?.cancel();
  }

  #start(events: RunEvents, input: unknown): Promise<WorkflowRunResult> {
    if (this.#active !== undefined) {
      const error = new WorkflowStateError(
        `Workflow '${this.name}' is already running; an instance runs one run at a time. Wait for the run to end, cancel it, or build another instance.`,
      );
      events.close(error);
      return Promise.reject(error);
    }
    const runId = this.#services.createId('run');
    const tracing = new RunTracing(this.name, runId);
    const runner = new SuperstepRunner(this.#graph, this.#instance, events, this.#services, tracing);
    this.#active = runner;
    events.emit({ type: 'workflow_start', runId, workflowName: this.name });
    events.emit({ type: 'workflow_status', state: WorkflowRunState.IN_PROGRESS });
    return this.#execute(runner, events, tracing, () => {
      this.#seed(input);
    });
  }

  /** Queues the input for the start executor, after checking it can take it. */
  #seed(input: unknown): void {
    if (this.#instance.outbox.length > 0) {
      throw new WorkflowStateError(
        `Workflow '${this.name}' still holds ${String(this.#instance.outbox.length)} undelivered message(s) from a run that failed; build a new instance for a fresh run`,
      );
    }
    if (input === undefined) throw new TypeError(`run() needs an input for the start executor '${this.#graph.startId}'`);
    const start = this.getStartExecutor();
    if (start.findHandler(input) === undefined) {
      const accepts = start.handlers.map((h) => describeSpec(h.input)).join(' | ');
      throw new TypeError(
        `The start executor '${start.id}' cannot take the input: it is ${describeValueType(input)}, and '${start.id}' accepts ${accepts}`,
      );
    }
    this.#instance.superstep = 0;
    this.#instance.outbox.push({ data: input, sourceId: internalSourceId(start.id), targetId: start.id });
  }

  async #execute(runner: SuperstepRunner, events: RunEvents, tracing: RunTracing, prepare: () => void): Promise<WorkflowRunResult> {
    let failure: { error: unknown; details: ErrorDetails; executorId: string | undefined } | undefined;
    let finalState: WorkflowRunState = WorkflowRunState.IDLE;
    try {
      prepare();
      await runner.run();
    } catch (thrown) {
      this.#instance.state.discardPending();
      if (thrown instanceof RunCancelled || runner.cancelled) {
        finalState = WorkflowRunState.CANCELLED;
        this.#instance.outbox = [];
      } else {
        finalState = WorkflowRunState.FAILED;
        const error = thrown instanceof ExecutorFailure ? thrown.cause : thrown;
        const executorId = thrown instanceof ExecutorFailure ? thrown.executorId : undefined;
        failure = { error, details: toErrorDetails(error), executorId };
        const event: ErrorEvent = { type: 'error', error: failure.details };
        if (executorId !== undefined) event.executorId = executorId;
        events.emit(event);
      }
    } finally {
      runner.end();
      this.#active = undefined;
    }
    events.emit({ type: 'workflow_status', state: finalState });
    events.emit({ type: 'workflow_complete', state: finalState });
    tracing.endRun(finalState, failure?.error);
    const result = new WorkflowRunResult(events.events);
    if (failure === undefined) {
      events.close();
      return result;
    }
    const where = failure.executorId === undefined ? '' : ` in executor '${failure.executorId}'`;
    const error = new WorkflowRunError(`Workflow '${this.name}' failed${where}: ${failure.details.message}`, result, {
      cause: failure.error,
      executorId: failure.executorId,
    });
    events.close(error);
    throw error;
  }
}
