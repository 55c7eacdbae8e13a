// Agents as executors on the offline MockChatClient: the seed's writer/reviewer workflow and its
// four-agent content pipeline, streaming deltas, conversations, determinism.
import { describe, expect, it } from 'vitest';
import { InMemoryCheckpointStorage } from '../src/checkpoint/memory-storage.js';
import {
  AgentExecutor,
  MockChatClient,
  WorkflowBuilder,
  executor,
  isAgentExecutorResponse,
  type AgentExecutorResponse,
  type AgentResponse,
  type WorkflowContext,
  type WorkflowEvent,
} from '../src/index.js';

const client = new MockChatClient();

const writerAndReviewer = () => {
  const writer = client.asAgent({ instructions: 'You are a content writer. Create content based on requests.', name: 'Writer' });
  const reviewer = client.asAgent({ instructions: 'You are a content reviewer. Provide concise, actionable feedback.', name: 'Reviewer' });
  return new WorkflowBuilder({ startExecutor: writer }).addEdge(writer, reviewer).build();
};

describe("the seed's writer/reviewer workflow", () => {
  it('yields one response per agent, authored by it, the reviewer building on the writer', async () => {
    const events = await writerAndReviewer().run('Create a slogan for an affordable electric SUV');
    const lines = events.getOutputs<AgentResponse>().map((output) => `${output.messages[0]?.authorName ?? ''}: ${output.text}`);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Writer: Draft for "Create a slogan for an affordable electric SUV" by Writer \(a content writer\)\./);
    expect(lines[1]).toMatch(
      /^Reviewer: Review of "Create a slogan for an affordable electric SUV" by Reviewer \(a content reviewer\)\. Building on Writer: "Draft for/,
    );
  });

  it('sends the whole conversation downstream', async () => {
    const events = await writerAndReviewer().run('Slogan, please');
    const sent = events.events.flatMap((e) => (e.type === 'executor_output' && isAgentExecutorResponse(e.data) ? [e.data] : []));
    const last = sent.at(-1) as AgentExecutorResponse;
    expect(last.executorId).toBe('Reviewer');
    expect(last.fullConversation.map((m) => `${m.role}:${m.authorName ?? ''}`)).toEqual([
      'user:',
      'assistant:Writer',
      'assistant:Reviewer',
    ]);
  });

  it('uses the agent name as the executor id, one wrapper per agent', () => {
    const workflow = writerAndReviewer();
    expect(workflow.getExecutors().map((e) => [e.id, e.typeName])).toEqual([
      ['Writer', 'AgentExecutor'],
      ['Reviewer', 'AgentExecutor'],
    ]);
  });

  it('is deterministic: the same input gives the same replies', async () => {
    const a = await writerAndReviewer().run('Same input');
    const b = await writerAndReviewer().run('Same input');
    expect(a.getOutputs()).toEqual(b.getOutputs());
  });
});

describe("the seed's content creation pipeline (four agents)", () => {
  it('runs researcher -> writer -> editor -> reviewer, each stage visibly distinct', async () => {
    const researcher = client.asAgent({ name: 'Researcher', instructions: 'Research topics and gather information.' });
    const writer = client.asAgent({ name: 'Writer', instructions: 'Write engaging content based on research.' });
    const editor = client.asAgent({ name: 'Editor', instructions: 'Edit and improve content for clarity and style.' });
    const reviewer = client.asAgent({ name: 'Reviewer', instructions: 'Review content and provide final approval.' });
    const workflow = new WorkflowBuilder({ startExecutor: researcher })
      .addEdge(researcher, writer)
      .addEdge(writer, editor)
      .addEdge(editor, reviewer)
      .build();

    const events = await workflow.run('Create a blog post about quantum computing');

    const texts = events.getOutputs<AgentResponse>().map((o) => o.text);
    expect(texts.map((t) => t.split(' "')[0])).toEqual(['Research notes on', 'Draft for', 'Edited version of', 'Review of']);
    expect(new Set(texts).size).toBe(4);
    expect(texts[3]).toContain('Building on Editor');
  });
});

