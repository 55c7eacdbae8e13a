// Shared state: visible to every executor at once (staged), committed at a superstep's end,
// kept across runs of an instance, reserved keys refused.
import { describe, expect, it } from 'vitest';
import { WorkflowBuilder, WorkflowContextError, executor, type WorkflowContext } from '../src/index.js';
import { relay } from './helpers.js';

describe('shared state', () => {
  it('makes a write visible to later executors in the same superstep and to later supersteps', async () => {
    const seen: Record<string, unknown> = {};
    const start = relay('start');
    const writer = executor('writer', async (_: unknown, ctx: WorkflowContext) => {
      ctx.setState('color', 'blue');
      await ctx.sendMessage('next');
    });
    const sameStep = executor('sameStep', async (_: unknown, ctx: WorkflowContext) => {
      seen['sameStep'] = ctx.getState('color');
    });
    const nextStep = executor('nextStep', async (_: unknown, ctx: WorkflowContext) => {
      seen['nextStep'] = ctx.getState<string>('color');
      seen['missing'] = ctx.getState('nope', 'fallback');
    });
    await new WorkflowBuilder({ startExecutor: start })
      .addEdge(start, writer)
      .addEdge(start, sameStep) // runs after writer in superstep 2 (writer was added first)
      .addEdge(writer, nextStep)
      .build()
      .run(0);
    expect(seen).toEqual({ sameStep: 'blue', nextStep: 'blue', missing: 'fallback' });
  });

  it('keeps state across runs of one instance, not across instances', async () => {
    const build = () =>
      new WorkflowBuilder({
        startExecutor: executor('count', async (_: unknown, ctx: WorkflowContext) => {
          const runs = ctx.getState('runs', 0) + 1;
          ctx.setState('runs', runs);
          await ctx.yieldOutput(runs);
        }),
      }).build();
    const one = build();
    await one.run('a');
    expect((await one.run('b')).getOutputs()).toEqual([2]);
    expect((await build().run('c')).getOutputs()).toEqual([1]);
  });

  it('discards the writes of a superstep that failed', async () => {
    let attempt = 0;
    const workflow = new WorkflowBuilder({
      startExecutor: executor('flaky', async (_: unknown, ctx: WorkflowContext) => {
        attempt++;
        if (attempt === 1) {
          ctx.setState('written', 'by the failed attempt');
          throw new Error('first attempt fails');
        }
        await ctx.yieldOutput(ctx.getState('written', 'nothing'));
      }),
    }).build();
    await expect(workflow.run(1)).rejects.toThrow('first attempt fails');
    expect((await workflow.run(2)).getOutputs()).toEqual(['nothing']);
  });

  it("refuses keys starting with '_' (reserved for the engine)", async () => {
    const workflow = new WorkflowBuilder({
      startExecutor: executor('bad', async (_: unknown, ctx: WorkflowContext) => {
        ctx.setState('_executor_state', 1);
      }),
    }).build();
    const error = await workflow.run(0).catch((e: unknown) => e);
    expect((error as { cause: unknown }).cause).toBeInstanceOf(WorkflowContextError);
    expect(String(error)).toMatch(/State key '_executor_state' is reserved/);
  });

  it('exposes the state as ctx.session.state (read, write, delete)', async () => {
    const a = executor('a', async (_: unknown, ctx: WorkflowContext) => {
      ctx.session.state['draft'] = { v: 1 };
      ctx.session.state['temp'] = true;
      delete ctx.session.state['temp'];
      await ctx.sendMessage('go');
    });
    const b = executor('b', async (_: unknown, ctx: WorkflowContext) => {
      await ctx.yieldOutput({ draft: ctx.session.state['draft'], temp: 'temp' in ctx.session.state });
    });
    const result = await new WorkflowBuilder({ startExecutor: a }).addEdge(a, b).build().run(0);
    expect(result.getOutputs()).toEqual([{ draft: { v: 1 }, temp: false }]);
  });
});
