import type { Executor } from '../../executors/executor.js';
import type { WorkflowContext } from '../../runtime/context.js';
import { CelExpressionError, compileCel, type CompiledCel } from '../cel.js';
import type { TransformExecutorDefinition } from '../schema.js';
import { DeclarativeExecutor, type ExecutorEnvironment } from './environment.js';

/** The variables a transform's expression sees. */
export const TRANSFORM_VARIABLES = ['input', 'state', 'inputs'] as const;

/**
 * A `transform` executor: a CEL expression over `input` (the message), `state` (the shared
 * state) and `inputs` (the run's input), compiled once; its value, as plain JSON, is sent on.
 */
export class DeclarativeTransformExecutor extends DeclarativeExecutor {
  readonly #expression: CompiledCel;

  constructor(id: string, expression: CompiledCel, env: ExecutorEnvironment) {
    super(id, env);
    this.#expression = expression;
    this.addHandler({}, this.#run, 'transform');
  }

  override get typeName(): string {
    return 'TransformExecutor';
  }

  /** The expression's text. */
  get expression(): string {
    return this.#expression.expression;
  }

  async #run(input: unknown, ctx: WorkflowContext): Promise<void> {
    const scope = this.scope;
    scope.enter(ctx, input);
    // only the variables the expression mentions are converted, so passing all three costs nothing
    await ctx.sendMessage(this.#expression({ input, state: scope.state, inputs: scope.inputs }));
  }
}

/** Compiles a `transform` executor; `undefined` after reporting why its expression is not valid. */
export function compileTransformExecutor(
  definition: TransformExecutorDefinition,
  index: number,
  env: ExecutorEnvironment,
): Executor | undefined {
  try {
    return new DeclarativeTransformExecutor(definition.id, compileCel(definition.expression, TRANSFORM_VARIABLES), env);
  } catch (error) {
    if (!(error instanceof CelExpressionError)) throw error;
    const site = { path: ['executors', index, 'expression'], executorId: definition.id };
    env.problems.report('cel_syntax', `the expression of executor '${definition.id}' is not valid: ${error.message}`, {
      ...site,
      ...(error.offset === undefined ? {} : { offset: error.offset }),
    });
    return undefined;
  }
}
