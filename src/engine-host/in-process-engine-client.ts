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

/** An engine host living on the page's thread. */
export interface InProcessHost {
  handle(command: HostCommand): void;
  dispose(): void;
}

/** Loads the host (the engine is a big module, so it is imported when first needed) wired to `post`. */
export type InProcessHostLoader = (post: (message: HostMessage) => void) => Promise<InProcessHost>;

export interface InProcessEngineClientOptions {
  readonly loadHost: InProcessHostLoader;
  readonly scheduleFrame?: FrameScheduler;
}

/** The host, or why it did not load. */
type LoadedHost = { host: InProcessHost; error?: undefined } | { host?: undefined; error: string };

/**
 * The {@link EngineClient} with the engine on the page's thread: for tests, and hosts without
 * workers. Messages are structured-cloned on their way, exactly as `postMessage` would, so both
 * clients hand out the same values. Unlike the worker client it cannot stop code stuck in a loop:
 * such code blocks the page itself.
 */
export class InProcessEngineClient implements EngineClient {
  readonly #loadHost: InProcessHostLoader;
  readonly #connection: HostConnection;
  #host: Promise<LoadedHost> | undefined;
  #disposed = false;

  constructor(options: InProcessEngineClientOptions) {
    this.#loadHost = options.loadHost;
    this.#connection = new HostConnection(options.scheduleFrame ?? defaultFrameScheduler, (runId, batches) => {
      // Only to a host that is loaded (one that sent batches); never loads one.
      void this.#host?.then((loaded) => loaded.host?.handle({ type: 'events_received', runId, batches }));
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
    // also for a run waiting for a person (not streaming): the host then forgets it
    if (this.#host !== undefined && !this.#disposed) this.#send({ type: 'cancel', runId });
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
    void this.#host?.then((loaded) => loaded.host?.dispose());
    this.#connection.close('the engine client was disposed');
  }

  #runCommand(command: HostCommand & { runId: string }): void {
    this.#send(command);
    this.#connection.runCommandSent(command.runId);
  }

  #send(command: HostCommand): void {
    if (this.#disposed) throw new Error(`The engine client was disposed; cannot send '${command.type}'`);
    // Cloned now, as postMessage would: the caller may change its objects after the call returns.
    const sent = structuredClone(command);
    const loading = (this.#host ??= this.#load());
    // Commands are handled in the order sent: each waits for the same load, in turn.
    void loading.then((loaded) => {
      if (loaded.host !== undefined) {
        loaded.host.handle(sent);
        return;
      }
      // Without a host nothing runs: what waits for it fails, and the next command tries again.
      if (this.#host === loading) this.#host = undefined;
      const why = `the engine could not be loaded: ${loaded.error}`;
      for (const runId of this.#connection.activeRunIds()) this.#connection.endRun(runId, 'host_lost', why);
      this.#connection.failCalls(why);
    });
  }

  async #load(): Promise<LoadedHost> {
    try {
      const host = await this.#loadHost((message) => {
        if (!this.#disposed) this.#connection.receive(structuredClone(message));
      });
      return { host };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }
}
