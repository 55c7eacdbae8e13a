import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatClientError, OpenAIChatClient, type ChatResponseUpdate, type OpenAIChatClientOptions } from '../src/index.js';
import { chunk, completion, events, FakeOpenAIServer, json, splitBytes, sse, streamOf } from './fake-openai-server.js';

const KEY = 'sk-test-0123456789abcdef';

let server: FakeOpenAIServer;
beforeEach(async () => {
  server = await FakeOpenAIServer.start();
});
afterEach(async () => {
  await server.close();
});

function client(options: Partial<OpenAIChatClientOptions> = {}): OpenAIChatClient {
  return new OpenAIChatClient({ baseUrl: server.baseUrl, model: 'test-model', apiKey: KEY, ...options });
}

async function collect(updates: AsyncIterable<ChatResponseUpdate>): Promise<ChatResponseUpdate[]> {
  const all: ChatResponseUpdate[] = [];
  for await (const update of updates) all.push(update);
  return all;
}

function joined(updates: readonly ChatResponseUpdate[]): string {
  return updates.map((u) => u.delta).join('');
}

describe('OpenAIChatClient: plain replies', () => {
  it('posts the conversation and reads the completion', async () => {
    server.reply(json(200, completion('Hello there', 'stop', { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 })));
    const response = await client().getResponse(
      [
        { role: 'system', text: 'Be brief.' },
        { role: 'user', text: 'Hi', authorName: 'Ada Lovelace' },
        { role: 'assistant', text: 'Earlier answer', authorName: 'Writer' },
        { role: 'user', text: 'Again', authorName: '作家' },
      ],
      { temperature: 0.2, maxTokens: 50 },
    );
    expect(response).toEqual({
      messages: [{ role: 'assistant', text: 'Hello there' }],
      text: 'Hello there',
      finishReason: 'stop',
      usage: { promptTokens: 12, completionTokens: 3, totalTokens: 15 },
    });
    const [request] = server.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.body).toEqual({
      model: 'test-model',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi', name: 'Ada_Lovelace' },
        { role: 'assistant', content: 'Earlier answer', name: 'Writer' },
        { role: 'user', content: 'Again' },
      ],
      stream: false,
      temperature: 0.2,
      max_tokens: 50,
    });
  });

  it('accepts a base URL with a trailing slash, a per-call model, no key, extra headers and content parts', async () => {
    server.reply(
      json(
        200,
        completion([
          { type: 'text', text: 'Part one, ' },
          { type: 'text', text: 'part two' },
        ]),
      ),
    );
    const noKey = new OpenAIChatClient({ baseUrl: `${server.baseUrl}/`, model: 'test-model', headers: { 'X-Trace': 'abc' } });
    const response = await noKey.getResponse([{ role: 'user', text: 'Hi' }], { model: 'other-model' });
    expect(response.text).toBe('Part one, part two');
    const request = server.requests[0]!;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBeUndefined();
    expect(request.headers['x-trace']).toBe('abc');
    expect(request.body).toMatchObject({ model: 'other-model', stream: false });
  });

  it('keeps the key out of the client object: JSON, structuredClone, keys and inspect', () => {
    const c = client({ headers: { 'api-key': 'azure-secret-key' } });
    expect(JSON.stringify(c)).not.toContain(KEY);
    expect(JSON.stringify(structuredClone(c))).not.toContain(KEY);
    expect(Object.values(c).join(' ')).not.toContain(KEY);
    expect(inspect(c, { depth: 10, showHidden: true })).not.toContain(KEY);
    expect(inspect(c, { depth: 10, showHidden: true })).not.toContain('azure-secret-key');
    expect(JSON.parse(JSON.stringify(c))).toEqual({ baseUrl: server.baseUrl, model: 'test-model' });
  });

  it('rejects a base URL that is not http(s)', () => {
    expect(() => new OpenAIChatClient({ baseUrl: 'localhost:11434/v1', model: 'm' })).toThrow(/baseUrl must be an http\(s\) URL/);
  });
});

