import { BaseChatClient } from './base-chat-client.js';
import type { ChatOptions, ChatResponse, ChatResponseUpdate, ChatUsage } from './chat-client.js';
import { ChatClientError, redactor, serverMessageOf } from './openai/chat-client-error.js';
import { newUtf8Decoder, type FetchLike } from './openai/host.js';
import { SseByteParser } from './openai/sse.js';
import { send, type ResponseBody, type TransportSettings } from './openai/transport.js';
import { parseChunk, parseCompletion, requestBody, type Fail } from './openai/wire.js';
import type { ChatMessage } from './types.js';

/** Options of {@link OpenAIChatClient}. */
export interface OpenAIChatClientOptions {
  /**
   * The API root, up to and including `/v1` (a trailing `/` is fine); requests go to
   * `${baseUrl}/chat/completions`. OpenAI: `https://api.openai.com/v1`; Azure OpenAI v1:
   * `https://<resource>.openai.azure.com/openai/v1`; Ollama: `http://localhost:11434/v1`;
   * LM Studio: `http://localhost:1234/v1`; vLLM and llama.cpp's server: `http://localhost:8000/v1`.
   */
  baseUrl: string;
  /** The model (or Azure deployment) name; a call's `ChatOptions.model` overrides it. */
  model: string;
  /** Sent as `Authorization: Bearer <key>` unless `headers` has an `Authorization`. Never logged or put in an error. */
  apiKey?: string;
  /** Extra request headers (e.g. Azure's `api-key`, an organization id); they win over the defaults. */
  headers?: Record<string, string>;
  /**
   * Inactivity timeout per attempt, in ms (default 60 000): how long the server may stay silent,
   * both before it answers and between two pieces of its body. A stream that keeps sending never
   * times out; 0 or `Infinity` disables the timeout.
   */
  timeoutMs?: number;
  /** Retries after a 429, 500, 502, 503, 504, a network failure or a timeout (default 3). */
  maxRetries?: number;
  /** First backoff delay in ms (default 500), doubled each retry, with jitter. */
  retryBaseDelayMs?: number;
  /** The longest wait between attempts in ms (default 30 000), also for a server's `Retry-After`. */
  maxRetryDelayMs?: number;
  /** Asks for token usage in streams (`stream_options.include_usage`); off by default because some servers reject the field. */
  streamUsage?: boolean;
  /** The `fetch` to use (default: the host's); for tests and hosts with their own. */
  fetch?: FetchLike;
  /** How to wait between attempts (default: a timer); it should end early when `signal` aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** The most a non-streamed reply may weigh, so a runaway server cannot exhaust memory. */
const MAX_REPLY_BYTES = 16 * 1024 * 1024;

/**
 * A model behind the OpenAI-compatible Chat Completions protocol (spec: Agents), over `fetch` so it
 * runs in a browser, a Web Worker and Node: OpenAI, Azure OpenAI's v1 endpoint, Ollama, LM Studio,
 * vLLM, llama.cpp's server. Streams with server-sent events. Failures are {@link ChatClientError}s;
 * a cancelled call (its `signal` aborted, e.g. by `workflow.cancel()`) rejects with one whose `code`
 * is `'cancelled'`. The API key lives in a private field: it is not enumerable, serialized or cloned
 * with the client, and is scrubbed from every error message.
 */
export class OpenAIChatClient extends BaseChatClient {
  /** The API root, without a trailing slash. */
  readonly baseUrl: string;
  /** The default model. */
  readonly model: string;
  readonly #transport: TransportSettings;
  readonly #streamUsage: boolean;
  readonly #fail: Fail;

