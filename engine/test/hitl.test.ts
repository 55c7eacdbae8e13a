// Human in the loop: ctx.requestInfo, response handlers, sendResponses, partial answers, bad answers.
import { describe, expect, it } from 'vitest';
import {
  Executor,
  WorkflowBuilder,
  WorkflowStateError,
  executor,
  handler,
  responseHandler,
  type WorkflowContext,
  type WorkflowEvent,
} from '../src/index.js';
import { relay, sink } from './helpers.js';

interface Draft {
  text: string;
}

class Approval extends Executor {
  asked = 0;

  @handler({ input: 'object' })
  async ask(draft: Draft, ctx: WorkflowContext) {
    this.asked++;
    await ctx.requestInfo(draft, { responseType: 'boolean', requestId: `approve:${draft.text}` });
  }

  @responseHandler({ response: 'boolean' })
  async answered(draft: Draft, approved: boolean, ctx: WorkflowContext<string>) {
    expect(ctx.requestId).toBe(`approve:${draft.text}`);
    await ctx.sendMessage(approved ? `published: ${draft.text}` : `rejected: ${draft.text}`);
  }
}

const build = () => {
  const approval = new Approval('approval');
  const publish = sink('publish');
  return { approval, workflow: new WorkflowBuilder({ startExecutor: approval }).addEdge(approval, publish).build() };
};

