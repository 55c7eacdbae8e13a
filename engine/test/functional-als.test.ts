import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installAsyncLocalStorage } from '../src/node.js';
import { setRunContextStorage, step, workflow, WorkflowStateError, type RunContext } from '../src/index.js';
import { deferred } from './helpers.js';

describe('functional workflow: overlapping runs with AsyncLocalStorage', () => {
  beforeAll(() => {
    installAsyncLocalStorage();
  });
  afterAll(() => {
    setRunContextStorage(undefined);
  });

  it('isolates overlapping runs: each sees only its own steps, cache and requests', async () => {
    const gates = { a: deferred(), b: deferred() };
    const calls: string[] = [];
    const hold = step(async function hold(key: 'a' | 'b') {
      calls.push(key);
      await gates[key].promise;
      return key.toUpperCase();
    });
    const make = (name: string) =>
      workflow(name, async (key: 'a' | 'b', ctx: RunContext) => {
        const held = await hold(key);
        const answer = await ctx.requestInfo<string>(held, { responseType: 'string', requestId: 'q' });
        return `${name}:${held}:${answer}`;
      });
    const one = make('one');
    const two = make('two');
    const runOne = one.run('a');
    const runTwo = two.run('b');
    gates.b.resolve();
    const pausedTwo = await runTwo;
    gates.a.resolve();
    const pausedOne = await runOne;
    expect(pausedOne.getRequestInfoEvents()[0]).toMatchObject({ executorId: 'one', data: 'A' });
    expect(pausedTwo.getRequestInfoEvents()[0]).toMatchObject({ executorId: 'two', data: 'B' });
    expect(pausedOne.events.filter((e) => e.type === 'executor_start')).toEqual([
      { type: 'executor_start', executorId: 'hold', data: { args: ['a'] } },
    ]);
    expect(pausedTwo.events.filter((e) => e.type === 'executor_start')).toEqual([
      { type: 'executor_start', executorId: 'hold', data: { args: ['b'] } },
    ]);

    const [doneOne, doneTwo] = await Promise.all([one.sendResponses({ q: 'yes' }), two.sendResponses({ q: 'no' })]);
    expect(doneOne.getOutputs()).toEqual(['one:A:yes']);
    expect(doneTwo.getOutputs()).toEqual(['two:B:no']);
    expect(calls.sort()).toEqual(['a', 'b']);
  });

  it('refuses to change the store while a run is active', async () => {
    const gate = deferred();
    const wf = workflow(async function busy() {
      await gate.promise;
    });
    const running = wf.run(undefined);
    expect(() => {
      setRunContextStorage(undefined);
    }).toThrow(WorkflowStateError);
    gate.resolve();
    await running;
  });
});
