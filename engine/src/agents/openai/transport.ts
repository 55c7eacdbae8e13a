import { Attempt, ATTEMPT_ABORTED } from './attempt.js';
import { afterAttempts, ChatClientError, httpError } from './chat-client-error.js';
import { hostFetch, newUtf8Decoder, startTimer, type ByteReaderLike, type FetchLike, type FetchResponseLike } from './host.js';

/** How one client sends its requests (fixed when the client is made). */
export interface TransportSettings {
  url: string;
  baseUrl: string;
  headers: Readonly<Record<string, string>>;
  fetch: FetchLike | undefined;
  timeoutMs: number;
  maxRetries: number;
  retryBaseDelayMs: number;
  maxRetryDelayMs: number;
  sleep: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  /** Scrubs the API key (and other credentials) from any text that goes into an error. */
  redact: (text: string) => string;
}

/** The most of an error response's body read for its message. */
const MAX_ERROR_BODY_BYTES = 16_384;

/**
 * Sends one JSON POST and answers its 2xx response, ready to read. Rate limits (429), transient
 * server failures (500, 502, 503, 504), network failures and timeouts are retried up to
 * `maxRetries` times, waiting `Retry-After` (or `retry-after-ms`) when the server says, else an
 * exponential backoff with jitter; other statuses fail at once. Retries happen only here, before
 * any byte of a successful body is read, so a half-read stream is never replayed.
 */
export async function send(
  settings: TransportSettings,
  call: { body: string; accept: string },
  signal: AbortSignal | undefined,
): Promise<ResponseBody> {
  const request = `POST ${settings.url}`;
  const fetchFunction = settings.fetch ?? hostFetch();
  for (let attempts = 1; ; attempts++) {
    if (signal?.aborted === true) throw cancelledError(settings, signal);
    const attempt = new Attempt(signal, settings.timeoutMs);
    let failure: ChatClientError;
    let retryAfter: { get(name: string): string | null } | undefined;
    try {
      const headers = { accept: call.accept, ...settings.headers };
      const init = { method: 'POST' as const, headers, body: call.body, signal: attempt.signal };
      const response = await attempt.race(fetchFunction(settings.url, init));
      if (response.status >= 200 && response.status < 300) return new ResponseBody(settings, response, attempt, signal);
      const text = await readErrorBody(response, attempt);
      failure = httpError(request, response, text, settings.redact);
      retryAfter = response.headers;
    } catch (error) {
      failure = attemptError(settings, error, attempt, signal, 'send');
    }
    attempt.dispose();
    if (!failure.retryable) throw failure;
    if (attempts > settings.maxRetries) throw afterAttempts(failure, attempts);
    await pause(settings, retryDelayMs(settings, attempts, retryAfter), signal);
  }
}

/** A 2xx response's body, read chunk by chunk under the attempt's inactivity timeout. */
export class ResponseBody {
  readonly #settings: TransportSettings;
  readonly #attempt: Attempt;
  readonly #signal: AbortSignal | undefined;
  readonly #reader: ByteReaderLike | undefined;
  #finished = false;
  /** The response's `Content-Type` (empty when absent). */
  readonly contentType: string;

  constructor(settings: TransportSettings, response: FetchResponseLike, attempt: Attempt, signal: AbortSignal | undefined) {
    this.#settings = settings;
    this.#attempt = attempt;
    this.#signal = signal;
    this.#reader = response.body?.getReader();
    this.contentType = response.headers.get('content-type') ?? '';
    attempt.touch();
  }

