import type { RunMessage } from '../engine-host/protocol.ts';

/**
 * Run messages received from the engine and not yet applied, in order. The run store applies
 * them a slice at a time within a per-frame budget, so a flood of events makes the page lag
 * behind the engine (visibly: `size` says by how much) instead of blocking it.
 */
export class RunBacklog {
  #messages: RunMessage[] = [];
  /** The first message not wholly taken. */
  #head = 0;
  /** How many events of the head message were taken already. */
  #offset = 0;
  #size = 0;

  /** Events and run endings waiting (an ending counts as one). */
  get size(): number {
    return this.#size;
  }

  push(messages: readonly RunMessage[]): void {
    for (const message of messages) {
      if (message.type === 'events') {
        if (message.events.length === 0) continue;
        this.#size += message.events.length;
      } else this.#size += 1;
      this.#messages.push(message);
    }
  }

  /**
   * The next piece, in order: a `run_ended` message, or up to `maxEvents` events of the next
   * batch (as a batch of their own); undefined when nothing waits.
   */
  take(maxEvents: number): RunMessage | undefined {
    const head = this.#messages[this.#head];
    if (head === undefined) return undefined;
    if (head.type === 'run_ended') {
      this.#size -= 1;
      this.#advance();
      return head;
    }
    const start = this.#offset;
    const end = Math.min(head.events.length, start + Math.max(1, maxEvents));
    this.#size -= end - start;
    if (end === head.events.length) this.#advance();
    else this.#offset = end;
    return start === 0 && end === head.events.length ? head : { ...head, events: head.events.slice(start, end) };
  }

  clear(): void {
    this.#messages = [];
    this.#head = 0;
    this.#offset = 0;
    this.#size = 0;
  }

  #advance(): void {
    this.#head += 1;
    this.#offset = 0;
    // Drops what was taken now and then, rather than shifting the array on every message.
    if (this.#head >= 64 && this.#head * 2 >= this.#messages.length) {
      this.#messages = this.#messages.slice(this.#head);
      this.#head = 0;
    }
  }
}
