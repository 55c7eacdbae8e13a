import {
  WorkflowBuilder,
  executor,
  type Workflow,
  type WorkflowContext,
  type WorkflowEvent,
  type WorkflowRunResult,
} from '../src/index.js';

/** An executor that forwards what it receives, after `map`. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- lets a test type the value `map` receives
export const relay = <T>(id: string, map: (value: T) => unknown = (v) => v) =>
  executor(id, async (value: T, ctx: WorkflowContext) => {
    await ctx.sendMessage(map(value));
  });

/** An executor that yields what it receives as a workflow output. */
export const sink = (id: string) =>
  executor(id, async (value: unknown, ctx: WorkflowContext) => {
    await ctx.yieldOutput(value);
  });

/** The `type` of each event, in order, optionally without some types. */
export function eventTypes(events: readonly WorkflowEvent[], skip: readonly string[] = []): string[] {
  return events.map((e) => e.type).filter((t) => !skip.includes(t));
}

/** `executorId@superstep` for each executor_start, to assert which superstep ran what. */
export function startsBySuperstep(result: WorkflowRunResult | readonly WorkflowEvent[]): string[] {
  const events = 'events' in result ? result.events : result;
  let superstep = 0;
  const out: string[] = [];
  for (const event of events) {
    if (event.type === 'superstep_start') superstep = event.superstep;
    if (event.type === 'executor_start') out.push(`${event.executorId}@${String(superstep)}`);
  }
  return out;
}

/** A promise with its resolve function, to hold a handler mid-flight. */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The seed's linear example: step1 upper-cases, step2 adds '!!!', step3 reverses; 'hello' gives '!!!OLLEH'. */
export function seedLinearWorkflow(name?: string): Workflow {
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
  return new WorkflowBuilder(name === undefined ? { startExecutor: step1 } : { startExecutor: step1, name })
    .addEdge(step1, step2)
    .addEdge(step2, step3)
    .build();
}
