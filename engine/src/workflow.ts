import type { EdgeGroup } from './builder/edge-groups.js';
import type { WorkflowGraph } from './builder/graph.js';
import { CheckpointWriter, type CheckpointSeries } from './checkpoint/checkpoint-writer.js';
import { assertSameGraph, findCheckpoint } from './checkpoint/find-checkpoint.js';
import { graphSignature, hashSignature, type GraphSignature } from './checkpoint/graph-signature.js';
import { captureInstance, restoreInstance, type CheckpointBody } from './checkpoint/snapshot.js';
import type { CheckpointStorage, JsonValue } from './checkpoint/types.js';
import { WorkflowCheckpointError, WorkflowStateError } from './errors.js';
import type { Executor } from './executors/executor.js';
import { WorkflowEventStream, rejectedRun } from './runtime/event-stream.js';
import { InstanceState } from './runtime/instance-state.js';
import { internalSourceId } from './runtime/message.js';
import { checkAnswer, pendingRequestEvents } from './runtime/pending-requests.js';
import { RunEvents } from './runtime/run-events.js';
import { executeRun } from './runtime/run-lifecycle.js';
import type { WorkflowRunResult } from './runtime/run-result.js';
import type { WorkflowEvent } from './events.js';
import { SuperstepRunner } from './runtime/runner.js';
import { resolveServices, type RuntimeServices } from './runtime/services.js';
import { RunTracing } from './telemetry/tracing.js';
import { describeSpec, describeValueType } from './types/type-spec.js';

/** Options of {@link Workflow.run}. */
export interface RunOptions {
  /** Return an async iterable of events instead of a promise of the result. */
  stream?: boolean;
  /** Names this run's checkpoint series (the seed's `checkpoint_id`); default: the run id. */
  checkpointId?: string;
  /** Checkpoint storage for this run, overriding the builder's. */
  checkpointStorage?: CheckpointStorage;
  /**
   * Called synchronously with each event as it is emitted, before the handler it announces runs
   * (an `executor_start` reaches the observer even when the handler then blocks the thread). For
   * hosts that forward events (a Web Worker posting to its page); an observer that throws does not
   * affect the run (its error is rethrown in a microtask).
   */
  onEvent?: (event: WorkflowEvent) => void;
}

/** Options of {@link Workflow.resume}. */
export interface ResumeOptions {
  stream?: boolean;
  /** Answers to deliver right after restoring (the pending requests they answer are not re-emitted). */
  responses?: Record<string, unknown>;
  checkpointStorage?: CheckpointStorage;
  /** See {@link RunOptions.onEvent}. */
  onEvent?: (event: WorkflowEvent) => void;
}

/** Options of {@link Workflow.sendResponses}. */
export interface SendResponsesOptions {
  stream?: boolean;
  /** See {@link RunOptions.onEvent}. */
  onEvent?: (event: WorkflowEvent) => void;
}

/** Construction options of a {@link Workflow} beyond its graph (see `WorkflowBuilderOptions`). */
export interface WorkflowOptions extends Partial<RuntimeServices> {
  checkpointStorage?: CheckpointStorage;
}

/**
 * A built, runnable workflow graph (made by `WorkflowBuilder.build()`). An instance is stateful:
 * shared state, executor fields and pending requests persist across its runs, and it runs one run
 * at a time. Build a new instance (a factory function) for an independent session.
 */
export class Workflow {
  readonly #graph: WorkflowGraph;
  readonly #services: RuntimeServices;
  readonly #instance = new InstanceState();
  readonly #storage: CheckpointStorage | undefined;
  #active: SuperstepRunner | undefined;
  /** The checkpoint series the last run wrote to; answers continue it. */
  #series: CheckpointSeries | undefined;
  #signature: { signature: GraphSignature; graphHash: string } | undefined;
  readonly #snapshotters: readonly Executor[];

