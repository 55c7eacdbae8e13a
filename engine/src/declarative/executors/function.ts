import type { Executor } from '../../executors/executor.js';
import type { WorkflowContext } from '../../runtime/context.js';
import type { TypeSpec } from '../../types/type-spec.js';
import type { FunctionExecutorDefinition } from '../schema.js';
import { DeclarativeExecutor, type ExecutorEnvironment, type DeclarativeFunction } from './environment.js';
import { ScopedContext } from './scoped-context.js';

type AsyncFunctionConstructor = new (...argsAndBody: string[]) => (input: unknown, ctx: WorkflowContext) => Promise<unknown>;

/** The constructor of async functions (not a global): compiles `async (input, ctx) => { code }`. */
const AsyncFunction = (
  Object.getPrototypeOf(async function () {
    /* only its constructor is used */
  }) as { constructor: AsyncFunctionConstructor }
).constructor;

/**
 * A `function` executor: JavaScript `code` (the body of `async (input, ctx) => { ... }`) or a
 * function given to the loader by name (`use:`). A value it returns other than `undefined` is sent
 * downstream; `ctx` is the engine's `WorkflowContext`.
 *
 * `code` is trusted code: it is compiled once per load with the `AsyncFunction` constructor and
 * runs with the full power of the host realm (no sandbox). Load only files you trust; the designer
 * gates files of unknown origin before it runs them.
 */
export class DeclarativeFunctionExecutor extends DeclarativeExecutor {
  readonly #fn: DeclarativeFunction;

  constructor(
    definition: FunctionExecutorDefinition,
    fn: DeclarativeFunction,
    spec: { input?: TypeSpec; output?: TypeSpec },
    env: ExecutorEnvironment,
  ) {
    super(definition.id, env);
    this.#fn = fn;
    this.addHandler(spec, this.#run, 'function');
  }

  override get typeName(): string {
    return 'FunctionExecutor';
  }

  async #run(input: unknown, ctx: WorkflowContext): Promise<void> {
    this.scope.enter(ctx, input);
    const result = await this.#fn(input, new ScopedContext(ctx, this.scope));
    if (result !== undefined) await ctx.sendMessage(result);
  }
}

/** Compiles a `function` executor; `undefined` after reporting why it cannot be built. */
export function compileFunctionExecutor(
  definition: FunctionExecutorDefinition,
  index: number,
  env: ExecutorEnvironment,
): Executor | undefined {
  const at = ['executors', index];
  const id = definition.id;
  let fn: DeclarativeFunction | undefined;
  if (definition.code !== undefined && definition.use !== undefined) {
    env.problems.report('function_code_and_use', `executor '${id}' has both code and use; give one of them`, {
      path: [...at, 'use'],
      executorId: id,
    });
  } else if (typeof definition.code === 'string') {
    try {
      fn = new AsyncFunction('input', 'ctx', definition.code);
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      env.problems.report('invalid_value', `the code of executor '${id}' does not compile: ${reason}`, {
        path: [...at, 'code'],
        executorId: id,
      });
    }
  } else if (typeof definition.use === 'string') {
    const named = Object.hasOwn(env.functions, definition.use) ? env.functions[definition.use] : undefined;
    if (typeof named === 'function') fn = named;
    else {
      const known = Object.keys(env.functions);
      const list =
        known.length === 0 ? 'no functions were given to the loader' : `the loader was given ${known.map((k) => `'${k}'`).join(', ')}`;
      env.problems.report('unknown_function', `executor '${id}' uses '${definition.use}', which is not a known function (${list})`, {
        path: [...at, 'use'],
        executorId: id,
      });
    }
  } else {
    env.problems.report('function_missing_code', `executor '${id}' needs code (JavaScript) or use (a function given to the loader)`, {
      path: at,
      executorId: id,
    });
  }
  if (fn === undefined) return undefined;
  const spec: { input?: TypeSpec; output?: TypeSpec } = {};
  if (definition.input !== undefined) spec.input = definition.input;
  if (definition.output !== undefined) spec.output = definition.output;
  try {
    return new DeclarativeFunctionExecutor(definition, fn, spec, env);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    env.problems.report('invalid_value', `executor '${id}' has an invalid input or output type: ${reason}`, { path: at, executorId: id });
    return undefined;
  }
}
