import { describe, expect, it } from 'vitest';
import { redactor, serverMessageOf } from '../src/agents/openai/chat-client-error.js';
import type { FetchInitLike, FetchLike, FetchResponseLike } from '../src/agents/openai/host.js';
import { retryAfterMs, retryDelayMs } from '../src/agents/openai/transport.js';
import { contentText, parseChunk, parseCompletion, sanitizeName, toWireMessage, type Fail } from '../src/agents/openai/wire.js';
import { ChatClientError, OpenAIChatClient } from '../src/index.js';

const fail: Fail = (message, code) => {
  throw new ChatClientError(message, code === undefined ? {} : { code });
};

function headers(values: Record<string, string>): { get(name: string): string | null } {
  return { get: (name) => values[name.toLowerCase()] ?? null };
}

/** A fetch that answers `body` with `status`, recording each request. */
function fakeFetch(status: number, body: string, calls: { url: string; init: FetchInitLike }[] = [], contentType = ''): FetchLike {
  return (url, init) => {
    calls.push({ url, init });
    const bytes = new TextEncoder().encode(body);
    let sent = false;
    const response: FetchResponseLike = {
      status,
      statusText: '',
      headers: headers(contentType === '' ? {} : { 'content-type': contentType }),
      body: {
        getReader: () => ({
          read: () => Promise.resolve(sent ? { done: true } : ((sent = true), { done: false, value: bytes })),
          cancel: () => Promise.resolve(),
        }),
      },
    };
    return Promise.resolve(response);
  };
}

describe('wire format', () => {
  it('sanitizes author names to ^[a-zA-Z0-9_-]{1,64}$ or drops them', () => {
    expect(sanitizeName('Writer')).toBe('Writer');
    expect(sanitizeName('  Ada Lovelace ')).toBe('Ada_Lovelace');
    expect(sanitizeName('José (editor)')).toBe('Jos_editor');
    expect(sanitizeName('a'.repeat(80))).toBe('a'.repeat(64));
    expect(sanitizeName('作家')).toBeUndefined();
    expect(sanitizeName('__')).toBeUndefined();
  });

  it('sends a tool message as user text (no tool-call handshake to attach it to)', () => {
    expect(toWireMessage({ role: 'tool', text: '42' })).toEqual({ role: 'user', content: '42' });
  });

  it('reads content as a string, text parts, a refusal, or nothing', () => {
    expect(contentText([{ type: 'text', text: 'a' }, { type: 'image_url' }, { type: 'text', text: 'b' }])).toBe('ab');
    expect(contentText(null)).toBe('');
    expect(parseCompletion({ choices: [{ message: { content: null, refusal: 'I cannot help with that.' } }] }, fail).text).toBe(
      'I cannot help with that.',
    );
    expect(() => parseCompletion({ choices: [] }, fail)).toThrow(/without choices/);
    expect(() => parseCompletion({ error: { message: 'overloaded', type: 'server_error' } }, fail)).toThrow(/overloaded/);
  });

  it('reads stream chunks: deltas, finish reasons, usage-only chunks, vLLM-style errors', () => {
    expect(parseChunk('{"choices":[{"delta":{"role":"assistant"}}]}', fail)).toEqual({ delta: '' });
    expect(parseChunk('{"choices":[{"delta":{"content":"x"},"finish_reason":"stop"}]}', fail)).toEqual({
      delta: 'x',
      finishReason: 'stop',
    });
    expect(parseChunk('{"choices":[],"usage":{"total_tokens":3}}', fail)).toEqual({ delta: '', usage: { totalTokens: 3 } });
    expect(() => parseChunk('{"object":"error","message":"context too long","type":"BadRequestError"}', fail)).toThrow(/context too long/);
    expect(() => parseChunk('{not json', fail)).toThrow(/not JSON/);
  });

  it('finds the server message in the error shapes servers use', () => {
    expect(serverMessageOf('{"error":{"message":"bad key","code":"invalid_api_key"}}')).toEqual({
      message: 'bad key',
      code: 'invalid_api_key',
    });
    expect(serverMessageOf('{"error":{"message":"slow down","type":"rate_limit"}}')).toEqual({ message: 'slow down', code: 'rate_limit' });
    expect(serverMessageOf('{"error":"model not found"}')).toEqual({ message: 'model not found' });
    expect(serverMessageOf('{"detail":"Not Found"}')).toEqual({ message: 'Not Found' });
    expect(serverMessageOf('<html>\n  <body>Bad gateway</body>\n</html>')).toEqual({ message: '<html> <body>Bad gateway</body> </html>' });
  });

  it('redacts every secret of four characters or more', () => {
    const redact = redactor(['sk-abc123', 'abc', 'Bearer sk-abc123']);
    expect(redact('key sk-abc123 in Bearer sk-abc123; abc stays')).toBe('key [redacted] in [redacted]; abc stays');
  });
});

