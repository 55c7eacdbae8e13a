// The superstep model: send in k, handle in k+1; concurrency across targets; one message at a time
// per executor; per-edge send order; deterministic delivery; termination.
import { describe, expect, it } from 'vitest';
import { WorkflowBuilder, executor, type WorkflowContext } from '../src/index.js';
import { deferred, relay, sink, sleep, startsBySuperstep } from './helpers.js';

describe('superstep numbering', () => {
  it('runs the start executor in superstep 1 and each hop one superstep later', async () => {
    const a = relay('a');
    const b = relay('b');
    const c = sink('c');
    const result = await new WorkflowBuilder({ startExecutor: a }).addChain([a, b, c]).build().run('x');
    expect(startsBySuperstep(result)).toEqual(['a@1', 'b@2', 'c@3']);
    const supersteps = result.events.flatMap((e) => (e.type === 'superstep_complete' ? [e.superstep] : []));
    expect(supersteps).toEqual([1, 2, 3]);
  });

  it('delivers a message sent in superstep k in superstep k+1, even to an executor already run in k', async () => {
    // a sends to b and c; b also sends to c. c handles a's message in 2 and b's in 3.
    const a = relay('a');
    const b = relay<string>('b', (v) => `${v}+b`);
    const seen: string[] = [];
    const c = executor('c', async (v: string, ctx: WorkflowContext) => {
      seen.push(v);
      await ctx.yieldOutput(v);
    });
    const result = await new WorkflowBuilder({ startExecutor: a }).addEdge(a, b).addEdge(a, c).addEdge(b, c).build().run('m');
    expect(startsBySuperstep(result)).toEqual(['a@1', 'b@2', 'c@2', 'c@3']);
    expect(seen).toEqual(['m', 'm+b']);
  });

  it('starts a fresh run at superstep 1 again', async () => {
    const a = sink('a');
    const workflow = new WorkflowBuilder({ startExecutor: a }).build();
    await workflow.run(1);
    const second = await workflow.run(2);
    expect(startsBySuperstep(second)).toEqual(['a@1']);
  });
});

describe('concurrency', () => {
  it('runs different targets of one superstep concurrently', async () => {
    const gate = deferred();
    const log: string[] = [];
    const start = relay('start');
    const slow = executor('slow', async (_: unknown, ctx: WorkflowContext) => {
      log.push('slow:begin');
      await gate.promise; // released by fast, which could not run if targets ran one after another
      log.push('slow:end');
      await ctx.yieldOutput('slow');
    });
    const fast = executor('fast', async (_: unknown, ctx: WorkflowContext) => {
      log.push('fast');
      gate.resolve();
      await ctx.yieldOutput('fast');
    });
    const result = await new WorkflowBuilder({ startExecutor: start }).addEdge(start, slow).addEdge(start, fast).build().run(0);
    expect(log).toEqual(['slow:begin', 'fast', 'slow:end']);
    expect(result.getOutputs()).toEqual(['fast', 'slow']);
  });

  it('hands one executor one message at a time, in send order', async () => {
    let active = 0;
    let maxActive = 0;
    const received: number[] = [];
    const burst = executor('burst', async (n: number, ctx: WorkflowContext<number>) => {
      for (let i = 0; i < n; i++) await ctx.sendMessage(i);
    });
    const worker = executor('worker', async (i: number) => {
      active++;
      maxActive = Math.max(maxActive, active);
      await sleep(i % 2 === 0 ? 5 : 0); // uneven durations must not reorder
      received.push(i);
      active--;
    });
    await new WorkflowBuilder({ startExecutor: burst }).addEdge(burst, worker).build().run(6);
    expect(maxActive).toBe(1);
    expect(received).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('orders deliveries by sender (in the order executors were added), whatever finished first', async () => {
    const order: string[] = [];
    const start = relay('start');
    const slowSender = executor('slowSender', async (_: unknown, ctx: WorkflowContext) => {
      await sleep(10);
      await ctx.sendMessage('from slowSender');
    });
    const fastSender = executor('fastSender', async (_: unknown, ctx: WorkflowContext) => {
      await ctx.sendMessage('from fastSender');
    });
    const target = executor('target', async (v: string) => {
      order.push(v);
    });
    const workflow = new WorkflowBuilder({ startExecutor: start })
      .addEdge(start, slowSender)
      .addEdge(start, fastSender)
      .addEdge(slowSender, target)
      .addEdge(fastSender, target)
      .build();
    for (let i = 0; i < 3; i++) {
      order.length = 0;
      await workflow.run(i);
      expect(order).toEqual(['from slowSender', 'from fastSender']);
    }
  });
});

describe('termination', () => {
  it('ends when a superstep leaves nothing queued, in state idle', async () => {
    const a = relay('a');
    const b = executor('b', async () => {
      /* sends nothing */
    });
    const result = await new WorkflowBuilder({ startExecutor: a }).addEdge(a, b).build().run('x');
    expect(result.getFinalState()).toBe('idle');
    expect(result.events.at(-1)).toEqual({ type: 'workflow_complete', state: 'idle' });
  });

  it('a message from an executor without outgoing edges is simply not delivered (no drop event)', async () => {
    const a = relay('a');
    const result = await new WorkflowBuilder({ startExecutor: a }).build().run('x');
    expect(result.events.some((e) => e.type === 'message_dropped')).toBe(false);
    expect(result.getFinalState()).toBe('idle');
  });
});
