import type { WorkflowEvent } from '@trellis/engine';
import { toCloneable, type Redact } from './cloneable-value.ts';
import type { HostMessage, TimedEvent } from './protocol.ts';

/** Calls `callback` once after about `delayMs` (a timer; tests may drive it by hand). */
export type BatchTimer = (callback: () => void, delayMs: number) => void;

/** How a host batches events; see {@link EventBatcher}. */
export interface BatchingOptions {
  readonly timer: BatchTimer;
  /** The host clock (ms since the epoch) events are stamped with. */
  readonly clock: () => number;
  /** The shortest time between two batches of one run, in ms (about one frame). */
  readonly intervalMs: number;
  /**
   * The most events in one batch. Kept small: the page decodes each message in one task, so a
   * big message is a long task on the page however the page applies it afterwards.
   */
  readonly maxBatchSize: number;
  /**
   * The most batches of one run posted and not yet taken by the page (`events_received`). The
   * rest waits here, in the engine's heap: a page that falls behind holds a few batches, not a
   * flood (whose garbage collection would block it).
   */
  readonly maxBatchesInFlight: number;
}

export const DEFAULT_BATCHING: BatchingOptions = {
  timer: (callback, delayMs) => {
    setTimeout(callback, delayMs);
  },
  clock: () => Date.now(),
  intervalMs: 16,
  maxBatchSize: 500,
  maxBatchesInFlight: 8,
};

/**
 * Collects one run's events, stamped and made cloneable, and posts them in batches, throttled
 * with a leading edge and flow-controlled by the page:
 *
 * - an event that comes when nothing was posted for an interval is posted at once: the start of a
 *   burst reaches the page without waiting for a timer (one the run's own code may keep from firing);
 * - the events after it wait for the timer; a full batch, or an event an interval after the last
 *   post, is posted at once, so a run that keeps the thread busy still sends small batches;
 * - an `executor_start` is posted at once too (at most one such early post an interval): its
 *   handler runs right after it, and may never yield (`while (true) {}`), so this is the only chance
 *   for the page to show which node is stuck;
 * - at most `maxBatchesInFlight` batches wait for the page to take them; beyond that, events are
 *   held here until the page says it took some (`received`).
 */
export class EventBatcher {
  readonly #runId: string;
  readonly #post: (message: HostMessage) => void;
  readonly #options: BatchingOptions;
  readonly #redact: Redact | undefined;
  /** Events not posted yet: `#queue` from `#head` on (taken from the front without copying the rest). */
  #queue: TimedEvent[] = [];
  #head = 0;
  #timerSet = false;
  #lastFlushAt = Number.NEGATIVE_INFINITY;
  #lastStartFlushAt = Number.NEGATIVE_INFINITY;
  #inFlight = 0;
  #whenDrained: (() => void) | undefined;

  constructor(runId: string, post: (message: HostMessage) => void, options: BatchingOptions, redact: Redact | undefined) {
    this.#runId = runId;
    this.#post = post;
    this.#options = options;
    this.#redact = redact;
  }

  add(event: WorkflowEvent): void {
    const now = this.#options.clock();
    this.#queue.push({ at: now, event: toCloneable(event, this.#redact) as WorkflowEvent });
    const sinceLastFlush = now - this.#lastFlushAt;
    const announcesHandler = event.type === 'executor_start' && now - this.#lastStartFlushAt >= this.#options.intervalMs;
    if (announcesHandler) this.#lastStartFlushAt = now;
    // (`sinceLastFlush` also covers a timer that is due but starved by a run that keeps the thread busy)
    if (announcesHandler || this.#held >= this.#options.maxBatchSize || sinceLastFlush >= this.#options.intervalMs) {
      this.flush();
      return;
    }
    if (this.#timerSet) return;
    this.#timerSet = true;
    this.#options.timer(() => {
      this.#timerSet = false;
      this.flush();
    }, this.#options.intervalMs - sinceLastFlush);
  }

  /** Posts what is pending, in batches, as far as the page's flow control allows; the rest waits for `received`. */
  flush(): void {
    while (this.#held > 0 && this.#inFlight < this.#options.maxBatchesInFlight) this.#postBatch();
    this.#settleIfDrained();
  }

  /** Posts everything pending now, whatever the page has taken (the run was stopped: its end must not wait). */
  release(): void {
    while (this.#held > 0) this.#postBatch();
    this.#settleIfDrained();
  }

  /** The page took `batches` of the posted batches: as many more may go. */
  received(batches: number): void {
    this.#inFlight = Math.max(0, this.#inFlight - batches);
    this.flush();
  }

  /** Settles once nothing is held any more (after `flush` or `release` posted the last events). */
  drained(): Promise<void> {
    if (this.#held === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const earlier = this.#whenDrained;
      this.#whenDrained = () => {
        earlier?.();
        resolve();
      };
    });
  }

  /** Events waiting to be posted. */
  get #held(): number {
    return this.#queue.length - this.#head;
  }

  #postBatch(): void {
    const end = Math.min(this.#queue.length, this.#head + this.#options.maxBatchSize);
    const events = this.#head === 0 && end === this.#queue.length ? this.#queue : this.#queue.slice(this.#head, end);
    if (end === this.#queue.length) {
      this.#queue = [];
      this.#head = 0;
    } else this.#head = end;
    this.#inFlight += 1;
    this.#lastFlushAt = this.#options.clock();
    const held = this.#held;
    this.#post(held === 0 ? { type: 'events', runId: this.#runId, events } : { type: 'events', runId: this.#runId, events, held });
  }

  #settleIfDrained(): void {
    if (this.#held > 0 || this.#whenDrained === undefined) return;
    const settle = this.#whenDrained;
    this.#whenDrained = undefined;
    settle();
  }
}
