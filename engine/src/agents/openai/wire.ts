import type { ChatUsage } from '../chat-client.js';
import type { ChatMessage } from '../types.js';
import { isRecord, serverErrorOf } from './chat-client-error.js';

/** One message as the Chat Completions protocol carries it. */
export interface WireMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
  name?: string;
}

/** What {@link requestBody} needs to know about one call. */
export interface RequestSettings {
  model: string;
  stream: boolean;
  streamUsage: boolean;
  temperature?: number | undefined;
  maxTokens?: number | undefined;
}

/** Raises a protocol failure; the client turns it into a `ChatClientError` naming the request. */
export type Fail = (message: string, code?: string) => never;

/** The JSON body of a `POST /chat/completions`. */
export function requestBody(messages: readonly ChatMessage[], settings: RequestSettings): string {
  const body: Record<string, unknown> = { model: settings.model, messages: messages.map(toWireMessage), stream: settings.stream };
  // Only what was asked for: some servers reject fields they do not know (stream_options among them).
  if (settings.stream && settings.streamUsage) body.stream_options = { include_usage: true };
  if (settings.temperature !== undefined) body.temperature = settings.temperature;
  if (settings.maxTokens !== undefined) body.max_tokens = settings.maxTokens;
  return JSON.stringify(body);
}

/**
 * Maps a message to the protocol. A `tool` message cannot be sent as one without the tool-calling
 * handshake (a `tool_call_id` answering an assistant's `tool_calls`, which servers check), so its
 * text goes as a user message rather than have the whole conversation rejected.
 */
export function toWireMessage(message: ChatMessage): WireMessage {
  const role = message.role === 'tool' ? 'user' : message.role;
  const wire: WireMessage = { role, content: message.text };
  const name = message.authorName === undefined ? undefined : sanitizeName(message.authorName);
  if (name !== undefined) wire.name = name;
  return wire;
}

/**
 * An author name as the protocol allows it (`^[a-zA-Z0-9_-]{1,64}$`): spaces become `_`, other
 * characters are dropped; `undefined` when nothing recognisable is left (the name is then omitted).
 */
export function sanitizeName(name: string): string | undefined {
  const cleaned = name
    .trim()
    .replace(/\s+/g, '_')
    .replace(/[^a-zA-Z0-9_-]/g, '')
    .slice(0, 64);
  return /[a-zA-Z0-9]/.test(cleaned) ? cleaned : undefined;
}

/** A non-streamed completion's text, finish reason and usage. */
export interface ParsedCompletion {
  text: string;
  finishReason?: string;
  usage?: ChatUsage;
}

/** Reads `choices[0].message` of a non-streamed completion. */
export function parseCompletion(payload: unknown, fail: Fail): ParsedCompletion {
  const serverError = serverErrorOf(payload);
  if (serverError !== undefined) fail(`The model server reported an error: ${serverError.message}`, serverError.code ?? 'bad_response');
  if (!isRecord(payload)) return fail('The model server answered something that is not a chat completion', 'bad_response');
  const choice = firstChoice(payload);
  const message = choice?.message;
  if (choice === undefined || !isRecord(message))
    return fail('The model server answered a chat completion without choices', 'bad_response');
  // A refusal (OpenAI) comes with a null content; it is still the model's answer.
  const text = contentText(message.content) || contentText(message.refusal);
  return withExtras<ParsedCompletion>({ text }, choice.finish_reason, payload.usage);
}

/** One streamed chunk: its text delta, and the finish reason and usage when it carries them. */
export interface ParsedChunk {
  delta: string;
  finishReason?: string;
  usage?: ChatUsage;
}

/** Reads one `data:` payload of a streamed completion (`[DONE]` is handled by the caller). */
export function parseChunk(data: string, fail: Fail): ParsedChunk {
  let payload: unknown;
  try {
    payload = JSON.parse(data);
  } catch {
    return fail(`The model server sent a stream event that is not JSON: ${data.slice(0, 200)}`, 'bad_response');
  }
  const serverError = serverErrorOf(payload);
  if (serverError !== undefined) fail(`The model server reported an error mid-stream: ${serverError.message}`, serverError.code);
  if (!isRecord(payload)) return fail('The model server sent a stream event that is not a chat completion chunk', 'bad_response');
  const choice = firstChoice(payload);
  // The usage chunk of `include_usage` has no choices at all.
  const delta = choice !== undefined && isRecord(choice.delta) ? contentText(choice.delta.content) : '';
  return withExtras<ParsedChunk>({ delta }, choice?.finish_reason, payload.usage);
}

/** Text content: a string, or an array of parts of which the text ones count; anything else is empty. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part: unknown) => (isRecord(part) && typeof part.text === 'string' ? part.text : '')).join('');
}

/** Token counts in the protocol's snake_case, as {@link ChatUsage}; `undefined` when there are none. */
export function parseUsage(usage: unknown): ChatUsage | undefined {
  if (!isRecord(usage)) return undefined;
  const result: ChatUsage = {};
  if (typeof usage.prompt_tokens === 'number') result.promptTokens = usage.prompt_tokens;
  if (typeof usage.completion_tokens === 'number') result.completionTokens = usage.completion_tokens;
  if (typeof usage.total_tokens === 'number') result.totalTokens = usage.total_tokens;
  return Object.keys(result).length === 0 ? undefined : result;
}

function firstChoice(payload: Record<string, unknown>): Record<string, unknown> | undefined {
  const choices = payload.choices;
  const first: unknown = Array.isArray(choices) ? choices[0] : undefined;
  return isRecord(first) ? first : undefined;
}

function withExtras<T extends { finishReason?: string; usage?: ChatUsage }>(target: T, finishReason: unknown, usage: unknown): T {
  if (typeof finishReason === 'string' && finishReason !== '') target.finishReason = finishReason;
  const parsedUsage = parseUsage(usage);
  if (parsedUsage !== undefined) target.usage = parsedUsage;
  return target;
}
