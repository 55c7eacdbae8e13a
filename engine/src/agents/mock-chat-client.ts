import { BaseChatClient } from './base-chat-client.js';
import type { ChatOptions, ChatResponse, ChatResponseUpdate } from './chat-client.js';
import type { ChatMessage } from './types.js';

/** Options of {@link MockChatClient}. */
export interface MockChatClientOptions {
  /** Pause before each streamed delta, in ms (default 0), so a UI can show tokens arriving. */
  delayMs?: number;
  /** How to wait `ms` milliseconds; required for a non-zero `delayMs` (hosts pass their timer). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * A deterministic, offline model: the default wherever no model is configured. Its reply is built
 * from the agent's name, its instructions and the conversation, so the stages of a pipeline answer
 * visibly differently and the same input always gives the same reply. It streams its reply in
 * several deltas, like a real model.
 */
export class MockChatClient extends BaseChatClient {
  readonly #delayMs: number;
  readonly #sleep: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;

  constructor(options: MockChatClientOptions = {}) {
    super();
    this.#delayMs = options.delayMs ?? 0;
    this.#sleep = options.sleep;
    if (this.#delayMs > 0 && this.#sleep === undefined) throw new TypeError('MockChatClient: a delayMs needs a sleep function');
  }

  getResponse(messages: readonly ChatMessage[], options: ChatOptions = {}): Promise<ChatResponse> {
    options.signal?.throwIfAborted();
    const text = mockReply(messages, options.agentName);
    return Promise.resolve({ messages: [{ role: 'assistant', text }], text, finishReason: 'stop' });
  }

  async *getStreamingResponse(messages: readonly ChatMessage[], options: ChatOptions = {}): AsyncIterable<ChatResponseUpdate> {
    const chunks = splitIntoDeltas(mockReply(messages, options.agentName));
    for (const [index, delta] of chunks.entries()) {
      options.signal?.throwIfAborted();
      if (this.#sleep !== undefined && this.#delayMs > 0) await this.#sleep(this.#delayMs, options.signal);
      yield index === chunks.length - 1 ? { delta, finishReason: 'stop' } : { delta };
    }
  }
}

const ROLE_VERBS: readonly (readonly [RegExp, string])[] = [
  [/review|feedback|critic|approv/i, 'Review of'],
  [/edit|improv|polish|clarity/i, 'Edited version of'],
  [/research|gather|investigat|analy/i, 'Research notes on'],
  [/writ|draft|creat|compos/i, 'Draft for'],
  [/summar/i, 'Summary of'],
  [/translat/i, 'Translation of'],
  [/classif|triage|rout/i, 'Classification of'],
];

const NOTES = [
  'Keep it short and concrete.',
  'Lead with the benefit, then the proof.',
  'Name the audience in the first line.',
  'Cut every word that does not carry weight.',
  'End with one clear next step.',
  'Prefer plain words to jargon.',
  'One idea per sentence reads best.',
  'Back each claim with a number.',
];

/** The mock's reply: who answers, in what role, about what, building on whom. */
export function mockReply(messages: readonly ChatMessage[], agentName = 'Assistant'): string {
  const instructions = messages
    .filter((m) => m.role === 'system')
    .map((m) => m.text)
    .join(' ');
  const userTexts = messages
    .filter((m) => m.role === 'user')
    .map((m) => m.text.trim())
    .filter((t) => t !== '');
  const topic = truncate(userTexts[0] ?? 'the request', 80);
  const previous = [...messages].reverse().find((m) => m.role === 'assistant');
  const verb = roleVerb(instructions);
  const seed = fnv1a(`${agentName}\u0000${instructions}\u0000${messages.map((m) => `${m.role}:${m.text}`).join('\u0001')}`);
  const note = NOTES[seed % NOTES.length] as string;
  const building =
    previous === undefined ? '' : ` Building on ${previous.authorName ?? 'the previous answer'}: "${truncate(previous.text, 60)}".`;
  const role = describeRole(instructions);
  return `${verb} "${topic}" by ${agentName}${role === '' ? '' : ` (${role})`}.${building} ${note} [mock ${seed.toString(16).padStart(8, '0').slice(0, 6)}]`;
}

/** The verb of the role the instructions name first ("Write ... based on research" is a writer). */
function roleVerb(instructions: string): string {
  let best: { at: number; verb: string } | undefined;
  for (const [pattern, verb] of ROLE_VERBS) {
    const at = instructions.search(pattern);
    if (at !== -1 && (best === undefined || at < best.at)) best = { at, verb };
  }
  return best?.verb ?? 'Response to';
}

function describeRole(instructions: string): string {
  const first = instructions.split(/(?<=[.!?])\s/)[0]?.trim() ?? '';
  const role = first.replace(/^you are\s+/i, '').replace(/[.!?]$/, '');
  return truncate(role, 60);
}

/** Splits a reply into deltas of a few words each (whitespace kept, so they join back exactly). */
function splitIntoDeltas(text: string): string[] {
  const words = text.match(/\S+\s*/g) ?? [text];
  const deltas: string[] = [];
  for (let i = 0; i < words.length; i += 3) deltas.push(words.slice(i, i + 3).join(''));
  return deltas.length > 0 ? deltas : [''];
}

function truncate(text: string, max: number): string {
  const single = text.replace(/\s+/g, ' ');
  return single.length <= max ? single : `${single.slice(0, max - 1)}…`;
}

/** FNV-1a, 32 bits: a small stable hash, so replies are repeatable across runs and hosts. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
