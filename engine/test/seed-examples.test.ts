// Every example of the seed document (agent-framework-workflows-docs), in TypeScript, with its outputs.
import { describe, expect, it } from 'vitest';
import { Executor, WorkflowBuilder, executor, handler, type WorkflowContext } from '../src/index.js';

describe('seed: simple linear workflow', () => {
  it("turns 'hello' into ['!!!OLLEH']", async () => {
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
    const workflow = new WorkflowBuilder({ startExecutor: step1 }).addEdge(step1, step2).addEdge(step2, step3).build();

    const events = await workflow.run('hello');

    expect(events.getOutputs()).toEqual(['!!!OLLEH']);
    expect(events.getFinalState()).toBe('idle');
  });
});

describe('seed: fan-out', () => {
  it("gives 'A: HELLO' and 'B: hello'", async () => {
    const broadcast = executor('broadcast', async (text: string, ctx: WorkflowContext<string>) => {
      await ctx.sendMessage(text);
    });
    const processA = executor('process_a', async (text: string, ctx: WorkflowContext<string>) => {
      await ctx.sendMessage(`A: ${text.toUpperCase()}`);
    });
    const processB = executor('process_b', async (text: string, ctx: WorkflowContext<string>) => {
      await ctx.sendMessage(`B: ${text.toLowerCase()}`);
    });
    const collect = executor('collect', async (text: string, ctx: WorkflowContext<never, string>) => {
      await ctx.yieldOutput(text);
    });
    const workflow = new WorkflowBuilder({ startExecutor: broadcast })
      .addEdge(broadcast, processA)
      .addEdge(broadcast, processB)
      .addEdge(processA, collect)
      .addEdge(processB, collect)
      .build();

    const events = await workflow.run('hello');

    expect(events.getOutputs()).toEqual(['A: HELLO', 'B: hello']);
  });
});

describe('seed: conditional branching', () => {
  interface Classified {
    text: string;
    is_urgent: boolean;
  }
  const build = () => {
    const classify = executor('classifier', async (text: string, ctx: WorkflowContext<Classified>) => {
      await ctx.sendMessage({ text, is_urgent: text.toLowerCase().includes('urgent') });
    });
    const urgentHandler = executor('urgent_handler', async (data: Classified, ctx: WorkflowContext<never, string>) => {
      await ctx.yieldOutput(`URGENT: ${data.text}`);
    });
    const normalHandler = executor('normal_handler', async (data: Classified, ctx: WorkflowContext<never, string>) => {
      await ctx.yieldOutput(`Normal: ${data.text}`);
    });
    const isUrgent = (data: unknown) => (data as Partial<Classified>).is_urgent ?? false;
    return new WorkflowBuilder({ startExecutor: classify })
      .addEdge(classify, urgentHandler, { condition: isUrgent })
      .addEdge(classify, normalHandler, { condition: (d) => !isUrgent(d) })
      .build();
  };

  it('routes urgent text to the urgent handler only', async () => {
    const result = await build().run('This is URGENT, call back');
    expect(result.getOutputs()).toEqual(['URGENT: This is URGENT, call back']);
    expect(result.events.flatMap((e) => (e.type === 'executor_start' ? [e.executorId] : []))).toEqual(['classifier', 'urgent_handler']);
  });

  it('routes normal text to the normal handler only', async () => {
    const result = await build().run('lunch at noon?');
    expect(result.getOutputs()).toEqual(['Normal: lunch at noon?']);
  });
});

