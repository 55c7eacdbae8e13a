import { WorkflowContextError } from '../errors.js';
import { isReservedEventType } from '../events.js';
import type { RequestInfoOptions } from './pending-requests.js';
import type { SharedState } from './shared-state.js';

/** Options of {@link WorkflowContext.sendMessage}. */
export interface SendMessageOptions {
  /** Deliver only along the edge to this executor; without an edge to it the message is dropped. */
  targetId?: string;
}

/** A custom event for {@link WorkflowContext.addEvent}; it is emitted as `{ type: 'custom', name: type, data }`. */
export interface CustomEventInput {
  type: string;
  data?: unknown;
}

/**
 * What a handler gets besides its message. `TOut` is what it may send, `TWorkflowOut` what it may
 * yield as workflow output (types for the author; routing uses the handlers' runtime specs). A new
 * context is made for every handler invocation and stops working when the handler returns.
 */
export interface WorkflowContext<TOut = unknown, TWorkflowOut = unknown> {
  /** The id of the executor running. */
  readonly executorId: string;
  /** Who sent the message: one id, all fan-in sources, or `internal:<id>` for the workflow's input. */
  readonly sourceExecutorIds: readonly string[];
  /** Set inside a response handler: the id of the request being answered. */
  readonly requestId: string | undefined;
  /** Aborted when the run is cancelled; pass it to `fetch` and other cancellable work. */
  readonly signal: AbortSignal;
  /** The shared state as a keyed object (the seed's `ctx.session.state[...]`); reads and writes go through get/setState. */
  readonly session: { readonly state: Record<string, unknown> };
  /** Queues a message for delivery in the next superstep. */
  sendMessage(message: TOut, options?: SendMessageOptions): Promise<void>;
  /** Emits a `workflow_output` event now. */
  yieldOutput(output: TWorkflowOut): Promise<void>;
  /** Reads shared state (staged writes of this superstep included). */
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- lets callers say what they expect
  getState<T = unknown>(key: string): T | undefined;
  getState<T>(key: string, defaultValue: T): T;
  /** Writes shared state; committed at the end of this superstep. Keys starting with `_` are reserved. */
  setState(key: string, value: unknown): void;
  /** Emits a custom event. */
  addEvent(event: CustomEventInput): Promise<void>;
  /**
   * Asks a human: emits `request_info` and returns at once (the handler does not wait). The run goes
   * on and ends `idle_with_pending_requests`; `workflow.sendResponses({ [requestId]: answer })`
   * delivers the answer to this executor's response handler. Resolves to the request's id.
   */
  requestInfo(request: unknown, options: RequestInfoOptions): Promise<string>;
  /** True when the run streams its events. */
  isStreaming(): boolean;
}

/** What a {@link HandlerContext} needs from the run executing it. */
export interface ContextHost {
  /** False once the run ended or was cancelled: contexts of abandoned handlers then refuse to act. */
  readonly live: boolean;
  readonly state: SharedState;
  readonly streaming: boolean;
  readonly signal: AbortSignal;
  send(sourceId: string, message: unknown, targetId: string | undefined): void;
  yieldOutput(executorId: string, data: unknown): void;
  addEvent(executorId: string, event: CustomEventInput): void;
  requestInfo(executorId: string, request: unknown, options: RequestInfoOptions): string;
  agentUpdate(executorId: string, delta: string): void;
}

const RESOLVED: Promise<void> = Promise.resolve();

/** The engine's {@link WorkflowContext}, one per handler invocation. */
export class HandlerContext implements WorkflowContext {
  #host: ContextHost;
  #open = true;
  #session: { readonly state: Record<string, unknown> } | undefined;
  readonly executorId: string;
  readonly sourceExecutorIds: readonly string[];
  readonly requestId: string | undefined;

  constructor(host: ContextHost, executorId: string, sourceExecutorIds: readonly string[], requestId?: string) {
    this.#host = host;
    this.executorId = executorId;
    this.sourceExecutorIds = sourceExecutorIds;
    this.requestId = requestId;
  }

  get signal(): AbortSignal {
    return this.#host.signal;
  }

  get session(): { readonly state: Record<string, unknown> } {
    this.#session ??= { state: stateProxy(this) };
    return this.#session;
  }

