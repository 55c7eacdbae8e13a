import {
  Executor,
  type HandlerFunction,
  type HandlerOptions,
  type ResponseHandlerFunction,
  type ResponseHandlerOptions,
} from './executor.js';

/** Options of {@link executor}: the id, the handler's declared types and an optional response handler. */
export interface FunctionExecutorOptions extends HandlerOptions {
  id: string;
  /**
   * Receives `(originalRequest, response, ctx)` after a human answered a request this executor made
   * with `ctx.requestInfo`.
   */
  onResponse?: ResponseHandlerFunction;
  /** Narrows which requests and answers `onResponse` takes. */
  responseTypes?: ResponseHandlerOptions;
}

/** An executor made from one function by {@link executor}. */
export class FunctionExecutor extends Executor {
  constructor(options: FunctionExecutorOptions, fn: HandlerFunction) {
    super(options.id);
    if (typeof fn !== 'function') throw new TypeError(`executor '${options.id}' needs a handler function`);
    this.addHandler(options, fn, fn.name || options.id);
    if (options.onResponse !== undefined) this.addResponseHandler(options.responseTypes ?? {}, options.onResponse, 'onResponse');
  }

  override get typeName(): string {
    return 'FunctionExecutor';
  }
}

/**
 * Makes an executor from a function (the seed's `@executor(id=...)`). The function receives the
 * message and a {@link WorkflowContext}; its return value is ignored.
 *
 * @example
 * ```ts
 * const upper = executor({ id: 'upper', input: 'string', output: 'string' },
 *   async (text: string, ctx: WorkflowContext<string>) => { await ctx.sendMessage(text.toUpperCase()) })
 * const log = executor('log', async (message, ctx) => { await ctx.yieldOutput(message) })
 * ```
 */
export function executor<TIn, TOut = unknown, TWorkflowOut = unknown>(
  idOrOptions: string | FunctionExecutorOptions,
  fn: HandlerFunction<TIn, TOut, TWorkflowOut>,
): FunctionExecutor {
  const options = typeof idOrOptions === 'string' ? { id: idOrOptions } : idOrOptions;
  return new FunctionExecutor(options, fn);
}
