import type { ChatMessage } from './types.js';

/** Options of one model call. */
export interface ChatOptions {
  /** Aborts the call (a cancelled workflow aborts its agents' calls). */
  signal?: AbortSignal;
  /** Overrides the client's model for this call. */
  model?: string;
  temperature?: number;
  maxTokens?: number;
  /** The name of the agent making the call (the offline mock uses it; real models ignore it). */
  agentName?: string;
}

/** Token counts a model reports, when it does. */
export interface ChatUsage {
  promptTokens?: number;
  completionTokens?: number;
  totalTokens?: number;
}

/** A model's complete answer. */
export interface ChatResponse {
  /** The messages the model produced (normally one assistant message). */
  messages: ChatMessage[];
  /** Their joined text. */
  text: string;
  finishReason?: string;
  usage?: ChatUsage;
}

/** One piece of a streamed answer: a text delta, and at the end the finish reason and usage. */
export interface ChatResponseUpdate {
  delta: string;
  finishReason?: string;
  usage?: ChatUsage;
}

/**
 * A model: the interface every client implements (spec: Agents). `getResponse` answers at once;
 * `getStreamingResponse` yields text deltas as they arrive. Messages go in as the whole
 * conversation, system instructions first.
 */
export interface ChatClient {
  getResponse(messages: readonly ChatMessage[], options?: ChatOptions): Promise<ChatResponse>;
  getStreamingResponse(messages: readonly ChatMessage[], options?: ChatOptions): AsyncIterable<ChatResponseUpdate>;
}
