import { describe, expect, it } from 'vitest';
import {
  WorkflowRunError,
  WorkflowRunState,
  WorkflowStateError,
  getRunContext,
  isWorkflowInterrupt,
  step,
  workflow,
  type RunContext,
  type WorkflowEvent,
} from '../src/index.js';
import { deferred, eventTypes } from './helpers.js';

/** The seed's HITL review: a counted draft step, a review request, then finalize. */
function reviewWorkflow() {
  let drafts = 0;
  const writeDraft = step(async function writeDraft(topic: string) {
    drafts++;
    return `Draft about ${topic}`;
  });
  const review = workflow({ name: 'review' }, async (topic: string, ctx: RunContext) => {
    const draft = await writeDraft(topic);
    const ok = await ctx.requestInfo<boolean>({ draft }, { responseType: 'boolean', requestId: 'review' });
    return ok ? draft.toUpperCase() : 'rejected';
  });
  return { review, drafts: () => drafts };
}

const types = (events: readonly WorkflowEvent[]) => eventTypes(events);

describe('functional workflow: human in the loop', () => {
  it('pauses at requestInfo, then replays on sendResponses with the cached step bypassed', async () => {
    const { review, drafts } = reviewWorkflow();
    const paused = await review.run('AI');
    expect(paused.getOutputs()).toEqual([]);
    expect(paused.getFinalState()).toBe(WorkflowRunState.IDLE_WITH_PENDING_REQUESTS);
    expect(types(paused.events)).toEqual([
      'workflow_start',
      'workflow_status',
      'executor_start',
      'executor_complete',
      'request_info',
      'workflow_status',
      'workflow_status',
      'workflow_complete',
    ]);
    expect(paused.getRequestInfoEvents()).toEqual([
      { type: 'request_info', requestId: 'review', executorId: 'review', data: { draft: 'Draft about AI' }, responseType: 'boolean' },
    ]);
    expect(paused.events[5]).toEqual({ type: 'workflow_status', state: 'in_progress_pending_requests' });
    expect(review.getPendingRequests().map((r) => r.requestId)).toEqual(['review']);

    const done = await review.sendResponses({ review: true });
    expect(done.getOutputs()).toEqual(['DRAFT ABOUT AI']);
    expect(done.getFinalState()).toBe(WorkflowRunState.IDLE);
    expect(done.events).toContainEqual({ type: 'executor_bypassed', executorId: 'writeDraft', data: 'Draft about AI' });
    expect(types(done.events)).not.toContain('executor_start');
    expect(drafts()).toBe(1);
    expect(review.getPendingRequests()).toEqual([]);
  });

  it('keeps unanswered requests pending and assigns aligned auto ids', async () => {
    const ask = step(async function ask(question: string) {
      return getRunContext()?.requestInfo<string>(question, { responseType: 'string' });
    });
    const wf = workflow(async function survey(_: undefined, ctx: RunContext) {
      const [a, b] = await Promise.all([
        ctx.requestInfo<string>('a?', { responseType: 'string', requestId: 'a' }),
        ctx.requestInfo<string>('b?', { responseType: 'string', requestId: 'b' }),
      ]);
      const c = await ask('c?');
      const d = await ctx.requestInfo<string>('d?', { responseType: 'string' });
      return [a, b, c, d].join();
    });
    const first = await wf.run(undefined);
    expect(first.getRequestInfoEvents().map((r) => r.requestId)).toEqual(['a', 'b']);
    const partial = await wf.sendResponses({ a: 'A' });
    expect(partial.getRequestInfoEvents().map((r) => r.requestId)).toEqual(['b']);
    await expect(wf.sendResponses({ a: 'again' })).rejects.toThrow(/Request 'a' .* was already answered; pending: 'b'/);
    expect((await wf.sendResponses({ b: 'B' })).getRequestInfoEvents().map((r) => r.requestId)).toEqual(['auto::0']);
    expect((await wf.sendResponses({ 'auto::0': 'C' })).getRequestInfoEvents().map((r) => r.requestId)).toEqual(['auto::1']);
    // `ask` is cached now and advances the counter by the request it made, so `d` keeps auto::1.
    const done = await wf.sendResponses({ 'auto::1': 'D' });
    expect(done.events).toContainEqual({ type: 'executor_bypassed', executorId: 'ask', data: 'C' });
    expect(done.getOutputs()).toEqual(['A,B,C,D']);
  });

  it('never serves a stale result: a call with other arguments runs live', async () => {
    const seen: string[] = [];
    const echo = step(async function echo(s: string) {
      seen.push(s);
      return s;
    });
    const wf = workflow(async function stale(_: undefined, ctx: RunContext) {
      const name = await ctx.requestInfo<string>('name?', { responseType: 'string', requestId: 'name' });
      const echoed = await echo(name);
      const again = await ctx.requestInfo<string>('again?', { responseType: 'string', requestId: 'again' });
      return [echoed, await echo(again)];
    });
    await wf.run(undefined);
    await wf.sendResponses({ name: 'ann' });
    const done = await wf.sendResponses({ again: 'bob' });
    expect(done.getOutputs()).toEqual([['ann', 'bob']]);
    expect(seen).toEqual(['ann', 'bob']);

    // A fresh run with another input replays nothing from the earlier run.
    const upper = step(async function upper(s: string) {
      return s.toUpperCase();
    });
    const two = workflow(async function two(s: string, ctx: RunContext) {
      const result = await upper(s);
      await ctx.requestInfo('ok?', { responseType: 'any', requestId: 'ok' });
      return result;
    });
    await two.run('first');
    await two.run('second');
    expect((await two.sendResponses({ ok: 1 })).getOutputs()).toEqual(['SECOND']);
  });

  it('rejects answers when nothing waits, for unknown ids and of the wrong type', async () => {
    const { review } = reviewWorkflow();
    await expect(review.sendResponses({ review: true })).rejects.toThrow(WorkflowStateError);
    await expect(review.sendResponses({ review: true })).rejects.toThrow(/nothing waiting for an answer/);
    await review.run('x');
    await expect(review.sendResponses({ nope: true })).rejects.toThrow(/No pending request 'nope' .*; pending: 'review'/);
    await expect(review.sendResponses({ review: 'yes' })).rejects.toThrow(/request 'review' must be boolean/);
    expect((await review.sendResponses({ review: false })).getOutputs()).toEqual(['rejected']);
    await expect(review.sendResponses({ review: true })).rejects.toThrow(/nothing waiting/);
  });

  it('a replay that fails keeps the requests pending, so a corrected answer can follow (streamed)', async () => {
    const check = step(async function check(n: number) {
      if (n < 0) throw new RangeError('negative');
      return n * 2;
    });
    const wf = workflow(async function doubler(_: undefined, ctx: RunContext) {
      return check(await ctx.requestInfo<number>('n?', { responseType: 'number', requestId: 'n' }));
    });
    await wf.run(undefined);
    await expect(wf.sendResponses({ n: -1 })).rejects.toThrow(/failed in step 'check': negative/);
    expect(wf.getPendingRequests().map((r) => r.requestId)).toEqual(['n']);
    const stream = wf.sendResponses({ n: 21 }, { stream: true });
    const seen: string[] = [];
    for await (const event of stream) seen.push(event.type);
    expect(seen.slice(-3)).toEqual(['workflow_output', 'workflow_status', 'workflow_complete']);
    expect((await stream.getFinalResponse()).getOutputs()).toEqual([42]);
  });

  it('a step that throws fails the run with an error event naming the step', async () => {
    const boom = step(async function boom(): Promise<string> {
      throw new RangeError('kaput');
    });
    const wf = workflow(async function failing() {
      return boom();
    });
    const error = (await wf.run(undefined).catch((e: unknown) => e)) as WorkflowRunError;
    expect(error).toBeInstanceOf(WorkflowRunError);
    expect(error.executorId).toBe('boom');
    expect(error.cause).toBeInstanceOf(RangeError);
    expect(error.message).toMatch(/failed in step 'boom': kaput/);
    expect(types(error.result.events).slice(-4)).toEqual(['executor_start', 'error', 'workflow_status', 'workflow_complete']);
    expect(error.result.events.find((e) => e.type === 'error')).toMatchObject({
      executorId: 'boom',
      error: { name: 'RangeError', message: 'kaput' },
    });
    expect(error.result.getFinalState()).toBe('failed');
    expect(wf.isRunning).toBe(false);
  });

  it('an interrupt passes through `instanceof Error` catches; isWorkflowInterrupt recognises it', async () => {
    let caught: unknown;
    const wf = workflow(async function guarded(_: undefined, ctx: RunContext) {
      try {
        return await ctx.requestInfo('?', { responseType: 'any', requestId: 'q' });
      } catch (e) {
        caught = e;
        if (isWorkflowInterrupt(e) || !(e instanceof Error)) throw e;
        return 'swallowed';
      }
    });
    expect((await wf.run(undefined)).getFinalState()).toBe('idle_with_pending_requests');
    expect(caught instanceof Error).toBe(false);
    expect(isWorkflowInterrupt(caught)).toBe(true);
    expect(isWorkflowInterrupt(new Error('x'))).toBe(false);
  });

  it('runs one run at a time per instance, and cancel() ends a run as cancelled', async () => {
    const gate = deferred();
    const wait = step(async function wait() {
      await gate.promise;
      return 'late';
    });
    const wf = workflow(async function blocking() {
      return wait();
    });
    const first = wf.run(undefined);
    await expect(wf.run(undefined)).rejects.toThrow(/already running/);
    wf.cancel();
    const result = await first;
    expect(result.getFinalState()).toBe('cancelled');
    expect(result.getOutputs()).toEqual([]);
    expect(wf.isRunning).toBe(false);
    gate.resolve();
    expect((await wf.run(undefined)).getOutputs()).toEqual(['late']);
  });
});
