// The event stream: order, live delivery, plain data (structuredClone), custom events, results.
import { describe, expect, it } from 'vitest';
import { Case, Default, WorkflowBuilder, executor, sequentialIds, type WorkflowContext, type WorkflowEvent } from '../src/index.js';
import { deferred, eventTypes, relay, sink } from './helpers.js';

const linear = () => {
  const upper = relay<string>('upper', (s) => s.toUpperCase());
  const reverse = executor('reverse', async (s: string, ctx: WorkflowContext) => {
    await ctx.yieldOutput(Array.from(s).reverse().join(''));
  });
  let now = 1000;
  return new WorkflowBuilder({ startExecutor: upper, name: 'linear', now: () => (now += 5), createId: sequentialIds('t') })
    .addEdge(upper, reverse)
    .build();
};

describe('event order in a stream', () => {
  it('follows the reference trace for upper -> reverse', async () => {
    const events: WorkflowEvent[] = [];
    for await (const event of linear().run('hello', { stream: true })) events.push(event);
    expect(events).toEqual([
      { type: 'workflow_start', runId: 't-run-1', workflowName: 'linear' },
      { type: 'workflow_status', state: 'in_progress' },
      { type: 'superstep_start', superstep: 1 },
      { type: 'executor_start', executorId: 'upper', data: 'hello' },
      { type: 'executor_output', executorId: 'upper', data: 'HELLO' },
      { type: 'executor_complete', executorId: 'upper', durationMs: 5 },
      { type: 'superstep_complete', superstep: 1 },
      { type: 'superstep_start', superstep: 2 },
      { type: 'executor_start', executorId: 'reverse', data: 'HELLO' },
      { type: 'workflow_output', executorId: 'reverse', data: 'OLLEH' },
      { type: 'executor_complete', executorId: 'reverse', durationMs: 5 },
      { type: 'superstep_complete', superstep: 2 },
      { type: 'workflow_status', state: 'idle' },
      { type: 'workflow_complete', state: 'idle' },
    ]);
  });

  it('gives the same events to run() and to a stream', async () => {
    const streamed: WorkflowEvent[] = [];
    for await (const event of linear().run('abc', { stream: true })) streamed.push(event);
    const result = await linear().run('abc');
    expect(result.events).toEqual(streamed);
  });

  it('streams events while a handler is still running, without waiting for the reader', async () => {
    const gate = deferred();
    const a = executor('a', async (_: unknown, ctx: WorkflowContext) => {
      await ctx.yieldOutput('early');
      await gate.promise;
      await ctx.yieldOutput('late');
    });
    const stream = new WorkflowBuilder({ startExecutor: a }).build().run(0, { stream: true });
    const iterator = stream[Symbol.asyncIterator]();
    const seen: string[] = [];
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) break;
      seen.push(next.value.type);
      if (next.value.type === 'workflow_output') break;
    }
    expect(seen).toEqual(['workflow_start', 'workflow_status', 'superstep_start', 'executor_start', 'workflow_output']);
    gate.resolve();
    const result = await stream.getFinalResponse();
    expect(result.getOutputs()).toEqual(['early', 'late']);
  });

  it('emits executor_output when sent, before the sender completes', async () => {
    const result = await linear().run('x');
    expect(eventTypes(result.events).slice(3, 6)).toEqual(['executor_start', 'executor_output', 'executor_complete']);
  });

  it('carries custom events from addEvent', async () => {
    const a = executor('a', async (_: unknown, ctx: WorkflowContext) => {
      await ctx.addEvent({ type: 'progress', data: { percent: 50 } });
    });
    const result = await new WorkflowBuilder({ startExecutor: a }).build().run(0);
    expect(result.events).toContainEqual({ type: 'custom', name: 'progress', executorId: 'a', data: { percent: 50 } });
  });
});

describe('events are plain data', () => {
  it('every event of a rich run survives structuredClone unchanged', async () => {
    const start = relay('start');
    const a = relay<number>('a', (n) => ({ from: 'a', n, at: [1, 2] }));
    const b = relay<number>('b', (n) => ({ from: 'b', n }));
    const join = executor({ id: 'join', input: 'array' }, async (items: unknown[], ctx: WorkflowContext) => {
      await ctx.addEvent({ type: 'joined', data: items.length });
      await ctx.sendMessage(items.length);
    });
    const pick = sink('pick');
    const other = executor({ id: 'other', input: 'string' }, async () => {});
    const workflow = new WorkflowBuilder({ startExecutor: start })
      .addFanOutEdges(start, [a, b])
      .addFanInEdges([a, b], join)
      .addSwitchCaseEdgeGroup(join, [new Case((n) => n === 2, pick), new Default(other)])
      .build();
    const streamed: WorkflowEvent[] = [];
    for await (const event of workflow.run(7, { stream: true })) streamed.push(event);
    const broken = executor('broken', async () => {
      throw new Error('x');
    });
    const failed = await new WorkflowBuilder({ startExecutor: broken })
      .build()
      .run(1)
      .then(
        () => [] as readonly WorkflowEvent[],
        (e: unknown) => (e as { result: { events: readonly WorkflowEvent[] } }).result.events,
      );
    const all = [...streamed, ...failed];
    expect(new Set(all.map((e) => e.type))).toEqual(
      new Set([
        'workflow_start',
        'workflow_status',
        'superstep_start',
        'executor_start',
        'executor_output',
        'executor_complete',
        'superstep_complete',
        'custom',
        'workflow_output',
        'error',
        'workflow_complete',
      ]),
    );
    for (const event of all) expect(structuredClone(event)).toEqual(event);
  });
});
