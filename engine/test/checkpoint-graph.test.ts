// Checkpoints of graph workflows: when they are written, what they hold, resume, time travel,
// changed graphs, crash recovery.
import { describe, expect, it } from 'vitest';
import { InMemoryCheckpointStorage } from '../src/checkpoint/memory-storage.js';
import {
  Executor,
  WorkflowBuilder,
  WorkflowCheckpointError,
  WorkflowRunError,
  executor,
  handler,
  type WorkflowContext,
} from '../src/index.js';
import { relay, sink, startsBySuperstep } from './helpers.js';

const chain = (storage: InMemoryCheckpointStorage, log: string[] = [], failOnce?: { id: string; failed: boolean }) => {
  const step = (id: string, next: (s: string) => string) =>
    executor(id, async (s: string, ctx: WorkflowContext<string>) => {
      log.push(id);
      if (failOnce?.id === id && !failOnce.failed) {
        failOnce.failed = true;
        throw new Error(`${id} crashed`);
      }
      await ctx.sendMessage(next(s));
    });
  const a = step('a', (s) => s.toUpperCase());
  const b = step('b', (s) => `${s}!`);
  const c = step('c', (s) => `<${s}>`);
  return new WorkflowBuilder({ startExecutor: a, name: 'chain', checkpointStorage: storage }).addChain([a, b, c, sink('out')]).build();
};

describe('writing checkpoints', () => {
  it('writes one at entry and one after every superstep, in one named series', async () => {
    const storage = new InMemoryCheckpointStorage();
    const result = await chain(storage).run('hi', { checkpointId: 'run_123' });
    const saved = result.events.filter((e) => e.type === 'checkpoint_saved');
    expect(saved.map((e) => e.superstep)).toEqual([0, 1, 2, 3, 4]);
    const list = await storage.list({ seriesId: 'run_123' });
    expect(list.map((c) => c.sequence)).toEqual([0, 1, 2, 3, 4]);
    expect(list.map((c) => c.parentId)).toEqual([null, ...list.slice(0, -1).map((c) => c.checkpointId)]);
    expect(list[0]).toMatchObject({
      workflowName: 'chain',
      superstep: 0,
      messages: [{ sourceId: 'internal:a', targetId: 'a', data: 'hi' }],
      pendingRequests: [],
    });
    expect(list[1]?.messages).toEqual([{ sourceId: 'a', data: 'HI' }]);
    expect(list.at(-1)?.messages).toEqual([]);
    // checkpoint_saved comes before superstep_complete, as in Agent Framework
    const types = result.events.map((e) => e.type);
    expect(types.indexOf('checkpoint_saved', types.indexOf('superstep_start'))).toBeLessThan(types.indexOf('superstep_complete'));
  });

  it('holds state values JSON cannot (Date, Map, Set, bigint, undefined) and gives them back', async () => {
    const storage = new InMemoryCheckpointStorage();
    const rich = { at: new Date('2026-11-21T10:00:00Z'), tags: new Set(['x']), counts: new Map([['a', 1n]]), missing: undefined };
    const build = () =>
      new WorkflowBuilder({
        startExecutor: executor(
          {
            id: 'keep',
            onResponse: async (_r: unknown, _a: boolean, ctx: WorkflowContext<never>) => {
              await ctx.yieldOutput(ctx.getState('rich'));
            },
          },
          async (_: unknown, ctx: WorkflowContext) => {
            ctx.setState('rich', rich);
            await ctx.requestInfo('continue?', { responseType: 'boolean', requestId: 'go' });
          },
        ),
        checkpointStorage: storage,
      }).build();
    await build().run(0, { checkpointId: 'rich' });
    const stored = await storage.latest({ seriesId: 'rich' });
    expect(stored?.state['rich']).toMatchObject({ at: { $type: 'Date' } });
    const [output] = (await build().resume('rich', { responses: { go: true } })).getOutputs();
    expect(output).toEqual(rich);
    expect((output as typeof rich).at).toBeInstanceOf(Date);
    expect((output as typeof rich).counts.get('a')).toBe(1n);
    expect('missing' in (output as object)).toBe(true);
  });

  it('stores executor snapshots and fan-in buffers, and restores them', async () => {
    class Tally extends Executor {
      total = 0;
      @handler({ input: 'number' })
      async add(n: number, ctx: WorkflowContext<number>) {
        this.total += n;
        await ctx.sendMessage(this.total);
      }
      override onCheckpointSave() {
        return { total: this.total };
      }
      override onCheckpointRestore(state: unknown) {
        this.total = (state as { total: number }).total;
      }
    }
    const storage = new InMemoryCheckpointStorage();
    const build = () => {
      const src = relay('src');
      const tally = new Tally('tally');
      const slow = relay<number>('slow');
      const slower = relay<number>('slower');
      const join = executor({ id: 'join', input: 'array' }, async (items: number[], ctx: WorkflowContext) => {
        await ctx.yieldOutput(items);
      });
      const workflow = new WorkflowBuilder({ startExecutor: src, checkpointStorage: storage })
        .addFanOutEdges(src, [tally, slow])
        .addEdge(slow, slower)
        .addFanInEdges([tally, slower], join)
        .build();
      return { workflow, tally };
    };
    const first = build();
    first.tally.total = 100;
    const result = await first.workflow.run(5, { checkpointId: 'fan' });
    expect(result.getOutputs()).toEqual([[105, 5]]);
    // superstep 3 routed tally's total into the fan-in; slower's value arrives in superstep 4
    const afterStep3 = (await storage.list({ seriesId: 'fan' })).find((c) => c.superstep === 3);
    expect(afterStep3?.state['_executor_state']).toEqual({ tally: { total: 105 } });
    expect(afterStep3?.state['_edge_state']).toEqual({ 'fan_in:join:2': { tally: [105] } });
    const second = build();
    const replay = await second.workflow.resume(afterStep3!.checkpointId);
    expect(replay.getOutputs()).toEqual([[105, 5]]);
    expect(second.tally.total).toBe(105);
  });
});

