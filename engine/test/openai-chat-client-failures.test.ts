import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChatClientError, OpenAIChatClient, type OpenAIChatClientOptions } from '../src/index.js';
import { chunk, completion, events, FakeOpenAIServer, hang, json, sse, text } from './fake-openai-server.js';

const KEY = 'sk-test-0123456789abcdef';
const HI = [{ role: 'user' as const, text: 'Hi' }];

let server: FakeOpenAIServer;
let delays: number[];
beforeEach(async () => {
  server = await FakeOpenAIServer.start();
  delays = [];
});
afterEach(async () => {
  await server.close();
});

/** A client whose backoff only records its delays, so retry tests stay fast. */
function client(options: Partial<OpenAIChatClientOptions> = {}): OpenAIChatClient {
  const sleep = (ms: number): Promise<void> => {
    delays.push(ms);
    return Promise.resolve();
  };
  return new OpenAIChatClient({ baseUrl: server.baseUrl, model: 'test-model', apiKey: KEY, sleep, ...options });
}

async function failure(promise: Promise<unknown>): Promise<ChatClientError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChatClientError);
  return error as ChatClientError;
}

/** Reads a stream to its end, calling `onUpdate` for each update. */
async function drain(stream: AsyncIterable<unknown>, onUpdate?: () => void): Promise<void> {
  for await (const update of stream) if (update !== undefined) onUpdate?.();
}

describe('OpenAIChatClient: retries', () => {
  it('waits out Retry-After on a 429, then succeeds', async () => {
    server.reply(json(429, { error: { message: 'Rate limit reached' } }, { 'retry-after': '1' }), json(200, completion('Done')));
    const response = await client().getResponse(HI);
    expect(response.text).toBe('Done');
    expect(delays).toEqual([1000]);
    expect(server.requests).toHaveLength(2);
  });

  it('retries a 503 with exponential backoff, then succeeds', async () => {
    server.reply(text(503, 'upstream busy'), json(200, completion('Up again')));
    expect((await client({ retryBaseDelayMs: 100 }).getResponse(HI)).text).toBe('Up again');
    expect(delays).toHaveLength(1);
    expect(delays[0]).toBeGreaterThanOrEqual(50);
    expect(delays[0]).toBeLessThanOrEqual(100);
  });

  it('gives up after maxRetries + 1 attempts of 500 and throws the last error', async () => {
    for (let i = 0; i < 4; i++) server.reply(json(500, { error: { message: `internal failure ${String(i + 1)}`, type: 'server_error' } }));
    const error = await failure(client({ retryBaseDelayMs: 100 }).getResponse(HI));
    expect(server.requests).toHaveLength(4);
    expect(error).toMatchObject({ status: 500, code: 'server_error', retryable: true });
    expect(error.message).toMatch(
      /^Model server answered 500 Internal Server Error: internal failure 4 \(POST http:\/\/127\.0\.0\.1:\d+\/v1\/chat\/completions\)/,
    );
    expect(error.message).toMatch(/Gave up after 4 attempts/);
    expect(delays).toHaveLength(3);
    delays.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual((100 * 2 ** i) / 2);
      expect(ms).toBeLessThanOrEqual(100 * 2 ** i);
    });
  });
});

