import { WorkflowRunState, type RequestInfoEvent, type WorkflowEvent } from '../events.js';

/**
 * What a run produced: every event in emission order, with helpers for the common questions. The
 * events are plain data; the result itself is a convenience wrapper and is not meant to cross
 * `postMessage` (send `result.events` instead).
 */
export class WorkflowRunResult {
  /** Every event of the run, `workflow_start` first and `workflow_complete` last. */
  readonly events: readonly WorkflowEvent[];

  constructor(events: readonly WorkflowEvent[]) {
    this.events = events;
  }

  /** The data of every `workflow_output` event, in order. */
  getOutputs<T = unknown>(): T[] {
    const outputs: T[] = [];
    for (const event of this.events) if (event.type === 'workflow_output') outputs.push(event.data as T);
    return outputs;
  }

  /** The run's final state: that of `workflow_complete`, or of the last status event before it. */
  getFinalState(): WorkflowRunState {
    for (let i = this.events.length - 1; i >= 0; i--) {
      const event = this.events[i] as WorkflowEvent;
      if (event.type === 'workflow_complete' || event.type === 'workflow_status') return event.state;
    }
    return WorkflowRunState.IDLE;
  }

  /** The `request_info` events of the run (pending human requests). */
  getRequestInfoEvents(): RequestInfoEvent[] {
    return this.events.filter((event): event is RequestInfoEvent => event.type === 'request_info');
  }
}
