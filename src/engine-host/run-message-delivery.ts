import type { RunMessageListener } from './engine-client.ts';
import type { RunEventsMessage, RunMessage, TimedEvent } from './protocol.ts';

/** Calls `callback` once, at the next frame (the page's `requestAnimationFrame`, a timer elsewhere). */
export type FrameScheduler = (callback: () => void) => void;

/** `requestAnimationFrame` where there is one (a page), else a ~60 Hz timer (Node, workers). */
export const defaultFrameScheduler: FrameScheduler = (callback) => {
  if (typeof requestAnimationFrame === 'function') {
    requestAnimationFrame(() => {
      callback();
    });
  } else setTimeout(callback, 16);
};

/**
 * Holds run messages until the next frame and hands them to every subscriber in one call, in
 * order, so a run emitting tens of thousands of events a second costs the page one call per frame.
 * Consecutive event batches of the same run are merged into one message, so a subscriber sees few,
 * large batches rather than many small ones.
 */
export class RunMessageDelivery {
  readonly #scheduleFrame: FrameScheduler;
  readonly #listeners = new Set<RunMessageListener>();
  #queue: RunMessage[] = [];
  /** The events array of the last queued message when it is an event batch (owned here, so it may grow). */
  #openBatch: { runId: string; events: TimedEvent[] } | undefined;
  #scheduled = false;

  readonly #reportError: (error: unknown) => void;

  /** @param reportError Where a throwing subscriber's error goes (default: reported as uncaught, after the others ran). */
  constructor(scheduleFrame: FrameScheduler, reportError: (error: unknown) => void = reportUncaught) {
    this.#scheduleFrame = scheduleFrame;
    this.#reportError = reportError;
  }

  /** Queues a message for the next frame. */
  push(message: RunMessage): void {
    if (message.type === 'events') this.#pushEvents(message);
    else {
      this.#queue.push(message);
      this.#openBatch = undefined;
    }
    if (this.#scheduled) return;
    this.#scheduled = true;
    this.#scheduleFrame(() => {
      this.#deliver();
    });
  }

  #pushEvents(message: RunEventsMessage): void {
    const { runId, events, held } = message;
    const open = this.#openBatch;
    if (open?.runId === runId) {
      for (const event of events) open.events.push(event);
      // The merged message says what the latest batch said about the events the host holds.
      this.#queue[this.#queue.length - 1] = { type: 'events', runId, events: open.events, ...(held === undefined ? {} : { held }) };
      return;
    }
    const batch = { runId, events: [...events] };
    this.#openBatch = batch;
    this.#queue.push({ type: 'events', runId, events: batch.events, ...(held === undefined ? {} : { held }) });
  }

  subscribe(listener: RunMessageListener): () => void {
    // A wrapper, so one listener subscribed twice is called twice and each unsubscribe removes one.
    const entry: RunMessageListener = (messages) => {
      listener(messages);
    };
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  }

  /** Drops queued messages and subscribers (the client was disposed). */
  clear(): void {
    this.#queue = [];
    this.#openBatch = undefined;
    this.#listeners.clear();
  }

  #deliver(): void {
    this.#scheduled = false;
    const messages = this.#queue;
    this.#queue = [];
    this.#openBatch = undefined;
    if (messages.length === 0) return;
    for (const listener of [...this.#listeners]) {
      try {
        listener(messages);
      } catch (error) {
        // One failing subscriber must not starve the others.
        this.#reportError(error);
      }
    }
  }
}

/** Surfaces an error as uncaught (the console, `window.onerror`) without interrupting the caller. */
function reportUncaught(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}
