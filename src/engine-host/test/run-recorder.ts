import type { WorkflowEvent } from '@trellis/engine';
import type { EngineClient } from '../engine-client.ts';
import type { RunMessage, RunOutcome, TimedEvent } from '../protocol.ts';

/** What one continuation of a run produced (between two `run_ended`). */
export interface RecordedContinuation {
  readonly events: readonly WorkflowEvent[];
  readonly timed: readonly TimedEvent[];
  readonly outcome: RunOutcome;
}

/** How long a test waits for a run to end before failing with what it saw. */
const WAIT_MS = 10_000;

/**
 * Subscribes to a client and records every delivery, so a test can wait for a run's end and look
 * at its events, its outcome, and how many listener calls it took.
 */
export class RunRecorder {
  /** Every listener call, as delivered. */
  readonly deliveries: (readonly RunMessage[])[] = [];
  readonly #unsubscribe: () => void;

  constructor(client: EngineClient) {
    this.#unsubscribe = client.subscribe((messages) => {
      this.deliveries.push(messages);
    });
  }

  /** Every message of a run, in order. */
  messagesOf(runId: string): RunMessage[] {
    return this.deliveries.flat().filter((message) => message.runId === runId);
  }

  /** The run's continuations that have ended so far. */
  continuationsOf(runId: string): RecordedContinuation[] {
    const continuations: RecordedContinuation[] = [];
    let timed: TimedEvent[] = [];
    for (const message of this.messagesOf(runId)) {
      if (message.type === 'events') timed.push(...message.events);
      else {
        continuations.push({ timed, events: timed.map((entry) => entry.event), outcome: message.outcome });
        timed = [];
      }
    }
    return continuations;
  }

  /** Waits until the run's `count`-th continuation has ended and returns it. */
  async ended(runId: string, count = 1): Promise<RecordedContinuation> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const wanted = this.continuationsOf(runId)[count - 1];
      if (wanted !== undefined) return wanted;
      if (Date.now() > deadline) {
        const seen = this.messagesOf(runId).map((message) =>
          message.type === 'events' ? `${String(message.events.length)} events` : 'run_ended',
        );
        throw new Error(
          `run '${runId}' did not end ${String(count)} time(s) within ${String(WAIT_MS)} ms; saw: ${seen.join(', ') || 'nothing'}`,
        );
      }
      await pause();
    }
  }

  /** Waits until the run has emitted an event that matches. */
  async sawEvent(runId: string, matches: (event: WorkflowEvent) => boolean): Promise<WorkflowEvent> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      for (const message of this.messagesOf(runId)) {
        if (message.type !== 'events') continue;
        const found = message.events.find((entry) => matches(entry.event));
        if (found !== undefined) return found.event;
      }
      if (Date.now() > deadline) throw new Error(`run '${runId}' emitted no matching event within ${String(WAIT_MS)} ms`);
      await pause();
    }
  }

  stop(): void {
    this.#unsubscribe();
  }
}

function pause(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 10));
}
