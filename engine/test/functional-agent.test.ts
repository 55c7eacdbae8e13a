import { describe, expect, it } from 'vitest';
import { WorkflowStateError, step, workflow, type Agent, type ChatMessage, type RunContext } from '../src/index.js';

const draftPost = step(async function draftPost(topic: string) {
  return `A post about ${topic}`;
});

function publisher() {
  return workflow({ name: 'publisher', description: 'Drafts and publishes posts' }, async (topic: string, ctx: RunContext) => {
    const draft = await draftPost(topic);
    const approved = await ctx.requestInfo<boolean>({ draft }, { responseType: 'boolean', requestId: 'publish' });
    return approved ? { published: draft } : 'not published';
  });
}

describe('functional workflow: asAgent', () => {
  it('round-trips an approval: request as function_approval_request, answer as function_approval_response', async () => {
    const agent: Agent = publisher().asAgent({ name: 'Publisher' });
    expect(agent.name).toBe('Publisher');
    expect(agent.description).toBe('Drafts and publishes posts');

    const conversation: ChatMessage[] = [
      { role: 'system', text: 'ignored' },
      { role: 'user', text: 'cats' },
    ];
    const first = await agent.run(conversation);
    expect(first.messages).toEqual([
      {
        role: 'assistant',
        text: '',
        authorName: 'Publisher',
        contents: [
          {
            type: 'function_approval_request',
            id: 'publish',
            functionCall: {
              callId: 'publish',
              name: 'request_info',
              arguments: { request_id: 'publish', data: { draft: 'A post about cats' } },
            },
          },
        ],
      },
    ]);

    conversation.push(...first.messages, {
      role: 'user',
      text: '',
      contents: [{ type: 'function_approval_response', id: 'publish', approved: true }],
    });
    const second = await agent.run(conversation);
    expect(second.messages).toEqual([{ role: 'assistant', text: '{"published":"A post about cats"}', authorName: 'Publisher' }]);
    expect(second.text).toBe('{"published":"A post about cats"}');
  });

  it('answers with a string output as text, and reports an approval nothing waits for', async () => {
    const agent = publisher().asAgent();
    expect(agent.name).toBe('publisher');
    await agent.run('dogs');
    const declined = await agent.run({
      role: 'user',
      text: '',
      contents: [{ type: 'function_approval_response', id: 'publish', approved: false }],
    });
    expect(declined.text).toBe('not published');
    expect(declined.messages[0]?.authorName).toBe('publisher');
    await expect(
      agent.run({ role: 'user', text: '', contents: [{ type: 'function_approval_response', id: 'publish', approved: true }] }),
    ).rejects.toThrow(WorkflowStateError);
    await expect(agent.run({ role: 'assistant', text: 'no user here' })).rejects.toThrow(/needs a user message/);
  });

  it('cancels the run when the signal aborts', async () => {
    const never = step(async function never() {
      return new Promise<string>(() => undefined);
    });
    const agent = workflow(async function stuck() {
      return never();
    }).asAgent();
    const controller = new AbortController();
    const pending = agent.run('go', { signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });
});
