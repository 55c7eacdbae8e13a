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
  /** The shortest time between two batches of one run, in ms. */
  readonly intervalMs: number;
  /** A batch this big is sent at once, so a burst never piles up in the host. */
  readonly maxBatchSize: number;
}

export const DEFAULT_BATCHING: BatchingOptions = {
  timer: (callback, delayMs) => {
    setTimeout(callback, delayMs);
  },
  clock: () => Date.now(),
  intervalMs: 16,
  maxBatchSize: 2000,
};

/**
 * Collects one run's events, stamped and made cloneable, and posts them in batches: at most one
 * batch per interval, sooner when a batch is full. The first event after a quiet spell goes out on
 * the next timer tick, so a run's start is seen without waiting a whole interval.
 */
export class EventBatcher {
  readonly #runId: string;
  readonly #post: (message: HostMessage) => void;
  readonly #options: BatchingOptions;
  readonly #redact: Redact | undefined;
  #pending: TimedEvent[] = [];
  #timerSet = false;
  #lastFlushAt = Number.NEGATIVE_INFINITY;

  constructor(runId: string, post: (message: HostMessage) => void, options: BatchingOptions, redact: Redact | undefined) {
    this.#runId = runId;
    this.#post = post;
    this.#options = options;
    this.#redact = redact;
  }

  add(event: WorkflowEvent): void {
    const clock = this.#options.clock;
    this.#pending.push({ at: clock(), event: toCloneable(event, this.#redact) as WorkflowEvent });
    if (this.#pending.length >= this.#options.maxBatchSize) {
      this.flush();
      return;
    }
    if (this.#timerSet) return;
    this.#timerSet = true;
    const wait = Math.max(0, this.#options.intervalMs - (clock() - this.#lastFlushAt));
    this.#options.timer(() => {
      this.#timerSet = false;
      this.flush();
    }, wait);
  }

  /** Posts what is pending now (before the run's `run_ended`, and from the timer). */
  flush(): void {
    if (this.#pending.length === 0) return;
    const events = this.#pending;
    this.#pending = [];
    this.#lastFlushAt = this.#options.clock();
    this.#post({ type: 'events', runId: this.#runId, events });
  }
}
