import type { WorkflowEvent } from '../events.js';
import { EventChannel } from './event-channel.js';

/**
 * Where a run's events go: always into the result's list, and into a stream's channel when the run
 * streams. Once closed (after `workflow_complete`) it ignores late events from abandoned handlers.
 */
export class RunEvents {
  readonly events: WorkflowEvent[] = [];
  readonly channel: EventChannel<WorkflowEvent> | undefined;
  readonly #observer: ((event: WorkflowEvent) => void) | undefined;
  #closed = false;

  constructor(streaming: boolean, observer?: (event: WorkflowEvent) => void) {
    this.channel = streaming ? new EventChannel<WorkflowEvent>() : undefined;
    this.#observer = observer;
  }

  get streaming(): boolean {
    return this.channel !== undefined;
  }

  emit(event: WorkflowEvent): void {
    if (this.#closed) return;
    this.events.push(event);
    if (this.channel !== undefined) this.channel.push(event);
    if (this.#observer !== undefined) this.#observe(this.#observer, event);
  }

  /** An observer that throws must not break the run: its error is rethrown on its own, outside it. */
  #observe(observer: (event: WorkflowEvent) => void, event: WorkflowEvent): void {
    try {
      observer(event);
    } catch (error) {
      queueMicrotask(() => {
        throw error;
      });
    }
  }

  /** Stops accepting events; a streaming reader then sees the end, or `error` after the last event. */
  close(error?: unknown): void {
    this.#closed = true;
    this.channel?.close(error === undefined ? undefined : { error });
  }
}
