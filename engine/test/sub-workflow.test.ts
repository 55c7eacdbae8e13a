// Sub-workflows: WorkflowExecutor runs a child workflow inside one parent superstep.
import { describe, expect, it } from 'vitest';
import { InMemoryCheckpointStorage } from '../src/checkpoint/memory-storage.js';
import type { WorkflowRunError } from '../src/index.js';
import {
  WorkflowBuilder,
  WorkflowExecutor,
  WorkflowViz,
  createSubWorkflowResponse,
  executor,
  isSubWorkflowRequest,
  type SubWorkflowRequest,
  type WorkflowContext,
} from '../src/index.js';
import { relay, sink, startsBySuperstep } from './helpers.js';

/** A child: upper-cases, then yields with an exclamation mark. */
const shoutChild = () => {
  const upper = relay<string>('upper', (s) => s.toUpperCase());
  const exclaim = executor('exclaim', async (s: string, ctx: WorkflowContext<never, string>) => {
    await ctx.yieldOutput(`${s}!`);
  });
  return new WorkflowBuilder({ startExecutor: upper, name: 'shout' }).addEdge(upper, exclaim).build();
};

/** A child that asks a human to approve its input, then yields the verdict. */
const approvalChild = () =>
  new WorkflowBuilder({
    name: 'approval',
    startExecutor: executor(
      {
        id: 'ask',
        input: 'string',
        onResponse: async (draft: string, ok: boolean, ctx: WorkflowContext<never, string>) => {
          await ctx.yieldOutput(ok ? `approved: ${draft}` : `rejected: ${draft}`);
        },
      },
      async (draft: string, ctx: WorkflowContext) => {
        await ctx.requestInfo(draft, { responseType: 'boolean', requestId: `approve-${draft}` });
      },
    ),
  }).build();

describe('WorkflowExecutor', () => {
  it('runs the child inside one parent superstep and sends its outputs on as messages', async () => {
    const a = relay('a');
    const sub = new WorkflowExecutor({ id: 'sub', workflow: shoutChild() });
    const collect = sink('collect');
    const result = await new WorkflowBuilder({ startExecutor: a }).addEdge(a, sub).addEdge(sub, collect).build().run('hi');
    expect(result.getOutputs()).toEqual(['HI!']);
    expect(startsBySuperstep(result)).toEqual(['a@1', 'sub@2', 'collect@3']);
    expect(result.events).toContainEqual({ type: 'executor_output', executorId: 'sub', data: 'HI!' });
  });

  it('re-yields the child outputs as the parent outputs with allowDirectOutput', async () => {
    const sub = new WorkflowExecutor({ id: 'sub', workflow: shoutChild(), allowDirectOutput: true });
    const result = await new WorkflowBuilder({ startExecutor: sub }).build().run('hey');
    expect(result.events).toContainEqual({ type: 'workflow_output', executorId: 'sub', data: 'HEY!' });
  });

  it("surfaces the child's requests to the parent's caller and routes the answers back (propagateRequests)", async () => {
    const sub = new WorkflowExecutor({ id: 'sub', workflow: approvalChild(), propagateRequests: true });
    const out = sink('out');
    const workflow = new WorkflowBuilder({ startExecutor: sub }).addEdge(sub, out).build();
    const paused = await workflow.run('post');
    expect(paused.getFinalState()).toBe('idle_with_pending_requests');
    expect(paused.getRequestInfoEvents()).toEqual([
      { type: 'request_info', requestId: 'approve-post', executorId: 'sub', data: 'post', responseType: 'boolean' },
    ]);
    await expect(workflow.sendResponses({ 'approve-post': 'yes' })).rejects.toThrow(/must be boolean/);
    const done = await workflow.sendResponses({ 'approve-post': true });
    expect(done.getOutputs()).toEqual(['approved: post']);
    expect(done.getFinalState()).toBe('idle');
  });

  it('sends requests downstream as SubWorkflowRequest messages for a parent executor to answer', async () => {
    const sub = new WorkflowExecutor({ id: 'sub', workflow: approvalChild() });
    const seen: SubWorkflowRequest[] = [];
    const reviewer = executor('reviewer', async (message: unknown, ctx: WorkflowContext) => {
      if (isSubWorkflowRequest(message)) {
        seen.push(message);
        await ctx.sendMessage(createSubWorkflowResponse(message, (message.data as string).length < 10), { targetId: message.executorId });
      } else {
        await ctx.yieldOutput(message);
      }
    });
    const workflow = new WorkflowBuilder({ startExecutor: sub }).addEdge(sub, reviewer).addEdge(reviewer, sub).build();
    const result = await workflow.run('short');
    expect(seen.map((r) => r.requestId)).toEqual(['approve-short']);
    expect(result.getOutputs()).toEqual(['approved: short']);
    expect(result.getFinalState()).toBe('idle');
  });

  it("keeps the child's state inside the parent's checkpoint, so a fresh parent can resume it", async () => {
    const storage = new InMemoryCheckpointStorage();
    const build = () => {
      const sub = new WorkflowExecutor({ id: 'sub', workflow: approvalChild(), propagateRequests: true });
      return new WorkflowBuilder({ startExecutor: sub, checkpointStorage: storage }).addEdge(sub, sink('out')).build();
    };
    await build().run('memo', { checkpointId: 'nested' });
    const latest = await storage.latest({ seriesId: 'nested' });
    expect(latest?.state['_executor_state']).toHaveProperty('sub.subWorkflowState');
    const resumed = build();
    const again = await resumed.resume('nested');
    expect(again.getRequestInfoEvents().map((e) => e.requestId)).toEqual(['approve-memo']);
    expect((await resumed.sendResponses({ 'approve-memo': false })).getOutputs()).toEqual(['rejected: memo']);
  });

  it('fails the parent when the child fails, naming both', async () => {
    const child = new WorkflowBuilder({
      name: 'fragile',
      startExecutor: executor('explode', async () => {
        throw new Error('child broke');
      }),
    }).build();
    const workflow = new WorkflowBuilder({ startExecutor: new WorkflowExecutor({ id: 'sub', workflow: child }) }).build();
    const error = (await workflow.run('x').catch((e: unknown) => e)) as WorkflowRunError;
    expect(error.message).toBe(
      "Workflow 'workflow' failed in executor 'sub': Workflow 'fragile' failed in executor 'explode': child broke",
    );
  });

  it("makes the child part of the parent's graph hash and diagram", () => {
    const parent = (child: ReturnType<typeof shoutChild>) =>
      new WorkflowBuilder({ startExecutor: new WorkflowExecutor({ id: 'sub', workflow: child }) }).build();
    const other = new WorkflowBuilder({ startExecutor: relay('upper') }).build();
    expect(parent(shoutChild()).graphHash).toBe(parent(shoutChild()).graphHash);
    expect(parent(shoutChild()).graphHash).not.toBe(parent(other).graphHash);
    expect(new WorkflowViz(parent(shoutChild())).toMermaid()).toContain('subgraph sub');
  });
});
