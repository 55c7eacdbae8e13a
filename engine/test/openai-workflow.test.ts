// Agents backed by OpenAIChatClient inside a workflow: the seed's writer/reviewer pipeline against
// a local OpenAI-compatible server, streamed, and cancelled midway by workflow.cancel().
import { afterEach, describe, expect, it } from 'vitest';
import { OpenAIChatClient, WorkflowBuilder, type AgentResponse, type WorkflowEvent } from '../src/index.js';
import { FakeOpenAIServer, hang, sse, streamOf } from './fake-openai-server.js';

let server: FakeOpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('OpenAIChatClient agents in a workflow', () => {
  it("streams both agents of the seed's pipeline, the reviewer seeing the writer's reply", async () => {
    server = await FakeOpenAIServer.start();
    server.reply(sse([streamOf(['Charge ', 'ahead, ', 'spend less.'])]), sse([streamOf(['Punchy; ', 'add a number.'])]));
    const client = new OpenAIChatClient({ baseUrl: server.baseUrl, model: 'test-model', apiKey: 'sk-test-123456' });
    const writer = client.asAgent({ name: 'Writer', instructions: 'You are a content writer.' });
    const reviewer = client.asAgent({ name: 'Reviewer', instructions: 'You are a content reviewer.' });
    const workflow = new WorkflowBuilder({ startExecutor: writer }).addEdge(writer, reviewer).build();

    const events: WorkflowEvent[] = [];
    for await (const event of workflow.run('Create a slogan for an affordable electric SUV', { stream: true })) events.push(event);

    const outputs = events.flatMap((e) => (e.type === 'workflow_output' ? [e.data as AgentResponse] : []));
    expect(outputs.map((o) => `${o.messages[0]?.authorName ?? ''}: ${o.text}`)).toEqual([
      'Writer: Charge ahead, spend less.',
      'Reviewer: Punchy; add a number.',
    ]);
    expect(events.filter((e) => e.type === 'agent_update').map((e) => (e as { delta: string }).delta)).toEqual([
      'Charge ',
      'ahead, ',
      'spend less.',
      'Punchy; ',
      'add a number.',
    ]);
    const reviewerRequest = server.requests[1]?.body as { messages: { role: string; content: string; name?: string }[] };
    expect(reviewerRequest.messages).toEqual([
      { role: 'system', content: 'You are a content reviewer.' },
      { role: 'user', content: 'Create a slogan for an affordable electric SUV' },
      { role: 'assistant', content: 'Charge ahead, spend less.', name: 'Writer' },
    ]);
    expect(JSON.stringify(events)).not.toContain('sk-test-123456');
  });

  it('is cancelled by workflow.cancel() while the model is still answering', async () => {
    server = await FakeOpenAIServer.start();
    server.reply(hang());
    const client = new OpenAIChatClient({ baseUrl: server.baseUrl, model: 'test-model' });
    const workflow = new WorkflowBuilder({ startExecutor: client.asAgent({ name: 'Slow' }) }).build();
    const running = workflow.run('hello');
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    workflow.cancel();
    const result = await running;
    expect(result.getFinalState()).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(500);
  });
});