describe('OpenAIChatClient: errors', () => {
  it('fails at once on 401 with the server message and a hint', async () => {
    server.reply(json(401, { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } }));
    const error = await failure(client().getResponse(HI));
    expect(server.requests).toHaveLength(1);
    expect(error).toMatchObject({ name: 'ChatClientError', status: 401, code: 'invalid_api_key', retryable: false });
    expect(error.message).toBe(
      `Model server answered 401 Unauthorized: Incorrect API key provided (POST ${server.baseUrl}/chat/completions). Check the API key.`,
    );
  });

  it('explains a 404 (base URL or model), with an Ollama-style error body', async () => {
    server.reply(json(404, { error: "model 'lama3' not found" }));
    const error = await failure(client().getResponse(HI));
    expect(error.status).toBe(404);
    expect(error.message).toMatch(/404 Not Found: model 'lama3' not found .*Check the base URL .* and the model name/);
  });

  it('quotes a 400 message, from JSON or from plain text (truncated)', async () => {
    server.reply(json(400, { error: { message: "'messages' must contain at least one message" } }), text(400, `bad ${'x'.repeat(2000)}`));
    const first = await failure(client().getResponse(HI));
    expect(first.message).toMatch(/400 Bad Request: 'messages' must contain at least one message/);
    const second = await failure(client().getResponse(HI));
    expect(second.message).toMatch(/400 Bad Request: bad x+… \(POST/);
    expect(second.message.length).toBeLessThan(700);
    expect(server.requests).toHaveLength(2);
  });

  it('never shows the key, even when the server echoes it', async () => {
    server.reply(json(401, { error: { message: `Incorrect API key provided: ${KEY}.`, code: KEY } }));
    const error = await failure(client().getResponse(HI));
    expect(error.message).toContain('Incorrect API key provided: [redacted]');
    for (const shown of [error.message, error.stack ?? '', String(error.code), JSON.stringify(error)]) expect(shown).not.toContain(KEY);
  });

  it('says the server may not be running when the connection is refused (and retries it)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => {
      closed.close(() => {
        resolve();
      });
    });
    const baseUrl = `http://127.0.0.1:${String(port)}/v1`;
    const error = await failure(client({ baseUrl, maxRetries: 1 }).getResponse(HI));
    expect(error).toMatchObject({ code: 'network', retryable: true });
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(error.message).toContain(`Is the server running at ${baseUrl}?`);
    expect(delays).toHaveLength(1);
  });
});

describe('OpenAIChatClient: timeouts and cancellation', () => {
  it('times out a server that never answers', async () => {
    server.reply(hang());
    const started = Date.now();
    const error = await failure(client({ timeoutMs: 200, maxRetries: 0 }).getResponse(HI));
    expect(error).toMatchObject({ code: 'timeout' });
    expect(error.message).toMatch(/did not answer within 200 ms .*timed out/);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('times out a stream that goes silent midway, after its first delta', async () => {
    server.reply(sse([events([chunk('First ')])], { end: 'hang' }));
    const seen: unknown[] = [];
    const stream = client({ timeoutMs: 200, maxRetries: 0 }).getStreamingResponse(HI);
    const error = await failure(drain(stream, () => seen.push(1)));
    expect(seen).toHaveLength(1);
    expect(error.message).toMatch(/went silent for 200 ms/);
  });

  it('stops a stream promptly when the signal aborts after the first delta; the server sees the connection close', async () => {
    server.reply(sse([events([chunk('First '), chunk('second ')])], { delayMs: 3000 }));
    const controller = new AbortController();
    let abortedAt = 0;
    const stream = client().getStreamingResponse(HI, { signal: controller.signal });
    const error = await failure(
      drain(stream, () => {
        abortedAt = Date.now();
        controller.abort();
      }),
    );
    expect(Date.now() - abortedAt).toBeLessThan(500);
    expect(error).toMatchObject({ code: 'cancelled', retryable: false });
    expect(error.cause).toBe(controller.signal.reason);
    expect(await server.requests[0]?.closed).toEqual({ finished: false });
  });

  it('stops waiting for the response headers when the signal aborts', async () => {
    server.reply(hang());
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 50);
    const started = Date.now();
    const error = await failure(client().getResponse(HI, { signal: controller.signal }));
    expect(error.code).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(500);
    expect(await server.requests[0]?.closed).toEqual({ finished: false });
  });

  it('ends a backoff wait at once when the signal aborts', async () => {
    server.reply(json(503, { error: { message: 'overloaded' } }, { 'retry-after': '10' }));
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 50);
    const started = Date.now();
    const noInjectedSleep = new OpenAIChatClient({ baseUrl: server.baseUrl, model: 'm' });
    const error = await failure(noInjectedSleep.getResponse(HI, { signal: controller.signal }));
    expect(error.code).toBe('cancelled');
    expect(Date.now() - started).toBeLessThan(500);
    expect(server.requests).toHaveLength(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await failure(client().getResponse(HI, { signal: controller.signal }));
    expect(error.code).toBe('cancelled');
    expect(server.requests).toHaveLength(0);
  });
});
