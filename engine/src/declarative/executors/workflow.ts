import type { JsonValue } from '../../checkpoint/types.js';
import type { HandlerRegistration, ResponseHandlerRegistration } from '../../executors/executor.js';
import { WorkflowExecutor, type WorkflowExecutorOptions } from '../../executors/workflow-executor.js';
import type { DeclarativeScope, ObservedHandlers } from '../compile-scope.js';
import type { WorkflowExecutorDefinition } from '../schema.js';
import type { ExecutorEnvironment } from './environment.js';

/**
 * The engine's `WorkflowExecutor`, reporting each invocation to the parent workflow's CEL scope
 * (and, as the start executor, carrying the scope in its checkpoint snapshot).
 */
export class DeclarativeWorkflowExecutor extends WorkflowExecutor {
  readonly #observed: ObservedHandlers;
  readonly #startScope: DeclarativeScope | undefined;

  constructor(options: WorkflowExecutorOptions, env: ExecutorEnvironment) {
    super(options);
    this.#observed = env.observed;
    this.#startScope = options.id === env.startId ? env.scope : undefined;
  }

  override findHandler(message: unknown): HandlerRegistration | undefined {
    return this.#observed.handler(super.findHandler(message));
  }

  override findResponseHandler(request: unknown, response: unknown): ResponseHandlerRegistration | undefined {
    return this.#observed.responseHandler(super.findResponseHandler(request, response));
  }

  override async onCheckpointSave(): Promise<JsonValue> {
    const base = await super.onCheckpointSave();
    return this.#startScope === undefined ? base : { ...(base as Record<string, JsonValue>), declarative: this.#startScope.snapshot() };
  }

  override async onCheckpointRestore(state: unknown): Promise<void> {
    await super.onCheckpointRestore(state);
    this.#startScope?.restore((state as { declarative?: unknown }).declarative);
  }
}

/**
 * Compiles a `workflow` executor: the child (inline `workflow:` or `ref:`) compiled on its own,
 * run as one executor. `propagate_requests` defaults to true, so a person answering the parent's
 * caller sees the child's `request_info` questions (with the same request ids); set it to false
 * to receive them downstream as `SubWorkflowRequest` messages instead. `allow_direct_output`
 * (default false) yields the child's outputs as the parent's instead of sending them on.
 */
export function compileWorkflowExecutor(
  definition: WorkflowExecutorDefinition,
  index: number,
  env: ExecutorEnvironment,
): DeclarativeWorkflowExecutor | undefined {
  const child = env.compileSubWorkflow(definition, index);
  if (child === undefined) return undefined;
  return new DeclarativeWorkflowExecutor(
    {
      id: definition.id,
      workflow: child,
      propagateRequests: definition.propagate_requests ?? true,
      allowDirectOutput: definition.allow_direct_output ?? false,
    },
    env,
  );
}
