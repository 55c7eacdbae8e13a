/** Why a functional run unwinds its workflow function. */
export type InterruptReason = 'request' | 'cancelled' | 'aborted';

/**
 * Thrown through the workflow function to unwind it: by `ctx.requestInfo` when a request has no
 * answer yet (the run then ends `idle_with_pending_requests` and a later `sendResponses` replays the
 * function), by a step called after the run was cancelled, and when the run must stop (a checkpoint
 * could not be written, an answer has the wrong type).
 *
 * It deliberately does not extend `Error`, so the usual `catch (e) { if (e instanceof Error) ... }`
 * lets it through. A bare catch-all must rethrow it: `catch (e) { if (isWorkflowInterrupt(e)) throw e; ... }`.
 * The class itself stays private to the engine; only {@link isWorkflowInterrupt} is exported.
 */
export class WorkflowInterrupt {
  readonly reason: InterruptReason;
  readonly message: string;
  /** For a request: the id of the request that has no answer. */
  readonly requestId: string | undefined;

  constructor(reason: InterruptReason, message: string, requestId?: string) {
    this.reason = reason;
    this.message = message;
    this.requestId = requestId;
  }

  /** A readable line, for code that logs what it caught. */
  toString(): string {
    return `WorkflowInterrupt (${this.reason}): ${this.message}`;
  }
}

/**
 * True when `value` is the engine's internal interrupt, which a functional workflow must not
 * swallow. Use it in a catch-all inside a workflow function or a step:
 *
 * ```ts
 * try { await risky() } catch (e) { if (isWorkflowInterrupt(e)) throw e; log(e) }
 * ```
 */
export function isWorkflowInterrupt(value: unknown): boolean {
  return value instanceof WorkflowInterrupt;
}

/** A promise rejected with a {@link WorkflowInterrupt} (what `requestInfo` and steps return to unwind the function). */
export function interruptWith(reason: InterruptReason, message: string, requestId?: string): Promise<never> {
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the interrupt must not be an Error (see above)
  return Promise.reject(new WorkflowInterrupt(reason, message, requestId));
}
