/**
 * A local stand-in for an OpenAI-compatible server, for the OpenAIChatClient tests: Node `http` on
 * 127.0.0.1 and a free port. It records every request and answers each with the next scripted
 * reply (JSON, plain text, server-sent events written in chosen byte pieces, a hang, a dropped
 * connection). Every delay is bounded and every connection is destroyed on close().
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the server received. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The body parsed as JSON (or the raw text when it is not JSON). */
  body: unknown;
  /** Settles when the connection closes; `finished` is false when the client left before the reply ended. */
  closed: Promise<{ finished: boolean }>;
}

/** A scripted answer. */
export type Reply = (res: ServerResponse) => Promise<void> | void;

/** The longest any scripted reply keeps a connection open, so no test can hang on the server. */
const MAX_HOLD_MS = 4_000;

export class FakeOpenAIServer {
  readonly requests: RecordedRequest[] = [];
  readonly #replies: Reply[] = [];
  readonly #server: Server = createServer((req, res) => {
    void this.#handle(req, res);
  });

  private constructor() {
    // Use start().
  }

  /** Starts a server on 127.0.0.1 and a port the OS picks. */
  static async start(): Promise<FakeOpenAIServer> {
    const instance = new FakeOpenAIServer();
    await new Promise<void>((resolve) => instance.#server.listen(0, '127.0.0.1', resolve));
    return instance;
  }

  /** The port the OS picked. */
  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  /** The base URL a client should use (with `/v1`, as real servers expect). */
  get baseUrl(): string {
    return `http://127.0.0.1:${String(this.port)}/v1`;
  }

  /** Queues replies, used one per request in order; with none left the server answers 500. */
  reply(...replies: Reply[]): void {
    this.#replies.push(...replies);
  }

  /** Stops listening and destroys every open connection. */
  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => {
      this.#server.close(() => {
        resolve();
      });
    });
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const closed = new Promise<{ finished: boolean }>((resolve) => {
      res.on('close', () => {
        resolve({ finished: res.writableFinished });
      });
    });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Kept as text.
    }
    this.requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, closed });
    const reply = this.#replies.shift() ?? json(500, { error: { message: 'no scripted reply left' } });
    res.socket?.setNoDelay(true);
    await reply(res);
  }
}

/** Waits `ms`, or less if the connection closes first. */
function hold(res: ServerResponse, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, Math.min(ms, MAX_HOLD_MS));
    res.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** A JSON answer. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Reply {
  return (res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
}

/** A plain-text answer. */
export function text(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return (res) => {
    res.writeHead(status, { 'content-type': 'text/plain', ...headers });
    res.end(body);
  };
}

/** How an {@link sse} reply ends once its pieces are written. */
export type StreamEnd = 'end' | 'destroy' | 'hang';

/**
 * A `text/event-stream` answer written piece by piece, `delayMs` apart (so the client reads them
 * separately), then ended normally, by destroying the socket (a cut-off), or held open.
 */
export function sse(pieces: readonly (string | Uint8Array)[], options: { delayMs?: number; end?: StreamEnd } = {}): Reply {
  return async (res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.flushHeaders();
    for (const piece of pieces) {
      if (res.destroyed) return;
      res.write(piece);
      await hold(res, options.delayMs ?? 10);
    }
    const end = options.end ?? 'end';
    if (end === 'destroy') res.socket?.destroy();
    else if (end === 'hang') await hold(res, MAX_HOLD_MS);
    if (!res.destroyed) res.end();
  };
}

/** Never answers (until the client leaves or {@link MAX_HOLD_MS} passes). */
export function hang(): Reply {
  return async (res) => {
    await hold(res, MAX_HOLD_MS);
    if (!res.destroyed) res.destroy();
  };
}

/** A non-streamed chat completion. */
export function completion(content: unknown, finishReason = 'stop', usage?: Record<string, number>): Record<string, unknown> {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finishReason }],
    ...(usage === undefined ? {} : { usage }),
  };
}

/** A streamed chunk carrying `content` (and a finish reason when given). */
export function chunk(content: string | null, finishReason: string | null = null): Record<string, unknown> {
  return { id: 'chatcmpl-1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content }, finish_reason: finishReason }] };
}

/** Server-sent-event text for payloads: `data: <json>` (or the string as is) and a blank line each. */
export function events(payloads: readonly unknown[], lineEnd = '\n'): string {
  return payloads.map((p) => `data: ${typeof p === 'string' ? p : JSON.stringify(p)}${lineEnd}${lineEnd}`).join('');
}

/** The streamed form of a reply: one chunk per delta, a finish chunk, `[DONE]`. */
export function streamOf(deltas: readonly string[], lineEnd = '\n'): string {
  return events([chunk('', null), ...deltas.map((d) => chunk(d)), chunk(null, 'stop'), '[DONE]'], lineEnd);
}

/** `text` as UTF-8 bytes cut at the given byte offsets. */
export function splitBytes(text: string, cuts: readonly number[]): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const points = [...new Set([0, ...cuts.filter((c) => c > 0 && c < bytes.length), bytes.length])].sort((a, b) => a - b);
  return points.slice(1).map((end, i) => bytes.slice(points[i], end));
}
