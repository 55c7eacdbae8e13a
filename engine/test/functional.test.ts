import { describe, expect, it } from 'vitest';
import {
  WorkflowContextError,
  WorkflowRunError,
  WorkflowRunState,
  getRunContext,
  sequentialIds,
  step,
  workflow,
  type RunContext,
  type WorkflowEvent,
} from '../src/index.js';
import { deferred, eventTypes } from './helpers.js';

const toUpper = step(async function toUpper(s: string) {
  return s.toUpperCase();
});
const reverse = step(async function reverse(s: string) {
  return s.split('').reverse().join('');
});

/** The seed's basic pipeline: upper-case, then reverse. */
const pipeline = workflow(async function pipeline(data: string) {
  const upper = await toUpper(data);
  return reverse(upper);
});

describe('functional workflow: basics', () => {
  it("runs the seed's pipeline: 'hello' -> ['OLLEH']", async () => {
    const result = await pipeline.run('hello');
    expect(result.getOutputs()).toEqual(['OLLEH']);
    expect(result.getFinalState()).toBe(WorkflowRunState.IDLE);
    expect(pipeline.name).toBe('pipeline');
  });

  it('emits start, status, one start/complete pair per step, the output and the end; no superstep events', async () => {
    const wf = workflow({ name: 'p', createId: sequentialIds('t'), now: () => 0 }, async (data: string) => reverse(await toUpper(data)));
    const { events } = await wf.run('abc');
    expect(eventTypes(events)).toEqual([
      'workflow_start',
      'workflow_status',
      'executor_start',
      'executor_complete',
      'executor_start',
      'executor_complete',
      'workflow_output',
      'workflow_status',
      'workflow_complete',
    ]);
    expect(events[0]).toEqual({ type: 'workflow_start', runId: 't-run-1', workflowName: 'p' });
    expect(events[2]).toEqual({ type: 'executor_start', executorId: 'toUpper', data: { args: ['abc'] } });
    expect(events[3]).toEqual({ type: 'executor_complete', executorId: 'toUpper', durationMs: 0 });
    expect(events[6]).toEqual({ type: 'workflow_output', executorId: 'p', data: 'CBA' });
    expect(events.at(-1)).toEqual({ type: 'workflow_complete', state: 'idle' });
  });

  it("accepts workflow('name', fn) and step('name', fn); undefined is no output", async () => {
    const shout = step('shout', (s: string) => `${s}!`);
    const wf = workflow('named', async (s: string) => {
      await shout(s);
    });
    const result = await wf.run('x');
    expect(wf.name).toBe('named');
    expect(result.getOutputs()).toEqual([]);
    expect(result.events.flatMap((e) => (e.type === 'executor_start' ? [e.executorId] : []))).toEqual(['shout']);
  });

  it('refuses nameless workflows and steps', () => {
    expect(() => step(async () => 1)).toThrow(/needs a name/);
    expect(() => workflow(async () => 1)).toThrow(/needs a name/);
  });

  it('a step called outside any run is a plain call', async () => {
    await expect(toUpper('plain')).resolves.toBe('PLAIN');
    expect(getRunContext()).toBeUndefined();
  });

  it('runs parallel steps with Promise.all: results in order, each step once', async () => {
    const calls: string[] = [];
    const work = step(async function work(label: string, ms: number) {
      calls.push(label);
      await new Promise((r) => setTimeout(r, ms));
      return label.toUpperCase();
    });
    const fanOut = workflow(async function fanOut(items: string[]) {
      return Promise.all(items.map((item, i) => work(item, 10 - i * 3)));
    });
    const result = await fanOut.run(['a', 'b', 'c']);
    expect(result.getOutputs()).toEqual([['A', 'B', 'C']]);
    expect(calls).toEqual(['a', 'b', 'c']);
    expect(result.events.filter((e) => e.type === 'executor_complete')).toHaveLength(3);
  });

  it('streams events live: a reader sees a step start before the function returns', async () => {
    const gate = deferred<string>();
    const slow = step(async function slow() {
      return gate.promise;
    });
    const wf = workflow(async function live() {
      return slow();
    });
    const stream = wf.run(undefined, { stream: true });
    const seen: WorkflowEvent[] = [];
    const iterator = stream[Symbol.asyncIterator]();
    while (seen.at(-1)?.type !== 'executor_start') seen.push((await iterator.next()).value as WorkflowEvent);
    expect(eventTypes(seen)).toEqual(['workflow_start', 'workflow_status', 'executor_start']);
    expect(wf.isRunning).toBe(true);
    gate.resolve('done');
    for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) seen.push(next.value);
    expect(seen.at(-1)).toEqual({ type: 'workflow_complete', state: 'idle' });
    expect((await stream.getFinalResponse()).getOutputs()).toEqual(['done']);
  });

  it('emits custom events and keeps state across runs; isStreaming tells the mode', async () => {
    const wf = workflow(async function counter(n: number, ctx: RunContext) {
      await ctx.addEvent({ type: 'progress', data: { n } });
      ctx.setState('last', n);
      return { previous: ctx.getState('seen', 0), streaming: ctx.isStreaming(), same: getRunContext() === ctx };
    });
    const first = await wf.run(1);
    expect(first.events).toContainEqual({ type: 'custom', name: 'progress', executorId: 'counter', data: { n: 1 } });
    expect(first.getOutputs()).toEqual([{ previous: 0, streaming: false, same: true }]);
    const second = await wf.run(2, { stream: true }).getFinalResponse();
    expect(second.getOutputs()).toEqual([{ previous: 0, streaming: true, same: true }]);
  });

  it('rejects reserved state keys and engine event types', async () => {
    const wf = workflow(async function reserved(what: string, ctx: RunContext) {
      if (what === 'state') ctx.setState('_step_cache', 1);
      else await ctx.addEvent({ type: 'workflow_output' });
    });
    for (const what of ['state', 'event']) {
      const error = await wf.run(what).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkflowRunError);
      expect((error as WorkflowRunError).cause).toBeInstanceOf(WorkflowContextError);
    }
    await expect(wf.run('state')).rejects.toThrow(/State key '_step_cache' is reserved/);
  });

  it('events are plain data that survive structuredClone', async () => {
    const wf = workflow(async function cloneable(s: string, ctx: RunContext) {
      await ctx.addEvent({ type: 'note', data: { at: new Date(0) } });
      return reverse(await toUpper(s));
    });
    const { events } = await wf.run('ab');
    expect(structuredClone(events)).toEqual(events);
  });
});
