import { WorkflowContextError } from '../errors.js';
import { isReservedEventType } from '../events.js';
import type { CustomEventInput } from '../runtime/context.js';
import type { RequestInfoOptions } from '../runtime/pending-requests.js';

/**
 * What a functional workflow function gets as its second parameter (the seed's `RunContext`):
 * human requests, custom events and state. Only needed when the function uses one of them.
 */
export interface RunContext {
  /** The workflow's name (the `executorId` of its `request_info`, `custom` and `workflow_output` events). */
  readonly workflowName: string;
  /** The id of this run (as in `workflow_start`). */
  readonly runId: string;
  /** Aborted when the run is cancelled; pass it to `fetch` and other cancellable work. */
  readonly signal: AbortSignal;
  /**
   * Asks a human. When the answer was already given (`sendResponses`, or `resume` with
   * `responses`) it resolves to it; otherwise it emits `request_info`, and the run unwinds the
   * function (see `isWorkflowInterrupt`) and ends `idle_with_pending_requests`. Answering replays
   * the function from the top, cached steps and all, and this call then returns the answer.
   * Without `requestId`, ids are `auto::0`, `auto::1`, ... in call order, so id-less requests
   * must be made in the same order on every replay (a cached step counts the requests it made);
   * give requests made inside steps that run in parallel an explicit `requestId`.
   */
  requestInfo<T = unknown>(request: unknown, options: RequestInfoOptions): Promise<T>;
  /** Emits `{ type: 'custom', name: event.type, executorId: workflowName, data }`. */
  addEvent(event: CustomEventInput): Promise<void>;
  /** Reads the workflow's state (kept across replays and in checkpoints). */
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- lets callers say what they expect
  getState<T = unknown>(key: string): T | undefined;
  getState<T>(key: string, defaultValue: T): T;
  /**
   * Writes the workflow's state. Keys starting with `_` are reserved. A replay runs the function
   * again with the state as it was left, so write values (`set('n', 3)`), not increments.
   */
  setState(key: string, value: unknown): void;
  /** True when the run streams its events. */
  isStreaming(): boolean;
}

/** What a {@link FunctionalRunContext} needs from its run. */
export interface RunContextHost {
  readonly workflowName: string;
  readonly runId: string;
  readonly signal: AbortSignal;
  readonly streaming: boolean;
  /** False once the run ended: the context then refuses to act. */
  readonly live: boolean;
  readonly state: Map<string, unknown>;
  requestInfo(request: unknown, options: RequestInfoOptions): Promise<unknown>;
  emitCustom(event: CustomEventInput): void;
}

const RESOLVED: Promise<void> = Promise.resolve();

/** The engine's {@link RunContext}, one per run of a functional workflow. */
export class FunctionalRunContext implements RunContext {
  readonly #host: RunContextHost;

  constructor(host: RunContextHost) {
    this.#host = host;
  }

  get workflowName(): string {
    return this.#host.workflowName;
  }

  get runId(): string {
    return this.#host.runId;
  }

  get signal(): AbortSignal {
    return this.#host.signal;
  }

  requestInfo<T>(request: unknown, options: RequestInfoOptions): Promise<T> {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- guards JavaScript callers
    if (typeof options !== 'object' || options === null || options.responseType === undefined) {
      return Promise.reject(
        new TypeError(`ctx.requestInfo(request, { responseType }) needs a responseType (workflow '${this.workflowName}')`),
      );
    }
    if (options.requestId !== undefined && (typeof options.requestId !== 'string' || options.requestId === '')) {
      return Promise.reject(new TypeError('ctx.requestInfo: requestId must be a non-empty string'));
    }
    return this.#host.requestInfo(request, options) as Promise<T>;
  }

  addEvent(event: CustomEventInput): Promise<void> {
    this.#assertLive('addEvent');
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- guards JavaScript callers
    if (typeof event !== 'object' || event === null || typeof event.type !== 'string' || event.type === '') {
      throw new TypeError(`addEvent needs { type: string, data? }, got ${JSON.stringify(event)}`);
    }
    if (isReservedEventType(event.type)) {
      throw new WorkflowContextError(`'${event.type}' is an engine event type; pick another type for a custom event`);
    }
    this.#host.emitCustom(event);
    return RESOLVED;
  }

  getState<T>(key: string, defaultValue?: T): T | undefined {
    const state = this.#host.state;
    return state.has(key) ? (state.get(key) as T) : defaultValue;
  }

  setState(key: string, value: unknown): void {
    this.#assertLive('setState');
    if (typeof key !== 'string' || key === '') throw new TypeError('A state key must be a non-empty string');
    if (key.startsWith('_')) throw new WorkflowContextError(`State key '${key}' is reserved: keys starting with '_' belong to the engine`);
    this.#host.state.set(key, value);
  }

  isStreaming(): boolean {
    return this.#host.streaming;
  }

  #assertLive(what: string): void {
    if (!this.#host.live) {
      throw new WorkflowContextError(
        `ctx.${what}() was called in workflow '${this.workflowName}' after its run ended (cancelled or finished)`,
      );
    }
  }
}
