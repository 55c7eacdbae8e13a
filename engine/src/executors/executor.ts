import { compileTypeSpec, matchesSpec, type CompiledSpec, type TypeSpec } from '../types/type-spec.js';
import type { WorkflowContext } from '../runtime/context.js';

/** Declared types of one handler. `input` defaults to `'any'`; `output` and `workflowOutput` are optional. */
export interface HandlerOptions {
  /** What the handler accepts; a message is routed to the first handler whose input matches. */
  input?: TypeSpec;
  /** What the handler sends with `ctx.sendMessage` (checked against targets' inputs at build time). */
  output?: TypeSpec;
  /** What the handler yields with `ctx.yieldOutput` (documentation and visualization only). */
  workflowOutput?: TypeSpec;
}

/** A handler function: receives the message and a fresh context; its return value is ignored. */
export type HandlerFunction<TIn = never, TOut = unknown, TWorkflowOut = unknown> = (
  message: TIn,
  ctx: WorkflowContext<TOut, TWorkflowOut>,
) => unknown;

/** Declared types of one response handler: which requests it answers and what answers it takes. */
export interface ResponseHandlerOptions {
  /** The original requests it handles (default `'any'`). */
  request?: TypeSpec;
  /** The answers it takes (default `'any'`). */
  response?: TypeSpec;
  /** What it sends with `ctx.sendMessage`. */
  output?: TypeSpec;
}

/** A response handler: receives the original request, the human's answer and a fresh context. */
export type ResponseHandlerFunction<TRequest = never, TResponse = never, TOut = unknown, TWorkflowOut = unknown> = (
  originalRequest: TRequest,
  response: TResponse,
  ctx: WorkflowContext<TOut, TWorkflowOut>,
) => unknown;

/** A response handler as registered on an executor. */
export interface ResponseHandlerRegistration {
  readonly name: string;
  readonly request: CompiledSpec;
  readonly response: CompiledSpec;
  readonly output: CompiledSpec | undefined;
  readonly fn: (request: unknown, response: unknown, ctx: WorkflowContext) => unknown;
}

/** A handler as registered on an executor, with its specs compiled once. */
export interface HandlerRegistration {
  readonly name: string;
  readonly input: CompiledSpec;
  readonly output: CompiledSpec | undefined;
  readonly workflowOutput: CompiledSpec | undefined;
  readonly fn: (message: unknown, ctx: WorkflowContext) => unknown;
}

/**
 * A node of a workflow graph. Subclass it and mark handler methods with `@handler`, or register
 * handlers in the constructor with {@link Executor.addHandler} where decorators are not wanted.
 *
 * @example
 * ```ts
 * class Upper extends Executor {
 *   @handler({ input: 'string', output: 'string' })
 *   async run(text: string, ctx: WorkflowContext<string>) { await ctx.sendMessage(text.toUpperCase()) }
 * }
 * ```
 */
export class Executor {
  /** The executor's id, unique within a workflow. */
  readonly id: string;
  readonly #handlers: HandlerRegistration[] = [];
  readonly #responseHandlers: ResponseHandlerRegistration[] = [];

  constructor(id: string) {
    if (typeof id !== 'string' || id.trim() === '') {
      throw new TypeError(`An executor id must be a non-empty string, got ${JSON.stringify(id)}`);
    }
    this.id = id;
  }

  /** A short name of the executor's kind, used by visualizations and graph hashes (default: the class name). */
  get typeName(): string {
    return this.constructor.name || 'Executor';
  }

  /** The registered handlers, in declaration order. */
  get handlers(): readonly HandlerRegistration[] {
    return this.#handlers;
  }

  /** The registered response handlers, in declaration order. */
  get responseHandlers(): readonly ResponseHandlerRegistration[] {
    return this.#responseHandlers;
  }

  /**
   * Registers a response handler without a decorator: it receives `(originalRequest, response, ctx)`
   * in the superstep after a human answered a request this executor made with `ctx.requestInfo`.
   */
  protected addResponseHandler<TRequest, TResponse, TOut = unknown, TWorkflowOut = unknown>(
    options: ResponseHandlerOptions,
    fn: ResponseHandlerFunction<TRequest, TResponse, TOut, TWorkflowOut>,
    name = fn.name || `responseHandler${String(this.#responseHandlers.length)}`,
  ): this {
    this.#responseHandlers.push({
      name,
      request: compileTypeSpec(options.request),
      response: compileTypeSpec(options.response),
      output: options.output === undefined ? undefined : compileTypeSpec(options.output),
      fn: fn.bind(this) as ResponseHandlerRegistration['fn'],
    });
    return this;
  }

  /** The first response handler whose request and response specs accept the pair. */
  findResponseHandler(request: unknown, response: unknown): ResponseHandlerRegistration | undefined {
    for (const h of this.#responseHandlers) {
      if (matchesSpec(h.request, request) && matchesSpec(h.response, response)) return h;
    }
    return undefined;
  }

  /**
   * Registers a handler without a decorator. Handlers are tried in registration order; `fn` is
   * called with `this` bound to the executor.
   */
  protected addHandler<TIn, TOut = unknown, TWorkflowOut = unknown>(
    options: HandlerOptions,
    fn: HandlerFunction<TIn, TOut, TWorkflowOut>,
    name = fn.name || `handler${String(this.#handlers.length)}`,
  ): this {
    this.#handlers.push({
      name,
      input: compileTypeSpec(options.input),
      output: options.output === undefined ? undefined : compileTypeSpec(options.output),
      workflowOutput: options.workflowOutput === undefined ? undefined : compileTypeSpec(options.workflowOutput),
      fn: fn.bind(this) as HandlerRegistration['fn'],
    });
    return this;
  }

  /** The first handler, in declaration order, whose input spec accepts `message`. */
  findHandler(message: unknown): HandlerRegistration | undefined {
    const handlers = this.#handlers;
    for (let i = 0; i < handlers.length; i++) {
      const h = handlers[i] as HandlerRegistration;
      if (h.input.kind === 'any' || matchesSpec(h.input, message)) return h;
    }
    return undefined;
  }

  /** Called before each checkpoint; the value is stored in the checkpoint and handed back on restore. */
  onCheckpointSave?(): unknown;
  /** Called on restore with what {@link Executor.onCheckpointSave} returned. */
  onCheckpointRestore?(state: unknown): Promise<void> | void;
}

/** Used by the `@handler` decorator's initializer, which runs on each new instance. */
export function registerDecoratedHandler(target: Executor, options: HandlerOptions, fn: HandlerFunction, name: string): void {
  (target as unknown as { addHandler: Executor['addHandler'] }).addHandler(options, fn, name);
}

/** Used by the `@responseHandler` decorator's initializer. */
export function registerDecoratedResponseHandler(
  target: Executor,
  options: ResponseHandlerOptions,
  fn: ResponseHandlerFunction,
  name: string,
): void {
  (target as unknown as { addResponseHandler: Executor['addResponseHandler'] }).addResponseHandler(options, fn, name);
}
