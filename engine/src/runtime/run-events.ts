import type { WorkflowEvent } from '../events.js';
import { EventChannel } from './event-channel.js';

/**
 * Where a run's events go: always into the result's list, and into a stream's channel when the run
 * streams. Once closed (after `workflow_complete`) it ignores late events from abandoned handlers.
 */
export class RunEvents {
  readonly events: WorkflowEvent[] = [];
  readonly channel: EventChannel<WorkflowEvent> | undefined;
  #closed = false;

  constructor(streaming: boolean) {
    this.channel = streaming ? new EventChannel<WorkflowEvent>() : undefined;
  }

  get streaming(): boolean {
    return this.channel !== undefined;
  }

  emit(event: WorkflowEvent): void {
    if (this.#closed) return;
    this.events.push(event);
    if (this.channel !== undefined) this.channel.push(event);
  }

  /** Stops accepting events; a streaming reader then sees the end, or `error` after the last event. */
  close(error?: unknown): void {
    this.#closed = true;
    this.channel?.close(error === undefined ? undefined : { error });
  }
}
