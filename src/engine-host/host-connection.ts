import type { RunMessageListener } from './engine-client.ts';
import type { CheckpointSummary, ConnectionResult, HostMessage, RunEndReason } from './protocol.ts';
import { RunMessageDelivery, type FrameScheduler } from './run-message-delivery.ts';

interface PendingCall {
  settle(message: HostMessage): void;
  fail(why: string): void;
}

/** Tells the host that the page took `batches` event batches of a run (flow control; see `EventsReceivedCommand`). */
export type AcknowledgeBatches = (runId: string, batches: number) => void;

/**
 * The page's side of a connection to one engine host, shared by both clients: routes what the host
 * sends (run messages to the per-frame delivery, answers to the call that asked), tells the host
 * which event batches the page took (once per frame, when they are handed to the listeners),
 * tracks which runs are active, and can end them itself when the host is gone.
 */
export class HostConnection {
  readonly #delivery: RunMessageDelivery;
  readonly #now: () => number;
  /**
   * Active runs (started, resumed or answered, not yet ended): when the first command was sent, and
   * how many `run_ended` are still due (the host ends each command's continuation once).
   */
  readonly #activeRuns = new Map<string, { since: number; due: number }>();
  readonly #calls = new Map<string, PendingCall>();
  #nextCallId = 0;
  readonly #acknowledge: AcknowledgeBatches;
  /** Event batches received per run since the last delivery. */
  #unacknowledged = new Map<string, number>();

  constructor(scheduleFrame: FrameScheduler, acknowledge: AcknowledgeBatches, now: () => number = () => performance.now()) {
    this.#delivery = new RunMessageDelivery(scheduleFrame);
    this.#acknowledge = acknowledge;
    this.#now = now;
    this.#delivery.subscribe(() => {
      this.#acknowledgeDelivered();
    });
  }

  /** A command for this run is on its way: the run is active until its `run_ended`. */
  runCommandSent(runId: string): void {
    const active = this.#activeRuns.get(runId);
    if (active === undefined) this.#activeRuns.set(runId, { since: this.#now(), due: 1 });
    else active.due += 1;
  }

  isActive(runId: string): boolean {
    return this.#activeRuns.has(runId);
  }

  /** The ids of the active runs. */
  activeRunIds(): string[] {
    return [...this.#activeRuns.keys()];
  }

  /** Handles one message from the host. */
  receive(message: HostMessage): void {
    switch (message.type) {
      case 'events':
        this.#unacknowledged.set(message.runId, (this.#unacknowledged.get(message.runId) ?? 0) + 1);
        this.#delivery.push(message);
        return;
      case 'run_ended': {
        const active = this.#activeRuns.get(message.runId);
        if (active !== undefined) {
          active.due -= 1;
          if (active.due <= 0) this.#activeRuns.delete(message.runId);
        }
        this.#delivery.push(message);
        return;
      }
      case 'checkpoints':
      case 'connection': {
        const call = this.#calls.get(message.callId);
        this.#calls.delete(message.callId);
        call?.settle(message);
        return;
      }
    }
  }

  /**
   * Ends an active run on the page's side, for a host that can no longer say so itself (it was
   * terminated, it crashed, or it never loaded).
   */
  endRun(runId: string, reason: Extract<RunEndReason, 'cancelled' | 'host_lost'>, why: string): void {
    const active = this.#activeRuns.get(runId);
    if (active === undefined) return;
    this.#activeRuns.delete(runId);
    this.#delivery.push({
      type: 'run_ended',
      runId,
      outcome: {
        reason,
        state: reason === 'cancelled' ? 'cancelled' : 'failed',
        durationMs: Math.max(0, this.#now() - active.since),
        ...(reason === 'host_lost' ? { error: { name: 'EngineHostLost', message: why } } : {}),
      },
    });
  }

  /** Settles every pending call as failed (the host is gone): `listCheckpoints` rejects, `testConnection` answers not ok. */
  failCalls(why: string): void {
    const calls = [...this.#calls.values()];
    this.#calls.clear();
    for (const call of calls) call.fail(why);
  }

  /** Asks the host for a scope's checkpoints; `send` posts the command with the call id it is given. */
  listCheckpoints(send: (callId: string) => void): Promise<readonly CheckpointSummary[]> {
    return new Promise((resolve, reject) => {
      this.#call(send, {
        settle: (message) => {
          if (message.type !== 'checkpoints') reject(new TypeError(`The engine host answered '${message.type}' to list_checkpoints`));
          else if (message.error !== undefined) reject(new Error(message.error));
          else resolve(message.checkpoints);
        },
        fail: (why) => {
          reject(new Error(`Could not list the checkpoints: ${why}`));
        },
      });
    });
  }

  /** Asks the host to test a model endpoint; `send` posts the command with the call id it is given. */
  testConnection(send: (callId: string) => void): Promise<ConnectionResult> {
    const sentAt = this.#now();
    return new Promise((resolve, reject) => {
      this.#call(send, {
        settle: (message) => {
          if (message.type !== 'connection') reject(new TypeError(`The engine host answered '${message.type}' to test_connection`));
          else resolve(message.result);
        },
        fail: (why) => {
          resolve({ ok: false, message: `The connection test did not finish: ${why}`, latencyMs: Math.round(this.#now() - sentAt) });
        },
      });
    });
  }

  subscribe(listener: RunMessageListener): () => void {
    return this.#delivery.subscribe(listener);
  }

  /** Forgets everything: pending calls fail, queued messages and subscribers are dropped. */
  close(why: string): void {
    this.failCalls(why);
    this.#activeRuns.clear();
    this.#delivery.clear();
    this.#unacknowledged.clear();
  }

  /** The batches just handed to the listeners are taken: the host may send as many more. */
  #acknowledgeDelivered(): void {
    const delivered = this.#unacknowledged;
    this.#unacknowledged = new Map();
    for (const [runId, batches] of delivered) this.#acknowledge(runId, batches);
  }

  #call(send: (callId: string) => void, call: PendingCall): void {
    this.#nextCallId += 1;
    const callId = `call-${String(this.#nextCallId)}`;
    this.#calls.set(callId, call);
    try {
      send(callId);
    } catch (error) {
      this.#calls.delete(callId);
      call.fail(error instanceof Error ? error.message : String(error));
    }
  }
}