describe('streaming agents', () => {
  it('emits agent_update deltas that join to the response text, before the response', async () => {
    const events: WorkflowEvent[] = [];
    for await (const event of writerAndReviewer().run('Stream it', { stream: true })) events.push(event);
    for (const name of ['Writer', 'Reviewer']) {
      const deltas = events.flatMap((e) => (e.type === 'agent_update' && e.executorId === name ? [e.delta] : []));
      const output = events.find((e) => e.type === 'workflow_output' && e.executorId === name) as { data: AgentResponse };
      expect(deltas.length).toBeGreaterThan(2);
      expect(deltas.join('')).toBe(output.data.text);
      const firstDelta = events.findIndex((e) => e.type === 'agent_update' && e.executorId === name);
      expect(firstDelta).toBeLessThan(events.indexOf(output as unknown as WorkflowEvent));
    }
  });

  it('does not stream (no agent_update) when the run does not', async () => {
    const result = await writerAndReviewer().run('Quiet');
    expect(result.events.some((e) => e.type === 'agent_update')).toBe(false);
  });
});

describe('agent executors', () => {
  it('accepts chat messages, requests and lists, and answers from the whole conversation', async () => {
    const agent = client.asAgent({ name: 'Helper', instructions: 'You are a helper.' });
    const seen: unknown[] = [];
    const start = executor('start', async (_: unknown, ctx: WorkflowContext) => {
      await ctx.sendMessage({ type: 'agent_executor_request', messages: [{ role: 'user', text: 'first' }], shouldRespond: false });
      await ctx.sendMessage([{ role: 'user', text: 'second' }, 'third']);
    });
    const after = executor('after', async (response: AgentExecutorResponse) => {
      seen.push(response.fullConversation.map((m) => m.text));
    });
    const wrapper = new AgentExecutor(agent);
    const result = await new WorkflowBuilder({ startExecutor: start }).addEdge(start, wrapper).addEdge(wrapper, after).build().run(0);
    expect(result.getOutputs()).toHaveLength(1);
    expect(seen).toEqual([['first', 'second', 'third', (result.getOutputs<AgentResponse>()[0] as AgentResponse).text]]);
  });

  it('keeps its conversation in checkpoints', async () => {
    const storage = new InMemoryCheckpointStorage();
    const agent = client.asAgent({ name: 'Memo', instructions: 'You are a note taker.' });
    await new WorkflowBuilder({ startExecutor: agent, checkpointStorage: storage }).build().run('remember this', { checkpointId: 'memo' });
    const latest = await storage.latest({ seriesId: 'memo' });
    expect(latest?.state['_executor_state']).toMatchObject({
      Memo: {
        conversation: [
          { role: 'user', text: 'remember this' },
          { role: 'assistant', authorName: 'Memo' },
        ],
      },
    });
  });

  it('stops a slow agent when the run is cancelled', async () => {
    let aborted = false;
    const slow = new MockChatClient({
      delayMs: 50,
      sleep: (ms, signal) =>
        new Promise((resolve, reject) => {
          const timer = setTimeout(resolve, ms);
          signal?.addEventListener('abort', () => {
            aborted = true;
            clearTimeout(timer);
            reject(new Error('aborted'));
          });
        }),
    });
    const workflow = new WorkflowBuilder({ startExecutor: slow.asAgent({ name: 'Slow' }) }).build();
    const stream = workflow.run('go', { stream: true });
    setTimeout(() => {
      workflow.cancel();
    }, 60);
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types.at(-1)).toBe('workflow_complete');
    expect((await stream.getFinalResponse()).getFinalState()).toBe('cancelled');
    expect(aborted).toBe(true);
  });

  it('answers differently for different instructions', async () => {
    const run = (instructions: string) => client.asAgent({ name: 'A', instructions }).run('same question');
    expect((await run('You are a poet.')).text).not.toBe((await run('You are a lawyer.')).text);
  });
});

describe('a functional workflow as an agent in a graph', () => {
  it('runs as an executor named after the agent', async () => {
    const { workflow: functional } = await import('../src/index.js');
    const shout = functional({ name: 'shout' }, async (text: string) => `${text.toUpperCase()}!`);
    const agent = shout.asAgent({ name: 'Shouter' });
    const result = await new WorkflowBuilder({ startExecutor: agent }).build().run('hello');
    expect(result.getOutputs<AgentResponse>().map((o) => [o.messages[0]?.authorName, o.text])).toEqual([['Shouter', 'HELLO!']]);
  });
});
