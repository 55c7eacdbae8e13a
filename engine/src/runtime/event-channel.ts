/**
 * An unbounded single-consumer async queue. The producer never waits for the reader (the spec: "a
 * stream does not wait for its reader"), and the reader gets every item in order, then the end or
 * the error that closed the queue.
 */
export class EventChannel<T> {
  #items: T[] = [];
  #head = 0;
  #waiting: ((result: IteratorResult<T>) => void) | undefined;
  #waitingReject: ((error: unknown) => void) | undefined;
  #done = false;
  #error: { error: unknown } | undefined;

  push(item: T): void {
    if (this.#done) return;
    const resolve = this.#waiting;
    if (resolve !== undefined) {
      this.#waiting = undefined;
      this.#waitingReject = undefined;
      resolve({ value: item, done: false });
      return;
    }
    this.#items.push(item);
  }

  /** Ends the queue; the reader gets the remaining items, then `done` (or `error` when given). */
  close(error?: { error: unknown }): void {
    if (this.#done) return;
    this.#done = true;
    this.#error = error;
    const resolve = this.#waiting;
    const reject = this.#waitingReject;
    this.#waiting = undefined;
    this.#waitingReject = undefined;
    if (resolve === undefined) return;
    if (error !== undefined) reject?.(error.error);
    else resolve({ value: undefined, done: true });
  }

  next(): Promise<IteratorResult<T>> {
    if (this.#head < this.#items.length) {
      const value = this.#items[this.#head] as T;
      this.#items[this.#head] = undefined as T; // let consumed events be collected
      this.#head++;
      if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
        this.#items = this.#items.slice(this.#head);
        this.#head = 0;
      }
      return Promise.resolve({ value, done: false });
    }
    if (this.#done) {
      if (this.#error !== undefined) {
        const { error } = this.#error;
        this.#error = undefined; // throw once, then report done
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes on what the run threw
        return Promise.reject(error);
      }
      return Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve, reject) => {
      this.#waiting = resolve;
      this.#waitingReject = reject;
    });
  }
}
