import { describe, expect, it } from 'vitest';
import {
  InMemoryCheckpointStorage,
  WorkflowCheckpointError,
  WorkflowRunError,
  step,
  workflow,
  type CheckpointStorage,
  type RunContext,
  type WorkflowCheckpoint,
} from '../src/index.js';
import { deferred, eventTypes } from './helpers.js';

/** Counts live step executions by name. */
function counter() {
  const runs: Record<string, number> = {};
  return { runs, count: (name: string) => (runs[name] = (runs[name] ?? 0) + 1) };
}

/** The seed's checkpointing example: two steps, a gate to hold the second, a review at the end. */
function definition(storage: CheckpointStorage, gate?: Promise<void>) {
  const { runs, count } = counter();
  const fetchData = step(async function fetchData(url: string) {
    count('fetchData');
    return { url, fetched: new Date(0) };
  });
  const summarize = step(async function summarize(data: { url: string }) {
    await gate;
    count('summarize');
    return `summary of ${data.url}`;
  });
  const fn = async (url: string, ctx: RunContext) => {
    const data = await fetchData(url);
    ctx.setState('fetchedAt', data.fetched);
    const summary = await summarize(data);
    const ok = await ctx.requestInfo<boolean>({ summary }, { responseType: 'boolean', requestId: 'review' });
    return ok ? summary : 'rejected';
  };
  return { make: () => workflow({ name: 'research', checkpointStorage: storage }, fn), runs };
}

