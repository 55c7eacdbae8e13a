import type { WorkflowContext } from '../../runtime/context.js';
import type { OutputExecutorDefinition } from '../schema.js';
import { DeclarativeExecutor, type ExecutorEnvironment } from './environment.js';

/** An `output` executor: yields every message it receives as a workflow output. */
export class DeclarativeOutputExecutor extends DeclarativeExecutor {
  constructor(id: string, env: ExecutorEnvironment) {
    super(id, env);
    this.addHandler({}, this.#run, 'output');
  }

  override get typeName(): string {
    return 'OutputExecutor';
  }

  async #run(input: unknown, ctx: WorkflowContext): Promise<void> {
    this.scope.enter(ctx, input);
    await ctx.yieldOutput(input);
  }
}

/** Compiles an `output` executor. */
export function compileOutputExecutor(definition: OutputExecutorDefinition, env: ExecutorEnvironment): DeclarativeOutputExecutor {
  return new DeclarativeOutputExecutor(definition.id, env);
}
