import { ChatAgent, type ChatAgentOptions } from './chat-agent.js';
import type { ChatClient, ChatOptions, ChatResponse, ChatResponseUpdate } from './chat-client.js';
import type { ChatMessage } from './types.js';

/**
 * What every model client shares: `asAgent` (the seed's `client.as_agent(name=..., instructions=...)`)
 * on top of the two calls each client implements.
 */
export abstract class BaseChatClient implements ChatClient {
  abstract getResponse(messages: readonly ChatMessage[], options?: ChatOptions): Promise<ChatResponse>;
  abstract getStreamingResponse(messages: readonly ChatMessage[], options?: ChatOptions): AsyncIterable<ChatResponseUpdate>;

  /**
   * Makes an agent backed by this client. Placed in a `WorkflowBuilder`, it becomes an executor
   * whose id is its name.
   */
  asAgent(options: ChatAgentOptions): ChatAgent {
    return new ChatAgent(this, options);
  }
}
