import type { EngineClient, RunMessageListener } from './engine-client.ts';
import { HostConnection } from './host-connection.ts';
import type {
  CheckpointSummary,
  ConnectionResult,
  HostCommand,
  HostMessage,
  ModelSettings,
  ResumeRunCommand,
  StartRunCommand,
} from './protocol.ts';
import { defaultFrameScheduler, type FrameScheduler } from './run-message-delivery.ts';

/** What the client hears from a worker. */
export interface EngineWorkerListener {
  message(message: HostMessage): void;
  /** The worker failed (an uncaught error, or a message that could not be read). */
  crash(why: string): void;
}

/** A started engine worker as the client uses it. */
export interface EngineWorkerPort {
  post(command: HostCommand): void;
  terminate(): void;
}

/** Starts an engine worker wired to `listener` (a real module Worker in the app, a fake one in Node tests). */
export type EngineWorkerFactory = (listener: EngineWorkerListener) => EngineWorkerPort;

export interface WorkerEngineClientOptions {
  readonly createWorker: EngineWorkerFactory;
  readonly scheduleFrame?: FrameScheduler;
  /** How long a cancelled run may take to end before its worker is terminated, in ms (default 200). */
  readonly cancelGraceMs?: number;
}

/** How long a cancelled run has to end by itself before the worker is terminated. */
const DEFAULT_CANCEL_GRACE_MS = 200;

/**
 * The {@link EngineClient} over an engine in a dedicated Web Worker (the app's default). The
 * worker starts on the first command. A cancelled run that does not end within the grace time
 * (code stuck in `while (true) {}`) gets its worker terminated: that run ends `cancelled`, the
 * worker's other runs end `host_lost`, and a fresh worker starts on the next command. Checkpoints
 * live in IndexedDB, so they outlive any worker.
 */
export class WorkerEngineClient implements EngineClient {
  readonly #createWorker: EngineWorkerFactory;
  readonly #cancelGraceMs: number;
  readonly #connection: HostConnection;
  #worker: EngineWorkerPort | undefined;
  /** Runs cancelled and given until the timer to end. */
  readonly #stopTimers = new Map<string, ReturnType<typeof setTimeout>>();
  #disposed = false;

  constructor(options: WorkerEngineClientOptions) {
    this.#createWorker = options.createWorker;
    this.#cancelGraceMs = options.cancelGraceMs ?? DEFAULT_CANCEL_GRACE_MS;
    this.#connection = new HostConnection(options.scheduleFrame ?? defaultFrameScheduler, (runId, batches) => {
      // To the current worker, never starting one (a fresh worker ignores runs it does not have).
      this.#worker?.post({ type: 'events_received', runId, batches });
    });
  }

  start(command: Omit<StartRunCommand, 'type'>): void {
    this.#runCommand({ ...command, type: 'start' });
  }

  resume(command: Omit<ResumeRunCommand, 'type'>): void {
    this.#runCommand({ ...command, type: 'resume' });
  }

  respond(runId: string, responses: Readonly<Record<string, unknown>>): void {
    this.#runCommand({ type: 'respond', runId, responses });
  }

  cancel(runId: string): void {
    const worker = this.#worker;
    if (worker === undefined || this.#stopTimers.has(runId)) return;
    worker.post({ type: 'cancel', runId });
    // A run not streaming now (one waiting for a person) has nothing to stop: the host forgets it.
    if (!this.#connection.isActive(runId)) return;
    const timer = setTimeout(() => {
      this.#stopTimers.delete(runId);
      if (this.#worker === worker && this.#connection.isActive(runId)) {
        this.#replaceWorker(runId, `the worker was stopped because run '${runId}' did not stop within ${String(this.#cancelGraceMs)} ms`);
      }
    }, this.#cancelGraceMs);
    this.#stopTimers.set(runId, timer);
  }

  listCheckpoints(checkpointScope: string): Promise<readonly CheckpointSummary[]> {
    return this.#connection.listCheckpoints((callId) => {
      this.#send({ type: 'list_checkpoints', callId, checkpointScope });
    });
  }

  testConnection(model: ModelSettings): Promise<ConnectionResult> {
    return this.#connection.testConnection((callId) => {
      this.#send({ type: 'test_connection', callId, model });
    });
  }

  subscribe(listener: RunMessageListener): () => void {
    return this.#connection.subscribe(listener);
  }

  dispose(): void {
    this.#disposed = true;
    this.#clearStopTimers();
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#connection.close('the engine client was disposed');
  }

  #runCommand(command: HostCommand & { runId: string }): void {
    this.#send(command);
    this.#connection.runCommandSent(command.runId);
  }

  #send(command: HostCommand): void {
    if (this.#disposed) throw new Error(`The engine client was disposed; cannot send '${command.type}'`);
    this.#worker ??= this.#startWorker();
    this.#worker.post(command);
  }

  #startWorker(): EngineWorkerPort {
    // Messages of a worker already replaced are ignored: its runs were ended on its behalf.
    const port: EngineWorkerPort = this.#createWorker({
      message: (message) => {
        if (this.#worker !== port) return;
        if (message.type === 'run_ended') this.#clearStopTimer(message.runId);
        this.#connection.receive(message);
      },
      crash: (why) => {
        if (this.#worker === port) this.#replaceWorker(undefined, `the engine worker crashed: ${why}`);
      },
    });
    return port;
  }

  /**
   * Terminates the worker: `stoppedRunId` (a cancelled run that would not stop) ends `cancelled`,
   * every other active run ends `host_lost`, pending calls fail. The next command starts a new worker.
   */
  #replaceWorker(stoppedRunId: string | undefined, why: string): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#clearStopTimers();
    for (const runId of this.#connection.activeRunIds()) {
      this.#connection.endRun(runId, runId === stoppedRunId ? 'cancelled' : 'host_lost', why);
    }
    this.#connection.failCalls(why);
  }

  #clearStopTimer(runId: string): void {
    const timer = this.#stopTimers.get(runId);
    if (timer === undefined) return;
    clearTimeout(timer);
    this.#stopTimers.delete(runId);
  }

  #clearStopTimers(): void {
    for (const timer of this.#stopTimers.values()) clearTimeout(timer);
    this.#stopTimers.clear();
  }
}
