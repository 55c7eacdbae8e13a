import { startTimer } from './host.js';

/** The longest delay timers accept; a longer one would fire at once, so it is re-armed in steps. */
const MAX_TIMER_MS = 2_147_483_647;

/** Why an attempt was aborted. */
export type AbortCause = 'cancelled' | 'timeout';

/**
 * Thrown (by {@link Attempt.race}) when the attempt is aborted; internal, never seen by callers: the
 * transport reads `attempt.abortCause` and throws a `ChatClientError` instead.
 */
export const ATTEMPT_ABORTED = new Error('The attempt was aborted');

/**
 * One HTTP attempt's cancellation: an AbortController for `fetch` and the body reads, aborted when
 * the caller's signal aborts or when the server stays silent for `timeoutMs`. The caller's signal
 * and the timeout are combined by hand because `AbortSignal.any` is missing from early Node 20
 * releases. The timeout is an inactivity timeout: {@link touch} (on each body chunk) restarts it,
 * so a long stream that keeps sending never times out, while a stalled one does.
 */
export class Attempt {
  readonly #controller = new AbortController();
  readonly #timeoutMs: number;
  readonly #callerSignal: AbortSignal | undefined;
  readonly #onCallerAbort = (): void => {
    this.#abort('cancelled');
  };
  readonly #aborted: Promise<never>;
  #rejectAborted: (reason: unknown) => void = () => undefined;
  #cause: AbortCause | undefined;
  #lastActivity = Date.now();
  #stopTimer: () => void = () => undefined;

  constructor(callerSignal: AbortSignal | undefined, timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
    this.#callerSignal = callerSignal;
    this.#aborted = new Promise<never>((_, reject) => {
      this.#rejectAborted = reject;
    });
    // Observed only through race(); without this an abort nobody races would be an unhandled rejection.
    this.#aborted.catch(() => undefined);
    if (callerSignal?.aborted === true) this.#abort('cancelled');
    else callerSignal?.addEventListener('abort', this.#onCallerAbort, { once: true });
    this.#arm(timeoutMs);
  }

  /** The signal to give `fetch`. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Why the attempt was aborted, if it was. */
  get abortCause(): AbortCause | undefined {
    return this.#cause;
  }

  /** Records progress (a body chunk arrived): the inactivity timeout counts from now. */
  touch(): void {
    this.#lastActivity = Date.now();
  }

  /**
   * Waits for `promise`, or rejects with {@link ATTEMPT_ABORTED} as soon as the attempt is aborted,
   * so a `fetch` or a read that ignores its signal cannot hold the caller.
   */
  race<T>(promise: Promise<T>): Promise<T> {
    return Promise.race([promise, this.#aborted]);
  }

  /** Stops the timer and forgets the caller's signal; the attempt is over. */
  dispose(): void {
    this.#stopTimer();
    this.#callerSignal?.removeEventListener('abort', this.#onCallerAbort);
  }

  #arm(ms: number): void {
    // 0, a negative or a non-finite timeout means none (setTimeout would fire at once for Infinity).
    if (!(this.#timeoutMs > 0 && Number.isFinite(this.#timeoutMs))) return;
    this.#stopTimer = startTimer(
      () => {
        // One timer per quiet period rather than one per chunk: re-armed for whatever time is left.
        const quiet = Date.now() - this.#lastActivity;
        if (quiet >= this.#timeoutMs) this.#abort('timeout');
        else this.#arm(this.#timeoutMs - quiet);
      },
      Math.min(ms, MAX_TIMER_MS),
    );
  }

  #abort(cause: AbortCause): void {
    if (this.#cause !== undefined) return;
    this.#cause = cause;
    this.dispose();
    this.#controller.abort();
    this.#rejectAborted(ATTEMPT_ABORTED);
  }
}
