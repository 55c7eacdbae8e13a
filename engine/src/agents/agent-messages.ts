import type { AgentResponse, ChatMessage } from './types.js';

/** Input for an agent executor: messages to add to its conversation, and whether to answer now. */
export interface AgentExecutorRequest {
  type: 'agent_executor_request';
  messages: ChatMessage[];
  /** False to only add the messages (the agent answers on a later request). Default true. */
  shouldRespond?: boolean;
}

/** What an agent executor sends downstream: its answer and the whole conversation so far. */
export interface AgentExecutorResponse {
  type: 'agent_executor_response';
  executorId: string;
  agentResponse: AgentResponse;
  /** Everything said so far, this answer included, so the next agent sees it all. */
  fullConversation: ChatMessage[];
}

/** Makes an {@link AgentExecutorRequest}. */
export function agentRequest(messages: ChatMessage[], shouldRespond = true): AgentExecutorRequest {
  return { type: 'agent_executor_request', messages, shouldRespond };
}

/** True for an {@link AgentExecutorRequest}. */
export function isAgentExecutorRequest(value: unknown): value is AgentExecutorRequest {
  return isTyped(value, 'agent_executor_request') && Array.isArray((value as { messages?: unknown }).messages);
}

/** True for an {@link AgentExecutorResponse}. */
export function isAgentExecutorResponse(value: unknown): value is AgentExecutorResponse {
  return isTyped(value, 'agent_executor_response') && Array.isArray((value as { fullConversation?: unknown }).fullConversation);
}

/** True for a {@link ChatMessage}. */
export function isChatMessage(value: unknown): value is ChatMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { role, text } = value as { role?: unknown; text?: unknown };
  return (role === 'user' || role === 'assistant' || role === 'system' || role === 'tool') && typeof text === 'string';
}

function isTyped(value: unknown, type: string): boolean {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === type;
}
