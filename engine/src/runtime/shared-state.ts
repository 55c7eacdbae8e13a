const DELETED: unique symbol = Symbol('deleted');

/**
 * The workflow's shared key/value state. Writes are staged and become committed at the end of the
 * superstep that made them; reads see staged writes first, so an executor sees writes made earlier
 * in the same superstep (last writer wins), as in Agent Framework. State outlives runs of one
 * workflow instance.
 */
export class SharedState {
  readonly #committed = new Map<string, unknown>();
  readonly #pending = new Map<string, unknown>();

  /** The value of `key`, staged or committed; `undefined` when absent. */
  get(key: string): unknown {
    if (this.#pending.size !== 0 && this.#pending.has(key)) {
      const value = this.#pending.get(key);
      return value === DELETED ? undefined : value;
    }
    return this.#committed.get(key);
  }

  /** True when `key` has a value, staged or committed. */
  has(key: string): boolean {
    if (this.#pending.has(key)) return this.#pending.get(key) !== DELETED;
    return this.#committed.has(key);
  }

  /** Stages a write. */
  set(key: string, value: unknown): void {
    this.#pending.set(key, value);
  }

  /** Stages a deletion. */
  delete(key: string): void {
    this.#pending.set(key, DELETED);
  }

  /** Every visible key, committed first then newly staged, in insertion order. */
  keys(): string[] {
    const keys: string[] = [];
    for (const key of this.#committed.keys()) if (this.has(key)) keys.push(key);
    for (const [key, value] of this.#pending) if (value !== DELETED && !this.#committed.has(key)) keys.push(key);
    return keys;
  }

  /** Makes staged writes committed (end of a superstep). */
  commit(): void {
    if (this.#pending.size === 0) return;
    for (const [key, value] of this.#pending) {
      if (value === DELETED) this.#committed.delete(key);
      else this.#committed.set(key, value);
    }
    this.#pending.clear();
  }

  /** Drops staged writes (a failed superstep commits nothing). */
  discardPending(): void {
    this.#pending.clear();
  }

  /** The committed state as a plain object (for checkpoints and inspection). */
  snapshot(): Record<string, unknown> {
    return Object.fromEntries(this.#committed);
  }

  /** Replaces everything with `entries` (checkpoint restore). */
  replace(entries: Record<string, unknown>): void {
    this.#pending.clear();
    this.#committed.clear();
    for (const [key, value] of Object.entries(entries)) this.#committed.set(key, value);
  }
}
