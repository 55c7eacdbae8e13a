import type { ChatClient, ChatOptions } from './chat-client.js';
import { toChatMessages, type Agent, type AgentResponse, type AgentRunOptions, type ChatMessage } from './types.js';

/** Options of `client.asAgent(...)`. */
export interface ChatAgentOptions {
  /** The agent's name: its executor id in a workflow and the `authorName` of its messages. */
  name: string;
  /** System instructions, sent before the conversation. */
  instructions?: string;
  description?: string;
  /** Model options for every call (model, temperature, maxTokens). */
  chatOptions?: Omit<ChatOptions, 'signal' | 'agentName'>;
}

/**
 * An agent backed by a {@link ChatClient} (the seed's `client.as_agent(...)`): it sends its
 * instructions and the conversation to the model and answers with one assistant message whose
 * `authorName` is its name. With `onDelta` it streams.
 */
export class ChatAgent implements Agent {
  readonly name: string;
  readonly instructions: string | undefined;
  readonly description: string | undefined;
  readonly client: ChatClient;
  readonly #chatOptions: Omit<ChatOptions, 'signal' | 'agentName'>;

  constructor(client: ChatClient, options: ChatAgentOptions) {
    if (typeof options.name !== 'string' || options.name.trim() === '') throw new TypeError('An agent needs a non-empty name');
    this.client = client;
    this.name = options.name;
    this.instructions = options.instructions;
    this.description = options.description;
    this.#chatOptions = options.chatOptions ?? {};
  }

  async run(input: string | ChatMessage | readonly ChatMessage[], options: AgentRunOptions = {}): Promise<AgentResponse> {
    const messages: ChatMessage[] = [];
    if (this.instructions !== undefined && this.instructions !== '') messages.push({ role: 'system', text: this.instructions });
    messages.push(...toChatMessages(input));
    const chatOptions: ChatOptions = { ...this.#chatOptions, agentName: this.name };
    if (options.signal !== undefined) chatOptions.signal = options.signal;
    let text: string;
    if (options.onDelta === undefined) {
      text = (await this.client.getResponse(messages, chatOptions)).text;
    } else {
      text = '';
      for await (const update of this.client.getStreamingResponse(messages, chatOptions)) {
        if (update.delta === '') continue;
        text += update.delta;
        options.onDelta(update.delta);
      }
    }
    return { text, messages: [{ role: 'assistant', text, authorName: this.name }] };
  }
}
