import type { JsonValue } from '../checkpoint/types.js';
import { Executor } from '../executors/executor.js';
import { emitAgentUpdate, type WorkflowContext } from '../runtime/context.js';
import { guard } from '../types/type-spec.js';
import {
  isAgentExecutorRequest,
  isAgentExecutorResponse,
  isChatMessage,
  type AgentExecutorRequest,
  type AgentExecutorResponse,
} from './agent-messages.js';
import type { Agent, AgentResponse, ChatMessage } from './types.js';

/** What an agent executor takes: text, chat messages, a request, an upstream agent's response, or a list of these. */
export type AgentInput = string | ChatMessage | AgentExecutorRequest | AgentExecutorResponse | readonly AgentInput[];

function isAgentInput(value: unknown): value is AgentInput {
  if (typeof value === 'string' || isChatMessage(value) || isAgentExecutorRequest(value) || isAgentExecutorResponse(value)) return true;
  return Array.isArray(value) && value.length > 0 && value.every(isAgentInput);
}

/**
 * An agent as a workflow node (made for you when an agent is given to `WorkflowBuilder`; its id is
 * the agent's name). Each input joins its conversation; then the agent answers with the whole
 * conversation. It yields its `AgentResponse` as a workflow output (exactly one per invocation) and
 * sends an {@link AgentExecutorResponse} with the full conversation downstream, so the next agent
 * sees everything said so far. When the run streams, each token delta is an `agent_update` event.
 */
export class AgentExecutor extends Executor {
  readonly agent: Agent;
  /** The conversation so far (inputs and answers); kept between invocations, as in Agent Framework. */
  #conversation: ChatMessage[] = [];

  constructor(agent: Agent, options: { id?: string } = {}) {
    super(options.id ?? agent.name);
    this.agent = agent;
    // guard() marks it as a predicate: a minifier may rename it to a capitalised name that reads as a class
    this.addHandler({ input: guard(isAgentInput, 'isAgentInput') }, this.#onInput, 'agentInput');
  }

  override get typeName(): string {
    return 'AgentExecutor';
  }

  /** The conversation the agent has seen and said so far. */
  get conversation(): readonly ChatMessage[] {
    return this.#conversation;
  }

  override onCheckpointSave(): JsonValue {
    return { conversation: this.#conversation as unknown as JsonValue };
  }

  override onCheckpointRestore(state: unknown): void {
    this.#conversation = [...((state as { conversation?: ChatMessage[] }).conversation ?? [])];
  }

  async #onInput(input: AgentInput, ctx: WorkflowContext<AgentExecutorResponse, AgentResponse>): Promise<void> {
    const respond = this.#absorb(input);
    if (!respond) return;
    const options = {
      signal: ctx.signal,
      ...(ctx.isStreaming()
        ? {
            onDelta: (delta: string) => {
              emitAgentUpdate(ctx, delta);
            },
          }
        : {}),
    };
    const response = await this.agent.run(this.#conversation, options);
    this.#conversation = [...this.#conversation, ...response.messages];
    await ctx.yieldOutput(response);
    await ctx.sendMessage({
      type: 'agent_executor_response',
      executorId: this.id,
      agentResponse: response,
      fullConversation: [...this.#conversation],
    });
  }

  /** Adds an input to the conversation; false when it asks not to answer yet. */
  #absorb(input: AgentInput): boolean {
    if (typeof input === 'string') {
      this.#conversation.push({ role: 'user', text: input });
      return true;
    }
    if (Array.isArray(input)) {
      let respond = false;
      for (const item of input as readonly AgentInput[]) respond = this.#absorb(item) || respond;
      return respond;
    }
    if (isAgentExecutorRequest(input)) {
      this.#conversation.push(...input.messages);
      return input.shouldRespond !== false;
    }
    if (isAgentExecutorResponse(input)) {
      // The upstream conversation already holds what this agent said before; take it as the whole.
      this.#conversation = mergeConversation(this.#conversation, input.fullConversation);
      return true;
    }
    this.#conversation.push(input as ChatMessage);
    return true;
  }
}

/** Appends the part of `incoming` this conversation does not already end with. */
function mergeConversation(own: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  let shared = 0;
  while (shared < own.length && shared < incoming.length && sameMessage(own[shared] as ChatMessage, incoming[shared] as ChatMessage))
    shared++;
  return shared === own.length ? [...incoming] : [...own, ...incoming.slice(shared)];
}

function sameMessage(a: ChatMessage, b: ChatMessage): boolean {
  return a.role === b.role && a.text === b.text && a.authorName === b.authorName;
}

/** True for an {@link Agent}: something with a name and a `run` method that is not already an executor. */
export function isAgent(value: unknown): value is Agent {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof Executor) &&
    typeof (value as { name?: unknown }).name === 'string' &&
    typeof (value as { run?: unknown }).run === 'function'
  );
}
