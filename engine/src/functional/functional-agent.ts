import type { Agent, AgentResponse, AgentRunOptions, ChatMessage, ContentPart } from '../agents/types.js';
import { toChatMessages } from '../agents/types.js';
import { encodeCheckpointValue } from '../checkpoint/codec.js';
import type { WorkflowRunResult } from '../runtime/run-result.js';
import type { FunctionalWorkflow } from './functional-workflow.js';

/** Options of `FunctionalWorkflow.asAgent`. */
export interface FunctionalAgentOptions {
  /** Default: the workflow's name. */
  name?: string;
  /** Default: the workflow's description. */
  description?: string;
}

/**
 * A functional workflow as an {@link Agent} (the seed's `.as_agent()`). `run(messages)` runs the
 * workflow on the text of the last user message; the outputs come back as assistant messages
 * (strings as text, other values as JSON), and each pending request as an assistant message with
 * a `function_approval_request` part whose function call is `request_info` with arguments
 * `{ request_id, data }`. A later `run` whose messages carry `function_approval_response` parts
 * for those ids answers them (`result` when given, else `approved`) and replays the workflow.
 */
export class FunctionalWorkflowAgent implements Agent {
  readonly name: string;
  readonly description?: string;
  readonly #workflow: FunctionalWorkflow;

  constructor(workflow: FunctionalWorkflow, options: FunctionalAgentOptions = {}) {
    this.#workflow = workflow;
    this.name = options.name ?? workflow.name;
    const description = options.description ?? workflow.description;
    if (description !== undefined) this.description = description;
  }

  /** The workflow this agent runs. */
  get workflow(): FunctionalWorkflow {
    return this.#workflow;
  }

  async run(input: string | ChatMessage | readonly ChatMessage[], options: AgentRunOptions = {}): Promise<AgentResponse> {
    const messages = toChatMessages(input);
    const { signal } = options;
    signal?.throwIfAborted();
    const onAbort = (): void => {
      this.#workflow.cancel();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const responses = approvalResponses(messages);
      const result =
        responses === undefined
          ? await this.#workflow.run(lastUserText(messages, this.name))
          : await this.#workflow.sendResponses(this.#answering(responses));
      signal?.throwIfAborted();
      return this.#toResponse(result);
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** The answers for requests the workflow has pending; all of them when none matches (so the workflow names the problem). */
  #answering(responses: Record<string, unknown>): Record<string, unknown> {
    const pending = new Set(this.#workflow.getPendingRequests().map((r) => r.requestId));
    const matching = Object.entries(responses).filter(([id]) => pending.has(id));
    return matching.length > 0 ? Object.fromEntries(matching) : responses;
  }

  #toResponse(result: WorkflowRunResult): AgentResponse {
    const authorName = this.name;
    const messages: ChatMessage[] = result.getOutputs().map((output) => ({
      role: 'assistant',
      text: typeof output === 'string' ? output : ((JSON.stringify(output) as string | undefined) ?? String(output)),
      authorName,
    }));
    for (const request of result.getRequestInfoEvents()) {
      if (!this.#workflow.getPendingRequests().some((r) => r.requestId === request.requestId)) continue;
      const part: ContentPart = {
        type: 'function_approval_request',
        id: request.requestId,
        functionCall: {
          callId: request.requestId,
          name: 'request_info',
          arguments: { request_id: request.requestId, data: encodeCheckpointValue(request.data, '$.data') },
        },
      };
      messages.push({ role: 'assistant', text: '', authorName, contents: [part] });
    }
    return {
      text: messages
        .map((m) => m.text)
        .filter((t) => t !== '')
        .join('\n'),
      messages,
    };
  }
}

/** The `function_approval_response` parts of the messages as answers by request id, or undefined when there are none. */
function approvalResponses(messages: readonly ChatMessage[]): Record<string, unknown> | undefined {
  const answers: Record<string, unknown> = {};
  let found = false;
  for (const message of messages) {
    for (const part of message.contents ?? []) {
      if (part.type !== 'function_approval_response') continue;
      answers[part.id] = part.result !== undefined ? part.result : part.approved;
      found = true;
    }
  }
  return found ? answers : undefined;
}

function lastUserText(messages: readonly ChatMessage[], agentName: string): string {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i] as ChatMessage;
    if (message.role === 'user') return message.text;
  }
  throw new TypeError(`Agent '${agentName}' needs a user message to run its workflow on`);
}