describe('resuming', () => {
  it('resume(series) continues from its latest checkpoint on a fresh instance, re-emitting pending requests', async () => {
    const storage = new InMemoryCheckpointStorage();
    const build = () => {
      const ask = executor(
        {
          id: 'ask',
          onResponse: async (draft: string, ok: boolean, ctx: WorkflowContext<string>) => {
            await ctx.sendMessage(ok ? draft : 'rejected');
          },
        },
        async (draft: string, ctx: WorkflowContext) => {
          await ctx.requestInfo(draft, { responseType: 'boolean', requestId: 'review' });
        },
      );
      return new WorkflowBuilder({ startExecutor: ask, checkpointStorage: storage }).addEdge(ask, sink('done')).build();
    };
    const paused = await build().run('draft 1', { checkpointId: 'review-run' });
    expect(paused.getFinalState()).toBe('idle_with_pending_requests');

    const fresh = build();
    const resumed = await fresh.resume('review-run');
    expect(resumed.getRequestInfoEvents().map((e) => e.requestId)).toEqual(['review']);
    expect(resumed.getFinalState()).toBe('idle_with_pending_requests');
    const done = await fresh.sendResponses({ review: true });
    expect(done.getOutputs()).toEqual(['draft 1']);
    // the answer wrote a response-entry checkpoint and the rest of the series
    const series = await storage.list({ seriesId: 'review-run' });
    expect(series.map((c) => c.sequence)).toEqual([...series.keys()]);
    expect(series.at(-1)?.pendingRequests).toEqual([]);

    // resume with the answers at once (e.g. after a reload)
    await build().run('draft 2', { checkpointId: 'review-2' });
    expect((await build().resume('review-2', { responses: { review: false } })).getOutputs()).toEqual(['rejected']);
  });

  it('forks from any single checkpoint ("time travel")', async () => {
    const storage = new InMemoryCheckpointStorage();
    const log: string[] = [];
    await chain(storage, log).run('go', { checkpointId: 'tt' });
    const afterA = (await storage.list({ seriesId: 'tt' })).find((c) => c.superstep === 1)!;
    log.length = 0;
    const forked = await chain(storage, log).resume(afterA.checkpointId);
    expect(forked.getOutputs()).toEqual(['<GO!>']);
    expect(log).toEqual(['b', 'c']);
    expect(startsBySuperstep(forked)).toEqual(['b@2', 'c@3', 'out@4']);
  });

  it('refuses a checkpoint of a different graph, saying what changed', async () => {
    const storage = new InMemoryCheckpointStorage();
    await chain(storage).run('x', { checkpointId: 'g' });
    const a = relay('a');
    const other = new WorkflowBuilder({ startExecutor: a, name: 'chain', checkpointStorage: storage })
      .addEdge(a, relay('b'))
      .addEdge(a, sink('z'))
      .build();
    const error = (await other.resume('g').catch((e: unknown) => e)) as WorkflowCheckpointError;
    expect(error).toBeInstanceOf(WorkflowCheckpointError);
    expect(error.message).toMatch(/was written by a different graph than workflow 'chain'/);
    expect(error.message).toMatch(/executor 'c' was removed/);
    expect(error.message).toMatch(/executor 'z' was added/);
    expect(error.message).toMatch(/edge group 'single b -> c' was removed/);
  });

  it('names an unknown checkpoint or series and lists the known series', async () => {
    const storage = new InMemoryCheckpointStorage();
    await chain(storage).run('x', { checkpointId: 'known' });
    const error = (await chain(storage)
      .resume('missing')
      .catch((e: unknown) => e)) as WorkflowRunError;
    expect(error.message).toMatch(/No checkpoint or checkpoint series 'missing' \(known series: known\)/);
  });

  it('needs a storage to resume', async () => {
    const workflow = new WorkflowBuilder({ startExecutor: relay('a') }).build();
    await expect(workflow.resume('x')).rejects.toThrow(/resume\('x'\) needs a checkpoint storage/);
  });
});

describe('crash recovery', () => {
  it('resumes a crashed run on a new instance with the same outputs and calls, repeating only the failed one', async () => {
    const referenceLog: string[] = [];
    const reference = await chain(new InMemoryCheckpointStorage(), referenceLog).run('ok');

    const storage = new InMemoryCheckpointStorage();
    const log: string[] = [];
    const crashed = await chain(storage, log, { id: 'b', failed: false })
      .run('ok', { checkpointId: 'crash' })
      .catch((e: unknown) => e);
    expect(crashed).toBeInstanceOf(WorkflowRunError);
    expect(log).toEqual(['a', 'b']);

    const recovered = await chain(storage, log).resume('crash');
    expect(recovered.getOutputs()).toEqual(reference.getOutputs());
    expect(log).toEqual(['a', 'b', 'b', 'c']);
    expect(referenceLog).toEqual(['a', 'b', 'c']);
  });
});
