import type { JsonValue } from '../checkpoint/types.js';

/** Who said a chat message. */
export type ChatRole = 'system' | 'user' | 'assistant' | 'tool';

/** A piece of a chat message beyond its text. */
export type ContentPart =
  | { type: 'text'; text: string }
  | { type: 'function_call'; callId: string; name: string; arguments: JsonValue }
  | { type: 'function_result'; callId: string; result: JsonValue }
  | {
      /** A request for a human decision surfaced by an agent (e.g. a workflow's pending `request_info`). */
      type: 'function_approval_request';
      id: string;
      functionCall: { callId: string; name: string; arguments: JsonValue };
    }
  | { type: 'function_approval_response'; id: string; approved: boolean; result?: JsonValue };

/** One chat message: plain data. `text` joins the message's text parts. */
export interface ChatMessage {
  role: ChatRole;
  text: string;
  /** The agent (or person) that wrote it, e.g. `'Writer'`. */
  authorName?: string;
  /** Structured parts (function calls, approval requests); absent for a plain text message. */
  contents?: ContentPart[];
}

/** What an agent answers: its messages and their joined text. */
export interface AgentResponse {
  text: string;
  messages: ChatMessage[];
}

/** Options of {@link Agent.run}. */
export interface AgentRunOptions {
  /** Aborts the model call (and the run of an agent made from a workflow). */
  signal?: AbortSignal;
  /** Called with each streamed text delta, in order, when the agent streams. */
  onDelta?: (delta: string) => void;
}

/**
 * Anything that answers chat messages: a model-backed agent (`client.asAgent(...)`) or a workflow
 * made into one (`pipeline.asAgent(...)`). An agent placed in a `WorkflowBuilder` becomes an
 * executor whose id is its name.
 */
export interface Agent {
  readonly name: string;
  readonly description?: string | undefined;
  run(input: string | ChatMessage | readonly ChatMessage[], options?: AgentRunOptions): Promise<AgentResponse>;
}

/** Normalizes an agent's input to a list of chat messages (a string becomes one user message). */
export function toChatMessages(input: string | ChatMessage | readonly ChatMessage[]): ChatMessage[] {
  if (typeof input === 'string') return [{ role: 'user', text: input }];
  if (Array.isArray(input)) return [...(input as readonly ChatMessage[])];
  return [input as ChatMessage];
}
