import {
  Executor,
  registerDecoratedHandler,
  registerDecoratedResponseHandler,
  type HandlerOptions,
  type ResponseHandlerOptions,
} from './executor.js';

// `any` here is what lets a method with any (message, ctx) parameter types be decorated; the
// decorator never calls it with a type of its own.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type HandlerMethod = (this: any, ...args: any) => any;
type HandlerDecorator = <This extends Executor, M extends HandlerMethod>(method: M, context: ClassMethodDecoratorContext<This, M>) => void;

/**
 * Marks a method of an {@link Executor} subclass as a message handler (a standard TypeScript
 * decorator). `@handler` alone accepts any message; `@handler({ input, output })` declares runtime
 * type specs. A message goes to the first handler, in declaration order, whose input accepts it.
 *
 * @example
 * ```ts
 * class DataProcessor extends Executor {
 *   @handler({ input: 'object', output: 'object' })
 *   async process(data: Record<string, unknown>, ctx: WorkflowContext<Record<string, unknown>>) {
 *     await ctx.sendMessage({ ...data, processed: true })
 *   }
 * }
 * ```
 */
export function handler<This extends Executor, M extends HandlerMethod>(method: M, context: ClassMethodDecoratorContext<This, M>): void;
export function handler(options?: HandlerOptions): HandlerDecorator;
export function handler(
  first?: HandlerOptions | HandlerMethod,
  second?: ClassMethodDecoratorContext<never, HandlerMethod>,
): HandlerDecorator | undefined {
  if (typeof first === 'function') {
    decorate({}, first, requireMethodContext(second));
    return undefined;
  }
  const options = first ?? {};
  return (method, context) => {
    decorate(options, method, requireMethodContext(context));
  };
}

/**
 * Marks a method of an {@link Executor} subclass as a response handler: it receives
 * `(originalRequest, response, ctx)` in the superstep after a human answered a request the executor
 * made with `ctx.requestInfo`. `@responseHandler({ request, response })` narrows which pairs it takes.
 *
 * @example
 * ```ts
 * class Approver extends Executor {
 *   @handler({ input: 'object' })
 *   async ask(draft: { text: string }, ctx: WorkflowContext) {
 *     await ctx.requestInfo(draft, { responseType: 'boolean' })
 *   }
 *   @responseHandler({ response: 'boolean' })
 *   async answered(draft: { text: string }, approved: boolean, ctx: WorkflowContext<never, string>) {
 *     await ctx.yieldOutput(approved ? draft.text : 'rejected')
 *   }
 * }
 * ```
 */
export function responseHandler<This extends Executor, M extends HandlerMethod>(
  method: M,
  context: ClassMethodDecoratorContext<This, M>,
): void;
export function responseHandler(options?: ResponseHandlerOptions): HandlerDecorator;
export function responseHandler(
  first?: ResponseHandlerOptions | HandlerMethod,
  second?: ClassMethodDecoratorContext<never, HandlerMethod>,
): HandlerDecorator | undefined {
  if (typeof first === 'function') {
    decorate({}, first, requireMethodContext(second), 'response');
    return undefined;
  }
  const options = first ?? {};
  return (method, context) => {
    decorate(options, method, requireMethodContext(context), 'response');
  };
}

function decorate(
  options: HandlerOptions | ResponseHandlerOptions,
  method: HandlerMethod,
  context: ClassMethodDecoratorContext<never, HandlerMethod>,
  kind: 'message' | 'response' = 'message',
): void {
  if (context.static || context.private) {
    throw new TypeError(`@handler cannot decorate ${context.static ? 'static' : 'private'} method ${String(context.name)}`);
  }
  const name = String(context.name);
  context.addInitializer(function (this: unknown) {
    if (!(this instanceof Executor)) {
      throw new TypeError(`@handler is for methods of Executor subclasses; ${name} is on a class that does not extend Executor`);
    }
    if (kind === 'response') registerDecoratedResponseHandler(this, options, method, name);
    else registerDecoratedHandler(this, options, method, name);
  });
}

function requireMethodContext(
  context: ClassMethodDecoratorContext<never, HandlerMethod> | undefined,
): ClassMethodDecoratorContext<never, HandlerMethod> {
  if (context?.kind !== 'method') {
    throw new TypeError('@handler decorates methods (standard decorators; set "experimentalDecorators": false)');
  }
  return context;
}
