import type { WorkflowEvent } from '../events.js';
import type { EventChannel } from './event-channel.js';
import { RunEvents } from './run-events.js';
import type { WorkflowRunResult } from './run-result.js';

/**
 * The value of `workflow.run(input, { stream: true })`: an async iterable of the run's events as
 * they happen. The run starts at once and does not wait for the reader. If the run fails, the
 * iteration yields the last events (`error`, `workflow_status`, `workflow_complete`) and then
 * throws the run's `WorkflowRunError`.
 */
export class WorkflowEventStream implements AsyncIterable<WorkflowEvent> {
  readonly #channel: EventChannel<WorkflowEvent>;
  readonly #result: Promise<WorkflowRunResult>;
  #iterated = false;

  constructor(channel: EventChannel<WorkflowEvent>, result: Promise<WorkflowRunResult>) {
    this.#channel = channel;
    this.#result = result;
    // The failure reaches the reader through the iteration; keep an unread stream from reporting
    // an unhandled rejection.
    result.catch(() => undefined);
  }

  [Symbol.asyncIterator](): AsyncIterator<WorkflowEvent> {
    if (this.#iterated) throw new TypeError('A workflow event stream can be iterated once');
    this.#iterated = true;
    return { next: () => this.#channel.next() };
  }

  /** The run's result once it ends (the seed's `get_final_response`); rejects as `run()` would. */
  getFinalResponse(): Promise<WorkflowRunResult> {
    return this.#result;
  }
}

/**
 * A run refused before it started (already running, nothing to answer, ...): a rejected promise,
 * or, for a streaming call, a stream whose first read throws the same error.
 */
export function rejectedRun(stream: boolean, error: Error): Promise<WorkflowRunResult> | WorkflowEventStream {
  const result = Promise.reject(error);
  if (!stream) return result;
  const events = new RunEvents(true);
  events.close(error);
  return new WorkflowEventStream(events.channel as NonNullable<RunEvents['channel']>, result);
}
