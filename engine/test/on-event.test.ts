// RunOptions.onEvent: a synchronous observer of every event, as emitted (hosts that forward events use it).
import { describe, expect, it } from 'vitest';
import {
  Executor,
  InMemoryCheckpointStorage,
  WorkflowBuilder,
  executor,
  handler,
  responseHandler,
  type WorkflowContext,
  type WorkflowEvent,
} from '../src/index.js';
import { relay } from './helpers.js';

const linear = (seen?: WorkflowEvent[]) => {
  const upper = relay<string>('upper', (s) => s.toUpperCase());
  const reverse = executor('reverse', async (s: string, ctx: WorkflowContext) => {
    // the observer has this handler's executor_start before the handler runs
    if (seen !== undefined) expect(seen.at(-1)).toEqual({ type: 'executor_start', executorId: 'reverse', data: s });
    await ctx.yieldOutput(Array.from(s).reverse().join(''));
  });
  return new WorkflowBuilder({ startExecutor: upper, name: 'linear' }).addEdge(upper, reverse).build();
};

class Asker extends Executor {
  @handler({ input: 'string' })
  async ask(text: string, ctx: WorkflowContext) {
    await ctx.requestInfo(text, { responseType: 'boolean', requestId: 'ok' });
  }

  @responseHandler({ response: 'boolean' })
  async answered(_text: string, approved: boolean, ctx: WorkflowContext<never, string>) {
    await ctx.yieldOutput(approved ? 'yes' : 'no');
  }
}

describe('onEvent', () => {
  it('sees every event of a run, in order, the same as the result', async () => {
    const seen: WorkflowEvent[] = [];
    const result = await linear(seen).run('hello', { onEvent: (event) => seen.push(event) });
    expect(result.getOutputs()).toEqual(['OLLEH']);
    expect(seen).toEqual(result.events);
  });

  it('is called synchronously, before the stream reader gets the event', async () => {
    const seen: WorkflowEvent[] = [];
    const streamed: WorkflowEvent[] = [];
    for await (const event of linear(seen).run('hi', { stream: true, onEvent: (e) => seen.push(e) })) {
      streamed.push(event);
      expect(seen.length).toBeGreaterThanOrEqual(streamed.length);
    }
    expect(seen).toEqual(streamed);
  });

  it('observes resumed runs and answers', async () => {
    const storage = new InMemoryCheckpointStorage();
    const build = () => new WorkflowBuilder({ startExecutor: new Asker('asker'), name: 'ask', checkpointStorage: storage }).build();
    await build().run('draft', { checkpointId: 's' });

    const resumed: WorkflowEvent[] = [];
    const workflow = build();
    await workflow.resume('s', { onEvent: (event) => resumed.push(event) });
    expect(resumed.filter((event) => event.type === 'request_info').map((event) => event.requestId)).toEqual(['ok']);

    const answered: WorkflowEvent[] = [];
    const result = await workflow.sendResponses({ ok: true }, { onEvent: (event) => answered.push(event) });
    expect(result.getOutputs()).toEqual(['yes']);
    expect(answered).toEqual(result.events);
  });

  it('an observer that throws does not change the run', async () => {
    const thrown: unknown[] = [];
    const onUncaught = (error: unknown) => thrown.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const result = await linear().run('abc', {
        onEvent: (event) => {
          if (event.type === 'executor_start') throw new Error('observer broke');
        },
      });
      expect(result.getOutputs()).toEqual(['CBA']);
      expect(result.getFinalState()).toBe('idle');
      await new Promise((resolve) => setTimeout(resolve, 0));
    } finally {
      process.off('uncaughtException', onUncaught);
    }
    expect(thrown.map((error) => (error as Error).message)).toEqual(['observer broke', 'observer broke']);
  });
});
