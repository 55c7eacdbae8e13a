import type { Executor } from '../../executors/executor.js';
import type { WorkflowContext } from '../../runtime/context.js';
import { compileTypeSpec, type TypeSpec } from '../../types/type-spec.js';
import type { RequestInfoExecutorDefinition } from '../schema.js';
import { DeclarativeExecutor, type ExecutorEnvironment } from './environment.js';

/** What a `request_info` executor asks: its prompt and the message that reached it. */
export interface DeclarativeRequest {
  prompt: string;
  input: unknown;
}

/**
 * A `request_info` executor: asks a person `{ prompt, input }` with `ctx.requestInfo`, the answer's
 * type being the `response` JSON Schema (`'any'` without one), so `sendResponses` rejects an
 * answer that does not fit. The answer is sent downstream.
 */
export class DeclarativeRequestInfoExecutor extends DeclarativeExecutor {
  readonly #prompt: string;
  readonly #responseType: TypeSpec;

  constructor(id: string, prompt: string, responseType: TypeSpec, env: ExecutorEnvironment) {
    super(id, env);
    this.#prompt = prompt;
    this.#responseType = responseType;
    this.addHandler({}, this.#ask, 'ask');
    this.addResponseHandler({}, this.#answer, 'answer');
  }

  override get typeName(): string {
    return 'RequestInfoExecutor';
  }

  async #ask(input: unknown, ctx: WorkflowContext): Promise<void> {
    this.scope.enter(ctx, input);
    const request: DeclarativeRequest = { prompt: this.#prompt, input };
    await ctx.requestInfo(request, { responseType: this.#responseType });
  }

  async #answer(_request: DeclarativeRequest, answer: unknown, ctx: WorkflowContext): Promise<void> {
    this.scope.enter(ctx, answer);
    await ctx.sendMessage(answer);
  }
}

/** Compiles a `request_info` executor; `undefined` after reporting a `response` that is not a usable schema. */
export function compileRequestInfoExecutor(
  definition: RequestInfoExecutorDefinition,
  index: number,
  env: ExecutorEnvironment,
): Executor | undefined {
  const responseType: TypeSpec = definition.response ?? 'any';
  try {
    compileTypeSpec(responseType);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    env.problems.report('invalid_value', `the response schema of executor '${definition.id}' is not usable: ${reason}`, {
      path: ['executors', index, 'response'],
      executorId: definition.id,
    });
    return undefined;
  }
  return new DeclarativeRequestInfoExecutor(definition.id, definition.prompt, responseType, env);
}
