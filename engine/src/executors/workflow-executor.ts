import type { JsonValue } from '../checkpoint/types.js';
import type { RequestInfoEvent, WorkflowEvent } from '../events.js';
import type { WorkflowContext } from '../runtime/context.js';
import { guard, type TypeSpec } from '../types/type-spec.js';
import type { Workflow } from '../workflow.js';
import { Executor } from './executor.js';

/** Options of {@link WorkflowExecutor}. */
export interface WorkflowExecutorOptions {
  id: string;
  /** The child workflow; it must not be shared with another executor. */
  workflow: Workflow;
  /** Re-yield the child's outputs as the parent's outputs instead of sending them as messages. */
  allowDirectOutput?: boolean;
  /**
   * Re-issue the child's human requests as this executor's own (same ids), so they reach the
   * parent's caller; answers find their way back. Without it, each request is sent downstream as a
   * {@link SubWorkflowRequest} message for a parent executor to answer.
   */
  propagateRequests?: boolean;
}

/** A child workflow's human request, sent along the sub-workflow executor's edges. Plain data. */
export interface SubWorkflowRequest {
  type: 'sub_workflow_request';
  /** The sub-workflow executor to send the answer to (`ctx.sendMessage(answer, { targetId: executorId })`). */
  executorId: string;
  requestId: string;
  data: unknown;
  responseType: unknown;
}

/** The answer to a {@link SubWorkflowRequest}. Plain data. */
export interface SubWorkflowResponse {
  type: 'sub_workflow_response';
  requestId: string;
  data: unknown;
}

/** True for a {@link SubWorkflowRequest}. */
export function isSubWorkflowRequest(value: unknown): value is SubWorkflowRequest {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'sub_workflow_request';
}

/** True for a {@link SubWorkflowResponse}. */
export function isSubWorkflowResponse(value: unknown): value is SubWorkflowResponse {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'sub_workflow_response';
}

/** The answer to a child's request: send it with `ctx.sendMessage(response, { targetId: request.executorId })`. */
export function createSubWorkflowResponse(request: SubWorkflowRequest, data: unknown): SubWorkflowResponse {
  return { type: 'sub_workflow_response', requestId: request.requestId, data };
}

/**
 * Runs a whole workflow as one executor (the seed's `WorkflowExecutor`). The child runs to
 * quiescence inside one parent superstep (its supersteps are invisible to the parent's count);
 * its outputs become this executor's messages (or outputs, with `allowDirectOutput`); its human
 * requests surface to the parent; its state travels inside the parent's checkpoints.
 */
export class WorkflowExecutor extends Executor {
  readonly #child: Workflow;
  readonly #directOutput: boolean;
  readonly #propagate: boolean;

  constructor(options: WorkflowExecutorOptions) {
    super(options.id);
    this.#child = options.workflow;
    this.#directOutput = options.allowDirectOutput ?? false;
    this.#propagate = options.propagateRequests ?? false;
    // Answers first, so a SubWorkflowResponse is never mistaken for an input of the child.
    // guard(): a minified name may start with a capital and be taken for a class
    this.addHandler({ input: guard(isSubWorkflowResponse, 'isSubWorkflowResponse') }, this.#onAnswerMessage, 'subWorkflowResponse');
    const start = this.#child.getStartExecutor();
    this.addHandler({ input: (value: unknown) => start.findHandler(value) !== undefined }, this.#onInput, 'subWorkflowInput');
    this.addResponseHandler({}, this.#onPropagatedAnswer, 'propagatedResponse');
  }

  override get typeName(): string {
    return 'WorkflowExecutor';
  }

  /** The child workflow (visualizations draw it as a subgraph). */
  get subWorkflow(): Workflow {
    return this.#child;
  }

  /** @internal The child's graph, part of the parent's graph signature. */
  get childGraph(): Workflow['graph'] {
    return this.#child.graph;
  }

  override async onCheckpointSave(): Promise<JsonValue> {
    return { subWorkflowState: await this.#child.exportState() };
  }

  override async onCheckpointRestore(state: unknown): Promise<void> {
    await this.#child.importState((state as { subWorkflowState: JsonValue }).subWorkflowState);
  }

  async #onInput(input: unknown, ctx: WorkflowContext): Promise<void> {
    await this.#forward(await this.#runChild(() => this.#child.run(input), ctx), ctx);
  }

  async #onAnswerMessage(message: SubWorkflowResponse, ctx: WorkflowContext): Promise<void> {
    await this.#answerChild(message.requestId, message.data, ctx);
  }

  async #onPropagatedAnswer(_request: unknown, answer: unknown, ctx: WorkflowContext): Promise<void> {
    if (ctx.requestId !== undefined) await this.#answerChild(ctx.requestId, answer, ctx);
  }

  async #answerChild(requestId: string, answer: unknown, ctx: WorkflowContext): Promise<void> {
    await this.#forward(await this.#runChild(() => this.#child.sendResponses({ [requestId]: answer }), ctx), ctx);
  }

  /** Runs the child, cancelling it if the parent run is cancelled meanwhile. */
  async #runChild(start: () => Promise<{ events: readonly WorkflowEvent[] }>, ctx: WorkflowContext): Promise<readonly WorkflowEvent[]> {
    const cancel = () => {
      this.#child.cancel();
    };
    ctx.signal.addEventListener('abort', cancel, { once: true });
    try {
      return (await start()).events;
    } finally {
      ctx.signal.removeEventListener('abort', cancel);
    }
  }

  /** Passes the child's outputs and requests on to the parent, in the order the child emitted them. */
  async #forward(events: readonly WorkflowEvent[], ctx: WorkflowContext): Promise<void> {
    for (const event of events) {
      if (event.type === 'workflow_output') {
        if (this.#directOutput) await ctx.yieldOutput(event.data);
        else await ctx.sendMessage(event.data);
      } else if (event.type === 'request_info') {
        await this.#surface(event, ctx);
      }
    }
  }

  async #surface(event: RequestInfoEvent, ctx: WorkflowContext): Promise<void> {
    if (this.#propagate) {
      await ctx.requestInfo(event.data, { responseType: event.responseType as TypeSpec, requestId: event.requestId });
      return;
    }
    const request: SubWorkflowRequest = {
      type: 'sub_workflow_request',
      executorId: this.id,
      requestId: event.requestId,
      data: event.data,
      responseType: event.responseType,
    };
    await ctx.sendMessage(request);
  }
}
