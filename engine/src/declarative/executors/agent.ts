import { AgentExecutor } from '../../agents/agent-executor.js';
import { ChatAgent } from '../../agents/chat-agent.js';
import type { ChatClient } from '../../agents/chat-client.js';
import type { Agent } from '../../agents/types.js';
import type { JsonValue } from '../../checkpoint/types.js';
import type { HandlerRegistration, ResponseHandlerRegistration } from '../../executors/executor.js';
import type { DeclarativeScope, ObservedHandlers } from '../compile-scope.js';
import type { AgentExecutorDefinition } from '../schema.js';
import type { ExecutorEnvironment } from './environment.js';

/**
 * The engine's `AgentExecutor`, reporting each invocation to the workflow's CEL scope (and, as the
 * start executor, carrying the scope in its checkpoint snapshot beside the conversation).
 */
export class DeclarativeAgentExecutor extends AgentExecutor {
  readonly #observed: ObservedHandlers;
  readonly #startScope: DeclarativeScope | undefined;

  constructor(agent: Agent, id: string, env: ExecutorEnvironment) {
    super(agent, { id });
    this.#observed = env.observed;
    this.#startScope = id === env.startId ? env.scope : undefined;
  }

  override findHandler(message: unknown): HandlerRegistration | undefined {
    return this.#observed.handler(super.findHandler(message));
  }

  override findResponseHandler(request: unknown, response: unknown): ResponseHandlerRegistration | undefined {
    return this.#observed.responseHandler(super.findResponseHandler(request, response));
  }

  override onCheckpointSave(): JsonValue {
    const base = super.onCheckpointSave();
    return this.#startScope === undefined ? base : { ...(base as Record<string, JsonValue>), declarative: this.#startScope.snapshot() };
  }

  override onCheckpointRestore(state: unknown): void {
    super.onCheckpointRestore(state);
    this.#startScope?.restore((state as { declarative?: unknown }).declarative);
  }
}

/** Makes an agent with `client.asAgent` when the client has it (every `BaseChatClient`), else a `ChatAgent`. */
function makeAgent(client: ChatClient, options: { name: string; instructions?: string }): Agent {
  const withAsAgent = client as ChatClient & { asAgent?: (o: { name: string; instructions?: string }) => Agent };
  return typeof withAsAgent.asAgent === 'function' ? withAsAgent.asAgent(options) : new ChatAgent(client, options);
}

/**
 * Compiles an `agent` executor: an agent named `name` (default: the id) with the definition's
 * instructions, answering through the client for its `model:` key, as an executor with the
 * definition's id.
 */
export function compileAgentExecutor(definition: AgentExecutorDefinition, env: ExecutorEnvironment): DeclarativeAgentExecutor {
  const options: { name: string; instructions?: string } = { name: definition.name ?? definition.id };
  if (definition.instructions !== undefined) options.instructions = definition.instructions;
  return new DeclarativeAgentExecutor(makeAgent(env.clientFor(definition.model), options), definition.id, env);
}