  /** Ends the invocation: later calls throw, so a late send cannot leak into another superstep. */
  close(): void {
    this.#open = false;
  }

  sendMessage(message: unknown, options?: SendMessageOptions): Promise<void> {
    this.#assertOpen('sendMessage');
    this.#host.send(this.executorId, message, options?.targetId);
    return RESOLVED;
  }

  yieldOutput(output: unknown): Promise<void> {
    this.#assertOpen('yieldOutput');
    this.#host.yieldOutput(this.executorId, output);
    return RESOLVED;
  }

  getState<T>(key: string, defaultValue?: T): T | undefined {
    const state = this.#host.state;
    return state.has(key) ? (state.get(key) as T) : defaultValue;
  }

  setState(key: string, value: unknown): void {
    this.#assertOpen('setState');
    assertUserKey(key);
    this.#host.state.set(key, value);
  }

  /** Deletes a shared-state key (committed at the end of this superstep). */
  deleteState(key: string): void {
    this.#assertOpen('deleteState');
    assertUserKey(key);
    this.#host.state.delete(key);
  }

  addEvent(event: CustomEventInput): Promise<void> {
    this.#assertOpen('addEvent');
    if (typeof event !== 'object' || typeof event.type !== 'string' || event.type === '') {
      throw new TypeError(`addEvent needs { type: string, data? }, got ${JSON.stringify(event)}`);
    }
    if (isReservedEventType(event.type)) {
      throw new WorkflowContextError(
        `'${event.type}' is an engine event type; executors emit it through the context's own methods (yieldOutput, sendMessage) or pick another type`,
      );
    }
    this.#host.addEvent(this.executorId, event);
    return RESOLVED;
  }

  requestInfo(request: unknown, options: RequestInfoOptions): Promise<string> {
    this.#assertOpen('requestInfo');
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- guards JavaScript callers
    if (typeof options !== 'object' || options === null || options.responseType === undefined) {
      throw new TypeError(`ctx.requestInfo(request, { responseType }) needs a responseType (executor '${this.executorId}')`);
    }
    return Promise.resolve(this.#host.requestInfo(this.executorId, request, options));
  }

  isStreaming(): boolean {
    return this.#host.streaming;
  }

  /** @internal See {@link emitAgentUpdate}. */
  emitAgentUpdate(delta: string): void {
    this.#assertOpen('emitAgentUpdate');
    this.#host.agentUpdate(this.executorId, delta);
  }

  #assertOpen(what: string): void {
    if (!this.#open) {
      throw new WorkflowContextError(
        `ctx.${what}() was called by executor '${this.executorId}' after its handler returned; await every send inside the handler`,
      );
    }
    if (!this.#host.live) {
      throw new WorkflowContextError(
        `ctx.${what}() was called by executor '${this.executorId}' after the run ended (cancelled or finished)`,
      );
    }
  }
}

/**
 * Emits an `agent_update` event (a streamed token delta) for the executor `ctx` belongs to. Used by
 * agent executors; a context of another kind (a test double) ignores it.
 */
export function emitAgentUpdate(ctx: WorkflowContext<never, never> | WorkflowContext, delta: string): void {
  if (ctx instanceof HandlerContext) ctx.emitAgentUpdate(delta);
}

function assertUserKey(key: string): void {
  if (typeof key !== 'string' || key === '') throw new TypeError('A state key must be a non-empty string');
  if (key.startsWith('_')) throw new WorkflowContextError(`State key '${key}' is reserved: keys starting with '_' belong to the engine`);
}

function stateProxy(ctx: HandlerContext): Record<string, unknown> {
  return new Proxy(
    {},
    {
      get: (_target, key) => (typeof key === 'string' ? ctx.getState<unknown>(key) : undefined),
      set: (_target, key, value) => {
        if (typeof key !== 'string') return false;
        ctx.setState(key, value);
        return true;
      },
      has: (_target, key) => typeof key === 'string' && ctx.getState(key) !== undefined,
      deleteProperty: (_target, key) => {
        if (typeof key !== 'string') return false;
        ctx.deleteState(key);
        return true;
      },
    },
  );
}
