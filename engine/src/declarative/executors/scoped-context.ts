import type { CustomEventInput, SendMessageOptions, WorkflowContext } from '../../runtime/context.js';
import type { RequestInfoOptions } from '../../runtime/pending-requests.js';
import type { DeclarativeScope } from '../compile-scope.js';

/**
 * The context a `function` executor's code receives: the engine's own context, with writes to the
 * shared state noted in the scope, so CEL expressions can list the keys function code wrote
 * (`size(state)`, `state.exists(k, ...)`). Everything else is passed through unchanged.
 */
export class ScopedContext implements WorkflowContext {
  readonly #ctx: WorkflowContext;
  readonly #scope: DeclarativeScope;
  #session: { readonly state: Record<string, unknown> } | undefined;

  constructor(ctx: WorkflowContext, scope: DeclarativeScope) {
    this.#ctx = ctx;
    this.#scope = scope;
  }

  get executorId(): string {
    return this.#ctx.executorId;
  }

  get sourceExecutorIds(): readonly string[] {
    return this.#ctx.sourceExecutorIds;
  }

  get requestId(): string | undefined {
    return this.#ctx.requestId;
  }

  get signal(): AbortSignal {
    return this.#ctx.signal;
  }

  /** The shared state as an object; its writes go through {@link ScopedContext.setState}. */
  get session(): { readonly state: Record<string, unknown> } {
    this.#session ??= { state: stateObject(this, this.#ctx.session.state) };
    return this.#session;
  }

  sendMessage(message: unknown, options?: SendMessageOptions): Promise<void> {
    return this.#ctx.sendMessage(message, options);
  }

  yieldOutput(output: unknown): Promise<void> {
    return this.#ctx.yieldOutput(output);
  }

  getState<T>(key: string, defaultValue?: T): T | undefined {
    return defaultValue === undefined ? this.#ctx.getState<T>(key) : this.#ctx.getState(key, defaultValue);
  }

  setState(key: string, value: unknown): void {
    this.#ctx.setState(key, value);
    this.#scope.recordKey(key);
  }

  addEvent(event: CustomEventInput): Promise<void> {
    return this.#ctx.addEvent(event);
  }

  requestInfo(request: unknown, options: RequestInfoOptions): Promise<string> {
    return this.#ctx.requestInfo(request, options);
  }

  isStreaming(): boolean {
    return this.#ctx.isStreaming();
  }
}

/** `ctx.session.state`: reads and deletions go to the engine's object, writes through `setState`. */
function stateObject(ctx: ScopedContext, engineState: Record<string, unknown>): Record<string, unknown> {
  return new Proxy(engineState, {
    set: (_target, key, value) => {
      if (typeof key !== 'string') return false;
      ctx.setState(key, value);
      return true;
    },
  });
}