describe('functional workflow: checkpoints', () => {
  it('writes a checkpoint after each live step and at the pause, and resumes on a fresh instance', async () => {
    const storage = new InMemoryCheckpointStorage();
    const { make, runs } = definition(storage);
    const paused = await make().run('https://x', { checkpointId: 'run_1' });
    expect(eventTypes(paused.events).filter((t) => t === 'checkpoint_saved')).toHaveLength(3);
    const saved = await storage.list({ seriesId: 'run_1' });
    expect(saved.map((c) => c.sequence)).toEqual([0, 1, 2]);
    const last = saved[2] as WorkflowCheckpoint;
    expect(last).toMatchObject({ workflowName: 'research', superstep: 0, messages: [], metadata: { kind: 'functional' } });
    expect(last.pendingRequests).toEqual([
      { requestId: 'review', executorId: 'research', data: { summary: 'summary of https://x' }, responseType: 'boolean' },
    ]);
    expect(Object.keys(last.state).sort()).toEqual([
      '_original_message',
      '_responses',
      '_step_cache',
      '_step_cache_auto_request_counts',
      'fetchedAt',
    ]);
    expect(last.parentId).toBe(saved[1]?.checkpointId);

    // The same definition, a new instance (a restarted process): the request comes back, then the answer finishes it.
    const again = await make().resume('run_1');
    expect(again.getRequestInfoEvents().map((r) => r.requestId)).toEqual(['review']);
    const done = await make().resume('run_1', { responses: { review: true } });
    expect(done.getOutputs()).toEqual(['summary of https://x']);
    expect(done.events.flatMap((e) => (e.type === 'executor_bypassed' ? [e.executorId] : []))).toEqual(['fetchData', 'summarize']);
    expect(runs).toEqual({ fetchData: 1, summarize: 1 });
    expect((await storage.latest({ seriesId: 'run_1' }))?.pendingRequests).toEqual([]);
  });

  it('recovers from a crash mid-run: completed steps are not run again and the output is the same', async () => {
    const storage = new InMemoryCheckpointStorage();
    const gate = deferred();
    const crashing = definition(storage, gate.promise);
    const doomed = crashing.make();
    const stream = doomed.run('https://y', { stream: true, checkpointId: 'crash' });
    for await (const event of stream) if (event.type === 'checkpoint_saved') break; // fetchData is saved; summarize hangs
    expect(crashing.runs).toEqual({ fetchData: 1 });
    doomed.cancel(); // the crash: the run ends, writing nothing more (and frees the realm for the next run)
    expect((await stream.getFinalResponse()).getFinalState()).toBe('cancelled');

    const fresh = definition(storage);
    const instance = fresh.make();
    const resumed = await instance.resume('crash');
    expect(fresh.runs).toEqual({ summarize: 1 });
    expect(resumed.events).toContainEqual({
      type: 'executor_bypassed',
      executorId: 'fetchData',
      data: { url: 'https://y', fetched: new Date(0) },
    });
    expect((await instance.sendResponses({ review: true })).getOutputs()).toEqual(['summary of https://y']);
    gate.resolve();
  });

  it('forks from one checkpoint id; the series goes on from there', async () => {
    const storage = new InMemoryCheckpointStorage();
    const { make } = definition(storage);
    await make().run('https://z', { checkpointId: 'series' });
    const [first] = await storage.list({ seriesId: 'series' });
    // 'review' was not asked yet at the first checkpoint (after fetchData)
    await expect(make().resume(first!.checkpointId, { responses: { review: false } })).rejects.toThrow(/nothing waiting for an answer/);
    const resumed = await make().resume(first!.checkpointId);
    expect(resumed.getRequestInfoEvents()).toHaveLength(1);
    // summarize ran again (checkpoint 3, whose parent is the fork point), then the pause (checkpoint 4)
    const all = await storage.list({ seriesId: 'series' });
    expect(all.map((c) => c.sequence)).toEqual([0, 1, 2, 3, 4]);
    expect(all[3]?.parentId).toBe(first!.checkpointId);
  });

  it('refuses a checkpoint of changed code, of another workflow, and an unknown id, naming it', async () => {
    const storage = new InMemoryCheckpointStorage();
    await definition(storage).make().run('u', { checkpointId: 's1' });
    const changed = workflow({ name: 'research', checkpointStorage: storage }, async (url: string) => url);
    await expect(changed.resume('s1')).rejects.toThrow(WorkflowCheckpointError);
    await expect(changed.resume('s1')).rejects.toThrow(
      /different version of functional workflow 'research': the workflow function's code changed/,
    );
    const other = workflow({ name: 'other', checkpointStorage: storage }, async (url: string) => url);
    await expect(other.resume('s1')).rejects.toThrow(/belongs to workflow 'research'/);
    await expect(changed.resume('missing')).rejects.toThrow(/No checkpoint or checkpoint series 'missing'/);
    await expect(workflow('bare', async () => 1).resume('s1')).rejects.toThrow(/needs a checkpoint storage/);
  });

  it('checks answers on replay when only the live code knows the response type', async () => {
    const isApproval = (value: unknown): value is { ok: boolean } => typeof value === 'object' && value !== null && 'ok' in value;
    const storage = new InMemoryCheckpointStorage();
    const make = () =>
      workflow({ name: 'typed', checkpointStorage: storage }, async (_: undefined, ctx: RunContext) => {
        const answer = await ctx.requestInfo<{ ok: boolean }>('approve?', { responseType: isApproval, requestId: 'approval' });
        return answer.ok;
      });
    await make().run(undefined, { checkpointId: 'typed' });
    expect((await storage.latest({ seriesId: 'typed' }))?.pendingRequests[0]?.responseType).toEqual({ description: 'isApproval' });
    const error = (await make()
      .resume('typed', { responses: { approval: 'yes' } })
      .catch((e: unknown) => e)) as WorkflowRunError;
    expect(error).toBeInstanceOf(WorkflowRunError);
    expect(error.message).toMatch(/request 'approval' must be isApproval/);
    expect((await make().resume('typed', { responses: { approval: { ok: true } } })).getOutputs()).toEqual([true]);
  });

  it('a checkpoint that cannot be written fails the run', async () => {
    const storage = new InMemoryCheckpointStorage();
    storage.save = () => Promise.reject(new Error('disk full'));
    const { make } = definition(storage);
    const error = (await make()
      .run('v')
      .catch((e: unknown) => e)) as WorkflowRunError;
    expect(error).toBeInstanceOf(WorkflowRunError);
    expect(error.cause).toBeInstanceOf(WorkflowCheckpointError);
    expect(error.message).toMatch(/disk full/);
    expect(eventTypes(error.result.events).slice(-3)).toEqual(['error', 'workflow_status', 'workflow_complete']);
  });
});
