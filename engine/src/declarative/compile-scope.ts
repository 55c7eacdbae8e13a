import type { JsonValue } from '../checkpoint/types.js';
import type { HandlerRegistration, ResponseHandlerRegistration } from '../executors/executor.js';
import type { WorkflowContext } from '../runtime/context.js';
import { INTERNAL_SOURCE_PREFIX } from '../runtime/message.js';
import { celMapView } from './cel-values.js';

/**
 * What the CEL expressions of one compiled workflow instance see besides their own variable
 * (`message` or `input`): `inputs`, the input of the instance's latest run, and `state`, the
 * workflow's shared state.
 *
 * The engine hands an edge condition the message only, so the scope follows the run from the
 * executors' side: every compiled executor reports each handler invocation's context here
 * ({@link DeclarativeScope.enter}); the start executor's first message of a run is `inputs`, and
 * `state` is read through the latest context, which sees the live shared state of this instance
 * (conditions run at the start of a superstep, so they see what the previous one committed).
 * Reading a key works for every key; enumerating (`size(state)`, macros over its keys) sees the
 * keys written through the contexts of `function` executors. The start executor's checkpoint
 * snapshot carries `inputs` and those keys' values, so a fresh instance resumed from a checkpoint
 * routes its first superstep as the original would have.
 */
export class DeclarativeScope {
  #inputs: unknown = null;
  #ctx: WorkflowContext | undefined;
  /** Keys known to be in the shared state (written by function executors, or restored). */
  readonly #keys = new Set<string>();
  /** State values restored from a checkpoint, read until a handler of this instance runs. */
  #restored: Map<string, unknown> | undefined;
  /** The shared state as a read-only CEL map. */
  readonly state: object = celMapView({
    get: (key) => this.#read(key),
    has: (key) => this.#read(key) !== undefined,
    keys: () => [...this.#keys],
  });

  /** The input of this instance's latest run (`null` before the first). */
  get inputs(): unknown {
    return this.#inputs;
  }

  /** Called by every compiled executor at the start of each handler invocation. */
  enter(ctx: WorkflowContext, message: unknown): void {
    this.#ctx = ctx;
    this.#restored = undefined;
    const source = ctx.sourceExecutorIds[0];
    if (ctx.requestId === undefined && source !== undefined && source.startsWith(INTERNAL_SOURCE_PREFIX)) this.#inputs = message;
  }

  /** Notes a key written to the shared state. */
  recordKey(key: string): void {
    this.#keys.add(key);
  }

  /** The start executor's checkpoint snapshot: `inputs` and the known state keys' values. */
  snapshot(): JsonValue {
    const state: Record<string, unknown> = {};
    for (const key of this.#keys) {
      const value = this.#read(key);
      if (value !== undefined) state[key] = value;
    }
    return { inputs: this.#inputs, state } as JsonValue;
  }

  /** Restores what {@link DeclarativeScope.snapshot} gave. */
  restore(snapshot: unknown): void {
    if (typeof snapshot !== 'object' || snapshot === null) return;
    const saved = snapshot as { inputs?: unknown; state?: Record<string, unknown> };
    this.#inputs = saved.inputs ?? null;
    this.#ctx = undefined;
    this.#restored = new Map(Object.entries(saved.state ?? {}));
    for (const key of this.#restored.keys()) this.#keys.add(key);
  }

  #read(key: string): unknown {
    if (this.#ctx !== undefined) return this.#ctx.getState(key);
    return this.#restored?.get(key);
  }
}

/**
 * A handler registration that reports each invocation to the scope first (used for the engine's
 * own executor classes, `AgentExecutor` and `WorkflowExecutor`, whose handlers are not ours).
 * Wrappers are cached, so routing allocates nothing per message.
 */
export class ObservedHandlers {
  readonly #scope: DeclarativeScope;
  readonly #handlers = new WeakMap<HandlerRegistration, HandlerRegistration>();
  readonly #responseHandlers = new WeakMap<ResponseHandlerRegistration, ResponseHandlerRegistration>();

  constructor(scope: DeclarativeScope) {
    this.#scope = scope;
  }

  /** `registration`, calling {@link DeclarativeScope.enter} before its handler; `undefined` stays `undefined`. */
  handler(registration: HandlerRegistration | undefined): HandlerRegistration | undefined {
    if (registration === undefined) return undefined;
    let wrapped = this.#handlers.get(registration);
    if (wrapped === undefined) {
      const scope = this.#scope;
      const fn = registration.fn;
      wrapped = {
        ...registration,
        fn: (message: unknown, ctx: WorkflowContext) => {
          scope.enter(ctx, message);
          return fn(message, ctx);
        },
      };
      this.#handlers.set(registration, wrapped);
    }
    return wrapped;
  }

  /** The same for a response handler (the answer is what the handler receives). */
  responseHandler(registration: ResponseHandlerRegistration | undefined): ResponseHandlerRegistration | undefined {
    if (registration === undefined) return undefined;
    let wrapped = this.#responseHandlers.get(registration);
    if (wrapped === undefined) {
      const scope = this.#scope;
      const fn = registration.fn;
      wrapped = {
        ...registration,
        fn: (request: unknown, response: unknown, ctx: WorkflowContext) => {
          scope.enter(ctx, response);
          return fn(request, response, ctx);
        },
      };
      this.#responseHandlers.set(registration, wrapped);
    }
    return wrapped;
  }
}
