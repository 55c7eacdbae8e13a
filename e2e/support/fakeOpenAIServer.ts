import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One chat completion request the fake server received. */
export interface ReceivedRequest {
  readonly authorization: string | undefined;
  readonly model: unknown;
  readonly stream: unknown;
  readonly lastUserText: string;
}

export interface FakeOpenAIServer {
  /** `http://127.0.0.1:<port>/v1` */
  readonly baseUrl: string;
  readonly requests: readonly ReceivedRequest[];
  close(): Promise<void>;
}

export interface FakeOpenAIOptions {
  /** The words of every reply, streamed one SSE chunk per word. */
  readonly reply: (request: ReceivedRequest) => string;
  /** Pause between streamed chunks, in ms, so a page can show the text growing. */
  readonly chunkDelayMs?: number;
}

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type',
  'access-control-max-age': '600',
};

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      resolve(body);
    });
    request.on('error', reject);
  });
}

function lastUserText(messages: unknown): string {
  if (!Array.isArray(messages)) return '';
  const users = messages.filter(
    (m): m is { role: string; content: unknown } => typeof m === 'object' && m !== null && (m as { role?: unknown }).role === 'user',
  );
  const content = users.at(-1)?.content;
  return typeof content === 'string' ? content : JSON.stringify(content ?? '');
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * An OpenAI-compatible endpoint on 127.0.0.1 for tests: `POST /v1/chat/completions`, streamed as
 * server-sent events (one chunk per word, then `[DONE]`) or answered whole, with the CORS headers
 * a page on another port needs (the browser sends a preflight for the Authorization header).
 */
export async function startFakeOpenAIServer(options: FakeOpenAIOptions): Promise<FakeOpenAIServer> {
  const requests: ReceivedRequest[] = [];
  const delay = options.chunkDelayMs ?? 0;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (request.method === 'OPTIONS') {
      response.writeHead(204, CORS).end();
      return;
    }
    if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
      response.writeHead(404, { ...CORS, 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const body = JSON.parse(await readBody(request)) as { model?: unknown; stream?: unknown; messages?: unknown };
    const received: ReceivedRequest = {
      authorization: request.headers.authorization,
      model: body.model,
      stream: body.stream,
      lastUserText: lastUserText(body.messages),
    };
    requests.push(received);
    const text = options.reply(received);
    const base = { id: `chatcmpl-${String(requests.length)}`, object: 'chat.completion.chunk', created: 0, model: String(body.model) };
    if (body.stream !== true) {
      response.writeHead(200, { ...CORS, 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          ...base,
          object: 'chat.completion',
          choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
        }),
      );
      return;
    }
    response.writeHead(200, { ...CORS, 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    const words = text.match(/\S+\s*/g) ?? [text];
    for (const word of words) {
      response.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { content: word }, finish_reason: null }] })}\n\n`);
      if (delay > 0) await sleep(delay);
    }
    response.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
    response.end('data: [DONE]\n\n');
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      response.writeHead(500, { ...CORS, 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: error instanceof Error ? error.message : String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${String(port)}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error === undefined) resolve();
          else reject(error);
        });
      }),
  };
}