  /** @internal Use `WorkflowBuilder.build()`. */
  constructor(graph: WorkflowGraph, options: WorkflowOptions = {}) {
    this.#graph = graph;
    this.#services = resolveServices(options);
    this.#storage = options.checkpointStorage;
    this.#snapshotters = [...graph.executors.values()].filter((e) => typeof e.onCheckpointSave === 'function');
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

  /** The ids of requests waiting for an answer, in the order they were made. */
  get pendingRequestIds(): string[] {
    return [...this.#instance.pending.keys()];
  }

  /** sha256 of the graph's structure: checkpoints only resume on a graph with the same hash. */
  get graphHash(): string {
    return this.#graphSignature().graphHash;
  }

  /** @internal The validated graph (visualization, sub-workflows). */
  get graph(): WorkflowGraph {
    return this.#graph;
  }

  /**
   * @internal The instance's run-time state as checkpoint data (a sub-workflow's state travels
   * inside its parent's checkpoint this way).
   */
  async exportState(): Promise<JsonValue> {
    const body = await captureInstance(this.#instance, this.#snapshotters);
    return { graphHash: this.graphHash, ...body } as unknown as JsonValue;
  }

  /** @internal Replaces the instance's run-time state with what {@link Workflow.exportState} gave. */
  async importState(data: JsonValue): Promise<void> {
    const body = data as unknown as CheckpointBody & { graphHash: string };
    if (body.graphHash !== this.graphHash) {
      throw new WorkflowCheckpointError(`The saved state of sub-workflow '${this.name}' was written by a different graph`);
    }
    await restoreInstance(this.#graph, this.#instance, body, `the saved state of sub-workflow '${this.name}'`);
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
   * rejects with a `WorkflowRunError` that carries it); with `{ stream: true }`, returns a
   * {@link WorkflowEventStream} of events as they happen.
   */
  run(input: unknown, options: RunOptions & { stream: true }): WorkflowEventStream;
  run(input: unknown, options?: RunOptions & { stream?: false }): Promise<WorkflowRunResult>;
  run(input: unknown, options?: RunOptions): Promise<WorkflowRunResult> | WorkflowEventStream;
  run(input: unknown, options: RunOptions = {}): Promise<WorkflowRunResult> | WorkflowEventStream {
    return this.#launch(options, async (runId, _runner, events) => {
      this.#seed(input);
      const storage = options.checkpointStorage ?? this.#storage;
      if (storage === undefined) {
        this.#series = undefined;
        return undefined;
      }
      const seriesId = options.checkpointId ?? runId;
      const latest = await storage.latest({ seriesId });
      this.#series = {
        storage,
        seriesId,
        parentId: latest?.checkpointId ?? null,
        sequence: latest === undefined ? 0 : latest.sequence + 1,
      };
      const writer = this.#writer(this.#series);
      await writer.write(this.#instance, events); // the entry checkpoint: superstep 0, input in flight
      return writer;
    });
  }

  /**
   * Continues from a checkpoint: `id` is a series name (its latest checkpoint) or one checkpoint's
   * id (to fork from it, "time travel"). Works on any instance built from the same definition;
   * the instance's state is replaced by the checkpoint's. Pending requests are emitted again.
   */
  resume(id: string, options: ResumeOptions & { stream: true }): WorkflowEventStream;
  resume(id: string, options?: ResumeOptions & { stream?: false }): Promise<WorkflowRunResult>;
  resume(id: string, options?: ResumeOptions): Promise<WorkflowRunResult> | WorkflowEventStream;
  resume(id: string, options: ResumeOptions = {}): Promise<WorkflowRunResult> | WorkflowEventStream {
    return this.#launch(options, async (_runId, runner, events) => {
      const storage = options.checkpointStorage ?? this.#storage;
      if (storage === undefined) {
        throw new WorkflowStateError(
          `resume('${id}') needs a checkpoint storage: pass { checkpointStorage } to the builder or to resume()`,
        );
      }
      const checkpoint = await findCheckpoint(storage, id);
      await assertSameGraph(storage, checkpoint, { workflowName: this.name, ...this.#graphSignature() });
      await restoreInstance(this.#graph, this.#instance, checkpoint, `checkpoint '${checkpoint.checkpointId}'`);
      const latest = await storage.latest({ seriesId: checkpoint.seriesId });
      this.#series = {
        storage,
        seriesId: checkpoint.seriesId,
        parentId: checkpoint.checkpointId,
        sequence: (latest?.sequence ?? checkpoint.sequence) + 1,
      };
      const answering = new Set(Object.keys(options.responses ?? {}));
      for (const event of pendingRequestEvents(this.#instance.pending.values())) {
        if (answering.has(event.requestId)) continue;
        events.emit(event);
        runner.announcePending();
      }
      const writer = this.#writer(this.#series);
      if (options.responses !== undefined) {
        this.#answer(options.responses);
        await writer.write(this.#instance, events);
      }
      return writer;
    });
  }

  /**
   * Answers pending requests (`{ [requestId]: answer }`) and runs until the workflow is idle again.
   * Each answer is checked against its request's response type; an unknown id or a wrong answer is
   * an error before anything runs. Unanswered requests stay pending.
   */
  sendResponses(responses: Record<string, unknown>, options: SendResponsesOptions & { stream: true }): WorkflowEventStream;
  sendResponses(responses: Record<string, unknown>, options?: SendResponsesOptions & { stream?: false }): Promise<WorkflowRunResult>;
  sendResponses(responses: Record<string, unknown>, options?: SendResponsesOptions): Promise<WorkflowRunResult> | WorkflowEventStream;
  sendResponses(responses: Record<string, unknown>, options: SendResponsesOptions = {}): Promise<WorkflowRunResult> | WorkflowEventStream {
    const problem = this.#active === undefined ? this.#checkAnswers(responses) : undefined;
    if (problem !== undefined) return rejectedRun(options.stream === true, problem);
    return this.#launch(options, async (_runId, runner, events) => {
      this.#answer(responses);
      if (this.#instance.pending.size > 0) runner.announcePending();
      if (this.#series === undefined) return undefined;
      const writer = this.#writer(this.#series);
      await writer.write(this.#instance, events);
      return writer;
    });
  }

  /** Ends the active run (if any) with state `cancelled`; its pending messages are discarded. */
  cancel(): void {
    this.#active?.cancel();
  }

  #launch(
    options: { readonly stream?: boolean; readonly onEvent?: (event: WorkflowEvent) => void },
    prepare: (runId: string, runner: SuperstepRunner, events: RunEvents) => Promise<CheckpointWriter | undefined>,
  ): Promise<WorkflowRunResult> | WorkflowEventStream {
    const stream = options.stream === true;
    if (this.#active !== undefined) {
      return rejectedRun(
        stream,
        new WorkflowStateError(
          `Workflow '${this.name}' is already running; an instance runs one run at a time. Wait for the run to end, cancel it, or build another instance.`,
        ),
      );
    }
    const events = new RunEvents(stream, options.onEvent);
    const runId = this.#services.createId('run');
    const tracing = new RunTracing(this.name, runId);
    const runner = new SuperstepRunner(this.#graph, this.#instance, events, this.#services, tracing);
    this.#active = runner;
    events.emit({ type: 'workflow_start', runId, workflowName: this.name });
    events.emit({ type: 'workflow_status', state: 'in_progress' });
    const result = executeRun({
      workflowName: this.name,
      instance: this.#instance,
      runner,
      events,
      tracing,
      prepare: () => prepare(runId, runner, events),
      onEnd: () => {
        this.#active = undefined;
      },
    });
    return events.channel === undefined ? result : new WorkflowEventStream(events.channel, result);
  }

  /** Queues the input for the start executor, after checking it can take it. */
  #seed(input: unknown): void {
    if (this.#instance.outbox.length > 0) {
      throw new WorkflowStateError(
        `Workflow '${this.name}' still holds ${String(this.#instance.outbox.length)} undelivered message(s) from a run that failed; resume from a checkpoint or build a new instance for a fresh run`,
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

  /** What is wrong with a set of answers, or undefined when they can all be delivered. */
  #checkAnswers(responses: Record<string, unknown>): Error | undefined {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- guards JavaScript callers
    if (typeof responses !== 'object' || responses === null || Array.isArray(responses)) {
      return new TypeError('sendResponses({ [requestId]: answer }) takes an object of answers');
    }
    const pending = this.#instance.pending;
    const ids = Object.keys(responses);
    if (pending.size === 0) {
      return new WorkflowStateError(
        `Workflow '${this.name}' has no pending requests to answer${ids.length > 0 ? ` (got ${ids.map((i) => `'${i}'`).join(', ')})` : ''}: it was never paused for a human, or every request was already answered`,
      );
    }
    if (ids.length === 0) return new TypeError(`sendResponses() got no answers; pending: ${[...pending.keys()].join(', ')}`);
    for (const id of ids) {
      const request = pending.get(id);
      if (request === undefined) {
        return new WorkflowStateError(
          `No pending request '${id}' in workflow '${this.name}' (already answered, or never asked); pending: ${[...pending.keys()].join(', ')}`,
        );
      }
      const wrong = checkAnswer(request, responses[id]);
      if (wrong !== undefined) return new TypeError(wrong.charAt(0).toUpperCase() + wrong.slice(1));
    }
    return undefined;
  }

  /** Turns answers into messages for the requesting executors' response handlers. */
  #answer(responses: Record<string, unknown>): void {
    const problem = this.#checkAnswers(responses);
    if (problem !== undefined) throw problem;
    for (const [requestId, answer] of Object.entries(responses)) {
      const request = this.#instance.pending.get(requestId);
      if (request === undefined) continue;
      this.#instance.pending.delete(requestId);
      this.#instance.outbox.push({
        data: answer,
        sourceId: internalSourceId(request.executorId),
        targetId: request.executorId,
        response: { requestId, request: request.data },
      });
    }
  }

  #writer(series: CheckpointSeries): CheckpointWriter {
    const { signature, graphHash } = this.#graphSignature();
    return new CheckpointWriter(
      series,
      { workflowName: this.name, graphHash, signature, snapshotters: this.#snapshotters },
      this.#services,
    );
  }

  #graphSignature(): { signature: GraphSignature; graphHash: string } {
    if (this.#signature === undefined) {
      const signature = graphSignature(this.#graph);
      this.#signature = { signature, graphHash: hashSignature(signature) };
    }
    return this.#signature;
  }
}