describe('seed: class-based executor', () => {
  class DataProcessor extends Executor {
    constructor(
      id: string,
      private readonly config: Record<string, unknown>,
    ) {
      super(id);
    }

    @handler({ input: 'object', output: 'object' })
    async process(data: Record<string, unknown>, ctx: WorkflowContext<Record<string, unknown>>) {
      await ctx.sendMessage({ ...data, processed: true, ...this.config });
    }
  }

  it('processes data with its configuration', async () => {
    const processor = new DataProcessor('processor', { by: 'trellis' });
    const sink = executor('sink', async (data: Record<string, unknown>, ctx: WorkflowContext<never, Record<string, unknown>>) => {
      await ctx.yieldOutput(data);
    });
    const workflow = new WorkflowBuilder({ startExecutor: processor }).addEdge(processor, sink).build();

    const result = await workflow.run({ name: 'x' });

    expect(result.getOutputs()).toEqual([{ name: 'x', processed: true, by: 'trellis' }]);
  });

  it('accepts explicit union input types (FlexibleProcessor)', async () => {
    class FlexibleProcessor extends Executor {
      @handler({ input: ['string', 'number'], output: 'string' })
      async process(message: string | number, ctx: WorkflowContext<string, string>) {
        await ctx.yieldOutput(`Processed: ${String(message)}`);
      }
    }
    const flexible = new FlexibleProcessor('flexible');
    const workflow = new WorkflowBuilder({ startExecutor: flexible }).build();
    expect((await workflow.run(42)).getOutputs()).toEqual(['Processed: 42']);
    expect((await workflow.run('x')).getOutputs()).toEqual(['Processed: x']);
  });
});

describe('seed: state management', () => {
  class Counter extends Executor {
    count = 0;

    @handler({ input: 'string', output: 'object' })
    async increment(message: string, ctx: WorkflowContext<{ message: string; count: number }>) {
      this.count += 1;
      await ctx.sendMessage({ message, count: this.count });
    }
  }
  const createWorkflow = () => {
    const counter = new Counter('counter');
    const report = executor('report', async (data: { count: number }, ctx: WorkflowContext<never, number>) => {
      await ctx.yieldOutput(data.count);
    });
    return new WorkflowBuilder({ startExecutor: counter }).addEdge(counter, report).build();
  };

  it('keeps the counter across runs of one instance', async () => {
    const workflow = createWorkflow();
    expect((await workflow.run('a')).getOutputs()).toEqual([1]);
    expect((await workflow.run('b')).getOutputs()).toEqual([2]);
    expect((await workflow.run('c')).getOutputs()).toEqual([3]);
  });

  it('gives fresh, independent workflows from a factory', async () => {
    const workflow1 = createWorkflow();
    const workflow2 = createWorkflow();
    expect((await workflow1.run('input1')).getOutputs()).toEqual([1]);
    expect((await workflow1.run('input1')).getOutputs()).toEqual([2]);
    expect((await workflow2.run('input2')).getOutputs()).toEqual([1]);
  });

  it('shares session state between executors (ctx.session.state)', async () => {
    const requestApproval = executor('request_approval', async (data: Record<string, unknown>, ctx: WorkflowContext) => {
      ctx.session.state['pending_approval'] = data;
      await ctx.sendMessage({ status: 'awaiting_approval', data });
    });
    const executeAction = executor('execute_action', async (data: { status: string }, ctx: WorkflowContext<never>) => {
      await ctx.yieldOutput({ status: data.status, pending: ctx.getState('pending_approval') });
    });
    const workflow = new WorkflowBuilder({ startExecutor: requestApproval }).addEdge(requestApproval, executeAction).build();

    const result = await workflow.run({ amount: 5 });

    expect(result.getOutputs()).toEqual([{ status: 'awaiting_approval', pending: { amount: 5 } }]);
  });
});

describe('seed: streaming execution', () => {
  it('streams executor_start, executor_output and workflow_output events', async () => {
    const upper = executor('upper', async (text: string, ctx: WorkflowContext<string>) => {
      await ctx.sendMessage(text.toUpperCase());
    });
    const done = executor('done', async (text: string, ctx: WorkflowContext<never, string>) => {
      await ctx.yieldOutput(text);
    });
    const workflow = new WorkflowBuilder({ startExecutor: upper }).addEdge(upper, done).build();
    const lines: string[] = [];
    for await (const event of workflow.run('initial input', { stream: true })) {
      if (event.type === 'executor_start') lines.push(`Starting: ${event.executorId}`);
      else if (event.type === 'executor_output') lines.push(`Output from ${event.executorId}: ${String(event.data)}`);
      else if (event.type === 'workflow_output') lines.push(`Final output: ${String(event.data)}`);
    }
    expect(lines).toEqual(['Starting: upper', 'Output from upper: INITIAL INPUT', 'Starting: done', 'Final output: INITIAL INPUT']);
  });
});