  /** The next chunk of bytes, or `undefined` at the end of the body. */
  async next(): Promise<Uint8Array | undefined> {
    if (this.#finished || this.#reader === undefined) return undefined;
    try {
      // A chunk may already be buffered; once aborted, nothing more is handed out.
      if (this.#attempt.abortCause !== undefined) throw ATTEMPT_ABORTED;
      const { done, value } = await this.#attempt.race(this.#reader.read());
      if (done) {
        this.#finished = true;
        return undefined;
      }
      this.#attempt.touch();
      return value ?? new Uint8Array(0);
    } catch (error) {
      this.close();
      throw attemptError(this.#settings, error, this.#attempt, this.#signal, 'read');
    }
  }

  /** Ends the attempt: stops its timer and, if the body was not read to its end, closes the connection. */
  close(): void {
    this.#attempt.dispose();
    if (this.#finished) return;
    this.#finished = true;
    // Cancelling tells the server to stop (it sees the connection close); a failure there changes nothing.
    this.#reader?.cancel().catch(() => undefined);
  }
}

/** The start of an error response's body, for its message; cut short at {@link MAX_ERROR_BODY_BYTES}. */
async function readErrorBody(response: FetchResponseLike, attempt: Attempt): Promise<string> {
  const reader = response.body?.getReader();
  if (reader === undefined) return '';
  const decoder = newUtf8Decoder();
  let text = '';
  let bytes = 0;
  try {
    while (bytes < MAX_ERROR_BODY_BYTES) {
      const { done, value } = await attempt.race(reader.read());
      if (done) return text + decoder.decode();
      bytes += value?.length ?? 0;
      text += decoder.decode(value, { stream: true });
    }
    reader.cancel().catch(() => undefined);
  } catch (error) {
    if (error === ATTEMPT_ABORTED && attempt.abortCause === 'cancelled') throw error;
    // A body that breaks off still leaves the status, which says enough.
  }
  return text;
}

/** What a failed fetch or read means: cancelled, timed out, or a network failure (worth a retry). */
function attemptError(
  settings: TransportSettings,
  error: unknown,
  attempt: Attempt,
  signal: AbortSignal | undefined,
  phase: 'send' | 'read',
): ChatClientError {
  const request = `POST ${settings.url}`;
  if (error instanceof ChatClientError) return error;
  if (attempt.abortCause === 'cancelled') return cancelledError(settings, signal);
  if (attempt.abortCause === 'timeout') {
    const ms = String(settings.timeoutMs);
    const what = phase === 'send' ? `did not answer within ${ms} ms` : `went silent for ${ms} ms in the middle of its reply`;
    const message = `The model server ${what} (${request}); timed out. A slow model may need a larger timeoutMs.`;
    return new ChatClientError(settings.redact(message), {
      code: 'timeout',
      retryable: true,
    });
  }
  // fetch rejects with a TypeError when the network fails (refused, reset, DNS); Node puts the reason in `cause`.
  const detail = describe(error);
  const message =
    phase === 'send'
      ? `Could not reach the model server (${request}): ${detail}. Is the server running at ${settings.baseUrl}?`
      : `The connection to the model server broke during its reply (${request}): ${detail}.`;
  return new ChatClientError(settings.redact(message), {
    code: 'network',
    retryable: error instanceof TypeError,
    cause: error,
  });
}

function cancelledError(settings: TransportSettings, signal: AbortSignal | undefined): ChatClientError {
  return new ChatClientError(settings.redact(`The model call was cancelled (POST ${settings.url}).`), {
    code: 'cancelled',
    cause: signal?.reason,
  });
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause: unknown = error.cause;
  if (!(cause instanceof Error)) return error.message;
  // Node 20 reports a refused `localhost` (tried on ::1 and 127.0.0.1) as an AggregateError with no message.
  const code = (cause as { code?: unknown }).code;
  const causeText = cause.message !== '' ? cause.message : typeof code === 'string' ? code : cause.name;
  return `${error.message} (${causeText})`;
}

/** How long to wait before attempt `attempts + 1`: the server's `Retry-After`, else exponential backoff with jitter. */
export function retryDelayMs(
  settings: Pick<TransportSettings, 'retryBaseDelayMs' | 'maxRetryDelayMs'>,
  attempts: number,
  headers: { get(name: string): string | null } | undefined,
  now = Date.now(),
  random = Math.random,
): number {
  const cap = settings.maxRetryDelayMs;
  const asked = headers === undefined ? undefined : retryAfterMs(headers, now);
  if (asked !== undefined) return Math.min(cap, asked);
  const exponential = Math.min(cap, settings.retryBaseDelayMs * 2 ** (attempts - 1));
  // "Equal jitter": at least half the backoff, so clients that failed together spread out but still wait.
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/** `retry-after-ms` (OpenAI, Azure) or `Retry-After` in seconds or as an HTTP date; `undefined` if absent or unreadable. */
export function retryAfterMs(headers: { get(name: string): string | null }, now: number): number | undefined {
  const ms = Number(headers.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers.get('retry-after')?.trim();
  if (value === undefined || value === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds * 1000 : undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Waits between attempts; the caller's abort ends the wait at once, even if an injected sleep ignores it. */
async function pause(settings: TransportSettings, ms: number, signal: AbortSignal | undefined): Promise<void> {
  if (signal?.aborted === true) throw cancelledError(settings, signal);
  let onAbort = (): void => undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      reject(cancelledError(settings, signal));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  const sleep = settings.sleep ?? defaultSleep;
  try {
    await Promise.race([sleep(ms, signal), aborted]);
  } catch (error) {
    // An injected sleep may reject with the signal's reason; the caller gets the same error as elsewhere.
    throw isAborted(signal) ? cancelledError(settings, signal) : error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const onAbort = (): void => {
      stop();
      resolve();
    };
    // On abort the timer is cleared so it does not keep the host busy; pause() has already rejected.
    const stop = startTimer(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Read through a call so TypeScript does not keep an earlier narrowing of `signal.aborted` across awaits. */
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}
