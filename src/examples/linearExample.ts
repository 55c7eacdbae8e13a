import { WorkflowBuilder, executor, type Workflow, type WorkflowContext } from '@trellis/engine';

/** Input the page starts with. */
export const LINEAR_EXAMPLE_INPUT = 'hello';

/**
 * The seed's linear example: upper-case, append `!!!`, reverse. `'hello'` yields `'!!!OLLEH'`.
 * A factory, because a workflow instance is stateful and runs one run at a time.
 */
export function createLinearWorkflow(): Workflow {
  const step1 = executor({ id: 'step1', input: 'string', output: 'string' }, async (input: string, ctx: WorkflowContext<string>) => {
    await ctx.sendMessage(input.toUpperCase());
  });
  const step2 = executor({ id: 'step2', input: 'string', output: 'string' }, async (input: string, ctx: WorkflowContext<string>) => {
    await ctx.sendMessage(`${input}!!!`);
  });
  const step3 = executor(
    { id: 'step3', input: 'string', workflowOutput: 'string' },
    async (input: string, ctx: WorkflowContext<never, string>) => {
      await ctx.yieldOutput(Array.from(input).reverse().join(''));
    },
  );
  return new WorkflowBuilder({ startExecutor: step1, name: 'linear' }).addEdge(step1, step2).addEdge(step2, step3).build();
}