describe('requestInfo and sendResponses', () => {
  it('pauses with a request, then resumes the response handler with the answer', async () => {
    const { workflow, approval } = build();
    const first = await workflow.run({ text: 'post' });
    expect(first.getFinalState()).toBe('idle_with_pending_requests');
    expect(first.getOutputs()).toEqual([]);
    expect(first.getRequestInfoEvents()).toEqual([
      { type: 'request_info', requestId: 'approve:post', executorId: 'approval', data: { text: 'post' }, responseType: 'boolean' },
    ]);
    const statuses = first.events.flatMap((e) => (e.type === 'workflow_status' ? [e.state] : []));
    expect(statuses).toEqual(['in_progress', 'in_progress_pending_requests', 'idle_with_pending_requests']);
    expect(workflow.pendingRequestIds).toEqual(['approve:post']);

    const second = await workflow.sendResponses({ 'approve:post': true });
    expect(second.getOutputs()).toEqual(['published: post']);
    expect(second.getFinalState()).toBe('idle');
    expect(approval.asked).toBe(1);
    // supersteps continue across the pause: the answer is handled in superstep 2
    expect(second.events.find((e) => e.type === 'superstep_start')).toEqual({ type: 'superstep_start', superstep: 2 });
  });

  it('answers through a stream too', async () => {
    const { workflow } = build();
    await workflow.run({ text: 'x' });
    const seen: WorkflowEvent[] = [];
    for await (const event of workflow.sendResponses({ 'approve:x': false }, { stream: true })) seen.push(event);
    expect(seen.filter((e) => e.type === 'workflow_output').map((e) => (e as { data: unknown }).data)).toEqual(['rejected: x']);
  });

  it('keeps unanswered requests pending after a partial answer', async () => {
    const ask = executor(
      {
        id: 'ask',
        input: 'array',
        onResponse: async (request: { topic: string }, answer: string, ctx: WorkflowContext<never, string>) => {
          await ctx.yieldOutput(`${request.topic}=${answer}`);
        },
      },
      async (topics: string[], ctx: WorkflowContext) => {
        for (const topic of topics) await ctx.requestInfo({ topic }, { responseType: 'string', requestId: topic });
      },
    );
    const workflow = new WorkflowBuilder({ startExecutor: ask }).build();
    await workflow.run(['a', 'b', 'c']);
    const partial = await workflow.sendResponses({ b: 'yes' });
    expect(partial.getOutputs()).toEqual(['b=yes']);
    expect(partial.getFinalState()).toBe('idle_with_pending_requests');
    expect(workflow.pendingRequestIds).toEqual(['a', 'c']);
    const rest = await workflow.sendResponses({ a: '1', c: '3' });
    expect(rest.getOutputs()).toEqual(['a=1', 'c=3']);
    expect(rest.getFinalState()).toBe('idle');
  });

  it('checks an answer against the response type, and nothing is consumed', async () => {
    const { workflow } = build();
    await workflow.run({ text: 'p' });
    await expect(workflow.sendResponses({ 'approve:p': 'yes' })).rejects.toThrow(
      /The answer to request 'approve:p' must be boolean, got "yes"/,
    );
    expect(workflow.pendingRequestIds).toEqual(['approve:p']);
    expect((await workflow.sendResponses({ 'approve:p': true })).getOutputs()).toEqual(['published: p']);
  });

  it('rejects an unknown id, listing the pending ones', async () => {
    const { workflow } = build();
    await workflow.run({ text: 'p' });
    await expect(workflow.sendResponses({ nope: true })).rejects.toThrow(
      "No pending request 'nope' in workflow 'workflow' (already answered, or never asked); pending: approve:p",
    );
  });

  it('rejects answering twice', async () => {
    const { workflow } = build();
    await workflow.run({ text: 'p' });
    await workflow.sendResponses({ 'approve:p': true });
    const error = await workflow.sendResponses({ 'approve:p': true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowStateError);
    expect(String(error)).toMatch(/has no pending requests to answer \(got 'approve:p'\)/);
  });

  it('rejects answering a run that was never paused', async () => {
    const workflow = new WorkflowBuilder({ startExecutor: relay('a') }).build();
    await workflow.run(1);
    await expect(workflow.sendResponses({ r1: true })).rejects.toThrow(/never paused for a human/);
    const stream = new WorkflowBuilder({ startExecutor: relay('a') }).build().sendResponses({ r1: true }, { stream: true });
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toThrow(WorkflowStateError);
  });

  it('gives requests without an id a fresh one', async () => {
    const ask = executor('ask', async (_: unknown, ctx: WorkflowContext) => {
      const id = await ctx.requestInfo('ok?', { responseType: 'string' });
      await ctx.yieldOutput(id);
    });
    const result = await new WorkflowBuilder({ startExecutor: ask }).build().run(0);
    const [event] = result.getRequestInfoEvents();
    expect(event?.requestId).toMatch(/^request_/);
    expect(result.getOutputs()).toEqual([event?.requestId]);
  });

  it('drops (visibly) an answer the executor has no response handler for', async () => {
    const ask = executor('ask', async (_: unknown, ctx: WorkflowContext) => {
      await ctx.requestInfo('q', { responseType: 'string', requestId: 'q1' });
    });
    const workflow = new WorkflowBuilder({ startExecutor: ask }).build();
    await workflow.run(0);
    const result = await workflow.sendResponses({ q1: 'a' });
    expect(result.events).toContainEqual({
      type: 'message_dropped',
      sourceId: 'internal:ask',
      targetId: 'ask',
      reason: 'no_matching_handler',
      data: 'a',
    });
  });

  it('accepts JSON Schema response types and checks answers against them', async () => {
    const ask = executor(
      {
        id: 'ask',
        onResponse: async (_q: unknown, answer: { score: number }, ctx: WorkflowContext<never, number>) => {
          await ctx.yieldOutput(answer.score);
        },
      },
      async (_: unknown, ctx: WorkflowContext) => {
        await ctx.requestInfo('rate', {
          responseType: { type: 'object', required: ['score'], properties: { score: { type: 'integer', minimum: 1, maximum: 5 } } },
          requestId: 'rate',
        });
      },
    );
    const workflow = new WorkflowBuilder({ startExecutor: ask }).build();
    await workflow.run(0);
    await expect(workflow.sendResponses({ rate: { score: 9 } })).rejects.toThrow(/must be JSON Schema \(object\)/);
    expect((await workflow.sendResponses({ rate: { score: 4 } })).getOutputs()).toEqual([4]);
  });
});
