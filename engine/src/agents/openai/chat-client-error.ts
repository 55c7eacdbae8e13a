import { WorkflowError } from '../../errors.js';

/** What kind of failure a {@link ChatClientError} is, beyond the server's own codes. */
export type ChatClientErrorCode = 'network' | 'timeout' | 'cancelled' | 'stream_cut_off' | 'bad_response';

/**
 * A model call failed: the server answered an error status, could not be reached, timed out, cut
 * its stream off, sent something that is not a chat completion, or the call was cancelled (then
 * `code` is `'cancelled'` and `cause` is the abort signal's reason). The message names the method,
 * the URL, the status and the server's own message, with a hint for the usual mistakes; it never
 * contains the API key (the client scrubs it, even from text a server echoes back).
 */
export class ChatClientError extends WorkflowError {
  /** The HTTP status, when the server answered one. */
  readonly status: number | undefined;
  /** The server's `error.code` (or `error.type`), else one of {@link ChatClientErrorCode}. */
  readonly code: string | undefined;
  /**
   * Whether the failure is transient (429, 5xx, network, timeout, a stream cut off), so the same
   * call may succeed later. The client itself retries such failures only before a response body
   * was read; a half-read stream is never replayed.
   */
  readonly retryable: boolean;

  constructor(message: string, details: { status?: number; code?: string; retryable?: boolean; cause?: unknown } = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'ChatClientError';
    this.status = details.status;
    this.code = details.code;
    this.retryable = details.retryable ?? false;
  }
}

/** The longest server message quoted in an error. */
const MAX_SERVER_MESSAGE = 500;

const REASONS: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The statuses worth another attempt: rate limits and transient server or gateway failures. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/** The message and code of an error payload, in the shapes OpenAI-compatible servers use. */
export function serverErrorOf(payload: unknown): { message: string; code?: string } | undefined {
  if (!isRecord(payload)) return undefined;
  const { error } = payload;
  // OpenAI, Azure, LM Studio, llama.cpp, recent vLLM: { error: { message, type, code } }
  if (isRecord(error)) return withCode(stringOf(error.message) ?? JSON.stringify(error), error.code ?? error.type);
  // Ollama: { error: "model 'x' not found" }
  if (typeof error === 'string') return { message: error };
  // Older vLLM: { object: 'error', message, type, code }
  if (payload.object === 'error') return withCode(stringOf(payload.message) ?? 'unknown error', payload.type ?? payload.code);
  return undefined;
}

/** The server's message from an error response body: its JSON error payload, or its text. */
export function serverMessageOf(bodyText: string): { message: string; code?: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    parsed = undefined;
  }
  const fromJson = serverErrorOf(parsed);
  if (fromJson !== undefined) return { ...fromJson, message: truncate(fromJson.message) };
  const detail = isRecord(parsed) ? (stringOf(parsed.detail) ?? stringOf(parsed.message)) : undefined; // FastAPI-style servers
  return { message: truncate(detail ?? bodyText) };
}

/**
 * The error for a non-2xx answer: status, reason, the server's message, the request and a hint,
 * passed through `redact` (a server may echo the key back).
 */
export function httpError(
  request: string,
  response: { status: number; statusText: string },
  bodyText: string,
  redact: (text: string) => string,
): ChatClientError {
  const { status } = response;
  const { message, code } = serverMessageOf(bodyText);
  const reason = response.statusText.trim() === '' ? REASONS[status] : response.statusText.trim();
  const head = `Model server answered ${String(status)}${reason === undefined ? '' : ` ${reason}`}`;
  const text = redact(`${head}${message === '' ? '' : `: ${message}`} (${request}).${hintFor(status)}`);
  return new ChatClientError(text, { status, ...(code === undefined ? {} : { code: redact(code) }), retryable: isRetryableStatus(status) });
}

function hintFor(status: number): string {
  if (status === 401 || status === 403) return ' Check the API key.';
  if (status === 404) return ' Check the base URL (OpenAI-compatible servers usually expect it to end in /v1) and the model name.';
  if (status === 429) return ' The server is rate-limiting requests or out of quota.';
  return '';
}

/** A copy of `error` whose message says how many attempts were made before giving up. */
export function afterAttempts(error: ChatClientError, attempts: number): ChatClientError {
  if (attempts <= 1) return error;
  return new ChatClientError(`${error.message} Gave up after ${String(attempts)} attempts.`, {
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.code === undefined ? {} : { code: error.code }),
    retryable: error.retryable,
    cause: error.cause,
  });
}

/**
 * A function that replaces each secret in a text with `[redacted]`. Strings shorter than four
 * characters are placeholders (`'x'`, `'na'`), not secrets, and scrubbing them would mangle numbers.
 */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const real = [...new Set(secrets.filter((s) => s.length >= 4))].sort((a, b) => b.length - a.length);
  return (text) => real.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
}

function withCode(message: string, code: unknown): { message: string; code?: string } {
  return typeof code === 'string' || typeof code === 'number' ? { message, code: String(code) } : { message };
}

function truncate(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= MAX_SERVER_MESSAGE ? flat : `${flat.slice(0, MAX_SERVER_MESSAGE)}…`;
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** A plain object (a parsed JSON object). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