  constructor(options: OpenAIChatClientOptions) {
    super();
    if (!/^https?:\/\/\S+$/i.test(options.baseUrl.trim())) {
      throw new TypeError(`OpenAIChatClient: baseUrl must be an http(s) URL such as http://localhost:11434/v1, not '${options.baseUrl}'`);
    }
    if (options.model.trim() === '') throw new TypeError('OpenAIChatClient: a model name is required');
    this.baseUrl = options.baseUrl.trim().replace(/\/+$/, '');
    this.model = options.model;
    // Tolerate a baseUrl that already names the endpoint.
    const url = /\/chat\/completions$/i.test(this.baseUrl) ? this.baseUrl : `${this.baseUrl}/chat/completions`;
    const headers = requestHeaders(options.apiKey, options.headers ?? {});
    const redact = redactor(secretsOf(options.apiKey, headers));
    this.#streamUsage = options.streamUsage ?? false;
    this.#transport = {
      url,
      baseUrl: this.baseUrl,
      headers,
      fetch: options.fetch,
      timeoutMs: nonNegative('timeoutMs', options.timeoutMs ?? 60_000),
      maxRetries: Math.floor(nonNegative('maxRetries', options.maxRetries ?? 3)),
      retryBaseDelayMs: nonNegative('retryBaseDelayMs', options.retryBaseDelayMs ?? 500),
      maxRetryDelayMs: nonNegative('maxRetryDelayMs', options.maxRetryDelayMs ?? 30_000),
      sleep: options.sleep,
      redact,
    };
    this.#fail = (message, code) => {
      throw new ChatClientError(redact(`${message} (POST ${url}).`), { code: redact(code ?? 'bad_response') });
    };
  }

  /** Sends the conversation and answers the model's whole reply. */
  async getResponse(messages: readonly ChatMessage[], options: ChatOptions = {}): Promise<ChatResponse> {
    const body = await send(this.#transport, { body: this.#body(messages, options, false), accept: 'application/json' }, options.signal);
    return this.#completionOf(body);
  }

  /**
   * Sends the conversation and yields the reply's text deltas as they arrive, then one last update
   * with an empty delta carrying the finish reason and usage (when the server sent them). A stream
   * that ends before `[DONE]` or a finish reason is an error (`code: 'stream_cut_off'`), never a
   * shorter answer. Leaving the loop early closes the connection.
   */
  async *getStreamingResponse(messages: readonly ChatMessage[], options: ChatOptions = {}): AsyncIterable<ChatResponseUpdate> {
    const body = await send(this.#transport, { body: this.#body(messages, options, true), accept: 'text/event-stream' }, options.signal);
    if (/\bjson\b/i.test(body.contentType)) {
      // A server that ignores `stream: true` answers one JSON completion: it is still the whole reply.
      const { text, finishReason, usage } = await this.#completionOf(body);
      if (text !== '') yield { delta: text };
      if (finishReason !== undefined || usage !== undefined) yield { delta: '', ...extras(finishReason, usage) };
      return;
    }
    const parser = new SseByteParser();
    let characters = 0;
    let finishReason: string | undefined;
    let usage: ChatUsage | undefined;
    let done = false;
    try {
      while (!done) {
        const chunk = await this.#nextChunk(body, characters);
        for (const event of chunk === undefined ? parser.end() : parser.push(chunk)) {
          if (event.event === 'error') this.#fail(`The model server reported an error mid-stream: ${serverMessageOf(event.data).message}`);
          if (event.data.trim() === '[DONE]') {
            done = true;
            break;
          }
          const update = parseChunk(event.data, this.#fail);
          finishReason = update.finishReason ?? finishReason;
          usage = update.usage ?? usage;
          if (update.delta === '') continue;
          characters += update.delta.length;
          yield { delta: update.delta };
        }
        if (chunk === undefined) break;
      }
    } finally {
      body.close();
    }
    if (!done && finishReason === undefined) throw this.#cutOff(characters);
    if (finishReason !== undefined || usage !== undefined) yield { delta: '', ...extras(finishReason, usage) };
  }

  /** Reads a whole JSON completion. */
  async #completionOf(body: ResponseBody): Promise<ChatResponse> {
    const raw = await readText(body, this.#fail);
    let payload: unknown;
    try {
      payload = JSON.parse(raw);
    } catch {
      return this.#fail(`The model server's reply is not JSON: ${raw.slice(0, 200)}`);
    }
    const { text, finishReason, usage } = parseCompletion(payload, this.#fail);
    return { messages: [{ role: 'assistant', text }], text, ...extras(finishReason, usage) };
  }

  #body(messages: readonly ChatMessage[], options: ChatOptions, stream: boolean): string {
    const model = options.model ?? this.model;
    return requestBody(messages, {
      model,
      stream,
      streamUsage: this.#streamUsage,
      temperature: options.temperature,
      maxTokens: options.maxTokens,
    });
  }

  /** The next bytes of a stream; a connection that breaks midway is a stream cut off. */
  async #nextChunk(body: ResponseBody, characters: number): Promise<Uint8Array | undefined> {
    try {
      return await body.next();
    } catch (error) {
      if (error instanceof ChatClientError && error.code === 'network') throw this.#cutOff(characters, error);
      throw error;
    }
  }

  #cutOff(characters: number, cause?: ChatClientError): ChatClientError {
    const why = cause === undefined ? 'the server ended it' : 'the connection broke';
    const message = `The model server's stream was cut off after ${String(characters)} character${characters === 1 ? '' : 's'} (${why}) before the reply was complete (POST ${this.#transport.url}).`;
    return new ChatClientError(this.#transport.redact(message), { code: 'stream_cut_off', retryable: true, cause });
  }
}

/** The finish reason and usage as optional fields: present only when known. */
function extras(finishReason: string | undefined, usage: ChatUsage | undefined): { finishReason?: string; usage?: ChatUsage } {
  return { ...(finishReason === undefined ? {} : { finishReason }), ...(usage === undefined ? {} : { usage }) };
}

/** The default headers, then the caller's (case-insensitively replacing a default of the same name). */
function requestHeaders(apiKey: string | undefined, extra: Readonly<Record<string, string>>): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (apiKey !== undefined && apiKey !== '') headers.authorization = `Bearer ${apiKey}`;
  for (const [name, value] of Object.entries(extra)) headers[name.toLowerCase()] = value;
  return headers;
}

/** The strings no error may show: the key, and the values of credential-like headers. */
function secretsOf(apiKey: string | undefined, headers: Readonly<Record<string, string>>): string[] {
  const secrets = apiKey === undefined ? [] : [apiKey];
  for (const [name, value] of Object.entries(headers)) {
    if (!/auth|key|token|secret|cookie/i.test(name)) continue;
    secrets.push(value, value.replace(/^\s*(bearer|basic)\s+/i, ''));
  }
  return secrets;
}

function nonNegative(name: string, value: number): number {
  if (Number.isNaN(value) || value < 0) throw new RangeError(`OpenAIChatClient: ${name} must be a number >= 0, not ${String(value)}`);
  return value;
}

/** A whole (non-streamed) body as text, at most {@link MAX_REPLY_BYTES}. */
async function readText(body: ResponseBody, fail: Fail): Promise<string> {
  const decoder = newUtf8Decoder();
  let text = '';
  let bytes = 0;
  try {
    for (let chunk = await body.next(); chunk !== undefined; chunk = await body.next()) {
      bytes += chunk.length;
      if (bytes > MAX_REPLY_BYTES) fail(`The model server's reply exceeds ${String(MAX_REPLY_BYTES)} bytes`);
      text += decoder.decode(chunk, { stream: true });
    }
  } finally {
    body.close();
  }
  return text + decoder.decode();
}
