/** The timer a {@link DebouncedWriter} waits with (injected so the logic is testable without a clock). */
export interface WriteTimer {
  set: (callback: () => void, delayMs: number) => unknown;
  clear: (handle: unknown) => void;
}

/** The browser's (or Node's) own timer. */
export const SYSTEM_TIMER: WriteTimer = {
  set: (callback, delayMs) => setTimeout(callback, delayMs),
  clear: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/**
 * Holds the latest text typed into a field and writes it once typing pauses, so a burst of
 * keystrokes rewrites the YAML once instead of once per key. Until the write happens the held
 * text is the truth (`pending`); `flush` writes it at once (on blur, on unmount), so nothing typed
 * is lost. An undo or redo never finds text waiting: the shortcut works only outside text fields,
 * and a toolbar button takes the focus, so the field's blur has written it first. A writer that
 * was flushed can be used again.
 *
 * @example
 * const writer = new DebouncedWriter((text) => store.getState().applyChanges(...), 200);
 * writer.push('ret'); writer.push('return'); // one write of 'return', 200 ms after the last push
 * writer.flush(); // or now
 */
export class DebouncedWriter<T> {
  #write: (value: T) => void;
  readonly #delayMs: number;
  readonly #timer: WriteTimer;
  #handle: unknown;
  #pending: { readonly value: T } | undefined;

  constructor(write: (value: T) => void, delayMs: number, timer: WriteTimer = SYSTEM_TIMER) {
    this.#write = write;
    this.#delayMs = delayMs;
    this.#timer = timer;
  }

  /** Whether a value waits to be written. */
  get pending(): boolean {
    return this.#pending !== undefined;
  }

  /** The value waiting to be written, if any. */
  get value(): T | undefined {
    return this.#pending?.value;
  }

  /** Writes through `write` from now on (a component hands in the callback of its latest render). */
  retarget(write: (value: T) => void): void {
    this.#write = write;
  }

  /** Holds a newer value and restarts the wait. */
  push(value: T): void {
    this.#pending = { value };
    this.#cancelTimer();
    this.#handle = this.#timer.set(() => {
      this.#handle = undefined;
      this.flush();
    }, this.#delayMs);
  }

  /** Writes the held value now (nothing happens when none is held). */
  flush(): void {
    this.#cancelTimer();
    const held = this.#pending;
    if (held === undefined) return;
    // cleared before writing: a write that pushes again (a store listener) starts a new wait
    this.#pending = undefined;
    this.#write(held.value);
  }

  #cancelTimer(): void {
    if (this.#handle === undefined) return;
    this.#timer.clear(this.#handle);
    this.#handle = undefined;
  }
}