describe('retry timing', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');

  it('reads Retry-After as seconds, as an HTTP date, or retry-after-ms', () => {
    expect(retryAfterMs(headers({ 'retry-after': '2' }), now)).toBe(2000);
    expect(retryAfterMs(headers({ 'retry-after': '0.5' }), now)).toBe(500);
    expect(retryAfterMs(headers({ 'retry-after': 'Wed, 01 Jan 2025 00:00:03 GMT' }), now)).toBe(3000);
    expect(retryAfterMs(headers({ 'retry-after': 'Tue, 31 Dec 2024 00:00:00 GMT' }), now)).toBe(0);
    expect(retryAfterMs(headers({ 'retry-after-ms': '250', 'retry-after': '9' }), now)).toBe(250);
    expect(retryAfterMs(headers({ 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMs(headers({}), now)).toBeUndefined();
  });

  it('backs off exponentially with equal jitter, capped, and caps a long Retry-After', () => {
    const settings = { retryBaseDelayMs: 500, maxRetryDelayMs: 30_000 };
    expect(retryDelayMs(settings, 1, undefined, now, () => 0)).toBe(250);
    expect(retryDelayMs(settings, 1, undefined, now, () => 1)).toBe(500);
    expect(retryDelayMs(settings, 3, undefined, now, () => 1)).toBe(2000);
    expect(retryDelayMs(settings, 20, undefined, now, () => 1)).toBe(30_000);
    expect(retryDelayMs(settings, 1, headers({ 'retry-after': '120' }), now)).toBe(30_000);
  });
});

describe('OpenAIChatClient with an injected fetch', () => {
  it('lets headers replace the Authorization default and tolerates a baseUrl naming the endpoint', async () => {
    const calls: { url: string; init: FetchInitLike }[] = [];
    const reply = JSON.stringify({ choices: [{ message: { content: 'ok' }, finish_reason: 'stop' }] });
    const client = new OpenAIChatClient({
      baseUrl: 'https://example.test/openai/v1/chat/completions',
      model: 'gpt',
      apiKey: 'sk-ignored-here',
      headers: { Authorization: 'Bearer from-headers', 'api-key': 'azure-key' },
      fetch: fakeFetch(200, reply, calls),
    });
    expect((await client.getResponse([{ role: 'user', text: 'hi' }])).text).toBe('ok');
    expect(calls[0]?.url).toBe('https://example.test/openai/v1/chat/completions');
    expect(calls[0]?.init.headers).toEqual({
      accept: 'application/json',
      'content-type': 'application/json',
      authorization: 'Bearer from-headers',
      'api-key': 'azure-key',
    });
  });

  it('streams a whole JSON completion from a server that ignores stream: true', async () => {
    const reply = JSON.stringify({ choices: [{ message: { content: 'all at once' }, finish_reason: 'stop' }] });
    const fetch = fakeFetch(200, reply, [], 'application/json; charset=utf-8');
    const updates: unknown[] = [];
    for await (const update of new OpenAIChatClient({ baseUrl: 'http://x.test/v1', model: 'm', fetch }).getStreamingResponse([])) {
      updates.push(update);
    }
    expect(updates).toEqual([{ delta: 'all at once' }, { delta: '', finishReason: 'stop' }]);
  });

  it('reports a 200 reply that is not JSON as a bad response', async () => {
    const client = new OpenAIChatClient({ baseUrl: 'http://x.test/v1', model: 'm', fetch: fakeFetch(200, '<html>proxy login</html>') });
    await expect(client.getResponse([])).rejects.toMatchObject({
      code: 'bad_response',
      message: expect.stringMatching(/not JSON/) as unknown,
    });
  });

  it('cancels even when the injected fetch ignores its signal', async () => {
    const client = new OpenAIChatClient({ baseUrl: 'http://x.test/v1', model: 'm', fetch: () => new Promise<never>(() => undefined) });
    const controller = new AbortController();
    const call = client.getResponse([], { signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('rejects negative or NaN numeric options', () => {
    expect(() => new OpenAIChatClient({ baseUrl: 'http://x.test/v1', model: 'm', maxRetries: -1 })).toThrow(RangeError);
    expect(() => new OpenAIChatClient({ baseUrl: 'http://x.test/v1', model: 'm', timeoutMs: Number.NaN })).toThrow(RangeError);
  });
});
