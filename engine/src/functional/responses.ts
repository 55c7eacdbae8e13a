import { WorkflowStateError } from '../errors.js';
import type { PendingRequest } from '../runtime/pending-requests.js';
import { checkAnswer } from '../runtime/pending-requests.js';

/** What a functional workflow instance waits for between passes. */
export interface WaitingRequests {
  /** Requests without an answer, by id. */
  readonly pending: ReadonlyMap<string, PendingRequest>;
  /** Answers given so far, by request id. */
  readonly answers: ReadonlyMap<string, unknown>;
}

/**
 * What is wrong with a set of answers for a functional workflow, or undefined when every one can
 * be used: something must be waiting, each id must be pending (an id answered before is named as
 * such), and each answer must fit its request's response type when that type is known.
 */
export function checkResponses(workflowName: string, waiting: WaitingRequests | undefined, responses: unknown): Error | undefined {
  if (typeof responses !== 'object' || responses === null || Array.isArray(responses)) {
    return new TypeError('sendResponses({ [requestId]: answer }) takes an object of answers');
  }
  const ids = Object.keys(responses);
  const given = ids.length > 0 ? ` (got ${ids.map((id) => `'${id}'`).join(', ')})` : '';
  if (waiting === undefined || waiting.pending.size === 0) {
    return new WorkflowStateError(
      `Functional workflow '${workflowName}' has nothing waiting for an answer${given}: no run of this instance was paused by ctx.requestInfo(), or its requests were all answered. Use resume() to continue a checkpointed run on another instance.`,
    );
  }
  const pendingIds = [...waiting.pending.keys()].map((id) => `'${id}'`).join(', ');
  if (ids.length === 0) return new TypeError(`sendResponses() got no answers; pending: ${pendingIds}`);
  for (const id of ids) {
    const request = waiting.pending.get(id);
    if (request === undefined) {
      if (waiting.answers.has(id)) {
        return new WorkflowStateError(
          `Request '${id}' of functional workflow '${workflowName}' was already answered; pending: ${pendingIds}`,
        );
      }
      return new WorkflowStateError(`No pending request '${id}' in functional workflow '${workflowName}'; pending: ${pendingIds}`);
    }
    const wrong = checkAnswer(request, (responses as Record<string, unknown>)[id]);
    if (wrong !== undefined) return new TypeError(wrong.charAt(0).toUpperCase() + wrong.slice(1));
  }
  return undefined;
}