describe('OpenAIChatClient: streamed replies', () => {
  it('yields the deltas, then the finish reason; they join to the whole reply', async () => {
    server.reply(sse([streamOf(['The ', 'quick ', 'brown ', 'fox.'])]));
    const updates = await collect(client().getStreamingResponse([{ role: 'user', text: 'Go' }]));
    expect(updates.map((u) => u.delta)).toEqual(['The ', 'quick ', 'brown ', 'fox.', '']);
    expect(joined(updates)).toBe('The quick brown fox.');
    expect(updates.at(-1)).toEqual({ delta: '', finishReason: 'stop' });
    expect(server.requests[0]?.body).toMatchObject({ stream: true });
    expect(server.requests[0]?.body).not.toHaveProperty('stream_options');
    expect(server.requests[0]?.headers.accept).toBe('text/event-stream');
  });

  it('asks for usage only when streamUsage is set, and reports it', async () => {
    const usage = { prompt_tokens: 5, completion_tokens: 2, total_tokens: 7 };
    server.reply(sse([events([chunk('Hi'), chunk(null, 'stop'), { choices: [], usage }, '[DONE]'])]));
    const updates = await collect(client({ streamUsage: true }).getStreamingResponse([{ role: 'user', text: 'Go' }]));
    expect(server.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(updates.at(-1)).toEqual({ delta: '', finishReason: 'stop', usage: { promptTokens: 5, completionTokens: 2, totalTokens: 7 } });
  });

  it('reassembles a stream cut at awkward byte boundaries (inside data:, inside é and an emoji, between CR and LF)', async () => {
    const deltas = ['Café ', 'crème ', '🎉 done', '\u00e9\u{1F600}'];
    const body = `: keep-alive\r\n\r\n${streamOf(deltas, '\r\n')}`;
    const bytes = new TextEncoder().encode(body);
    const cuts: number[] = [];
    const at = (needle: string, offset: number): number => Buffer.from(body).indexOf(Buffer.from(needle)) + offset;
    cuts.push(at('data:', 2), at('é', 1), at('🎉', 1), at('🎉', 2), at('🎉', 3), at('\r\n', 1), at('\u{1F600}', 2));
    expect(Math.max(...cuts)).toBeLessThan(bytes.length);
    server.reply(sse(splitBytes(body, cuts), { delayMs: 5 }));
    const updates = await collect(client().getStreamingResponse([{ role: 'user', text: 'Go' }]));
    expect(joined(updates)).toBe(deltas.join(''));
    expect(updates.at(-1)?.finishReason).toBe('stop');
  });

  it('fails when the connection is dropped midway, saying the stream was cut off', async () => {
    server.reply(sse([events([chunk('Once '), chunk('upon ')])], { end: 'destroy' }));
    const seen: string[] = [];
    const run = async (): Promise<void> => {
      for await (const update of client().getStreamingResponse([{ role: 'user', text: 'Go' }])) seen.push(update.delta);
    };
    const error = await run().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(seen).toEqual(['Once ', 'upon ']);
    expect(error).toBeInstanceOf(ChatClientError);
    expect(error).toMatchObject({ code: 'stream_cut_off', name: 'ChatClientError' });
    expect((error as Error).message).toMatch(/cut off after 10 characters/);
  });

  it('fails when the stream ends cleanly but without [DONE] or a finish reason', async () => {
    server.reply(sse([events([chunk('Half an ')])]));
    await expect(collect(client().getStreamingResponse([{ role: 'user', text: 'Go' }]))).rejects.toThrow(/cut off after 8 characters/);
  });

  it('accepts a stream that ends with a finish reason but no [DONE] (older servers)', async () => {
    server.reply(sse([events([chunk('Whole.'), chunk(null, 'length')])]));
    const updates = await collect(client().getStreamingResponse([{ role: 'user', text: 'Go' }]));
    expect(updates).toEqual([{ delta: 'Whole.' }, { delta: '', finishReason: 'length' }]);
  });

  it('throws the message of an error event inside the stream', async () => {
    server.reply(sse([events([chunk('Par'), { error: { message: 'model crashed: out of memory', code: 'oom' } }])], { end: 'hang' }));
    const error: unknown = await collect(client().getStreamingResponse([{ role: 'user', text: 'Go' }])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChatClientError);
    expect(error).toMatchObject({ code: 'oom' });
    expect((error as Error).message).toMatch(/model crashed: out of memory/);
    expect(await server.requests[0]?.closed).toEqual({ finished: false });
  });

  it('closes the connection when the caller stops reading early', async () => {
    server.reply(sse([events([chunk('One '), chunk('two ')])], { end: 'hang' }));
    for await (const update of client().getStreamingResponse([{ role: 'user', text: 'Go' }])) {
      expect(update.delta).toBe('One ');
      break;
    }
    expect(await server.requests[0]?.closed).toEqual({ finished: false });
  });
});
