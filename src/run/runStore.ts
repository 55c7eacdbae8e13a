import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EngineClient } from '../engine-host/engine-client.ts';
import type { ConnectionResult, ModelSettings, RunMessage } from '../engine-host/protocol.ts';
import { loadModelSettings, saveModelSettings, type KeyValueStorage } from './modelSettings.ts';
import { applyRunMessages, markAnswered, stopWaiting } from './runReducer.ts';
import { NO_RUN, startingRun, type RunGraphEdge, type RunState } from './runState.ts';
import { clearWaitingRun, loadWaitingRun, saveWaitingRun } from './waitingRun.ts';

/** What a run needs from the open document. */
export interface RunDocument {
  readonly yamlText: string;
  /** The document's id: its checkpoints are kept under it. */
  readonly checkpointScope: string;
  readonly graph: readonly RunGraphEdge[];
}

export interface RunStoreState {
  readonly run: RunState;
  /** The document the run belongs to. */
  readonly checkpointScope: string | undefined;
  readonly model: ModelSettings;
  /** Why the engine could not be loaded, if it could not. */
  readonly engineError: string | undefined;
  start(document: RunDocument, input: unknown): void;
  /** Stops the active run (it ends as `cancelled`). */
  stop(): void;
  /** Answers pending requests (request id → answer); the run goes on. */
  respond(responses: Readonly<Record<string, unknown>>): void;
  /**
   * The open document is now `document`: a run of another document is stopped and cleared, and
   * if this document left a run waiting for a person, it is resumed from its latest checkpoint
   * (answers `true` then).
   */
  openDocument(document: RunDocument): boolean;
  setModel(settings: ModelSettings): void;
  testConnection(settings: ModelSettings): Promise<ConnectionResult>;
}

export type RunStore = StoreApi<RunStoreState>;

export interface RunStoreOptions {
  /** Loads the engine client on first use (a dynamic import keeps the engine out of the first load). */
  readonly loadClient: () => Promise<EngineClient>;
  /** Where model settings and waiting runs are kept (`localStorage` in the app). */
  readonly storage?: KeyValueStorage | undefined;
  readonly now?: () => number;
  readonly createRunId?: () => string;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The run store: the current run's state, fed one batch at a time by the engine client. */
export function createRunStore(options: RunStoreOptions): RunStore {
  const { storage } = options;
  const now = options.now ?? (() => Date.now());
  const createRunId = options.createRunId ?? (() => `run_${crypto.randomUUID()}`);
  let client: Promise<EngineClient> | undefined;

  const store = createStore<RunStoreState>()((set, get) => {
    /** Applies one delivered batch: exactly one store update. */
    const receive = (messages: readonly RunMessage[]) => {
      const before = get().run;
      const run = applyRunMessages(before, messages);
      if (run === before) return;
      set({ run });
      if (run.phase !== before.phase) remember(run);
    };

    /** Keeps a waiting run across reloads, and forgets it once it is no longer waiting. */
    const remember = (run: RunState) => {
      const scope = get().checkpointScope;
      if (scope === undefined || run.runId === undefined) return;
      if (run.phase === 'waiting') {
        saveWaitingRun(storage, {
          checkpointScope: scope,
          runId: run.runId,
          requestIds: run.pending.map((r) => r.requestId),
          savedAt: now(),
        });
      } else if (run.phase === 'ended') clearWaitingRun(storage, scope);
    };

    /** The engine client, loaded (and subscribed to) on first use; a failed load is tried again next time. */
    const engine = (): Promise<EngineClient> => {
      client ??= options.loadClient().then((loaded) => {
        loaded.subscribe(receive);
        return loaded;
      });
      const loading = client;
      loading.catch(() => {
        if (client === loading) client = undefined;
      });
      return loading;
    };

    const withClient = (use: (engine: EngineClient) => void) => {
      engine().then(use, (error: unknown) => {
        set({ engineError: `The engine could not be loaded: ${messageOf(error)}`, run: { ...get().run, phase: 'ended' } });
      });
    };

    const cancelActive = () => {
      const { run } = get();
      if (run.runId === undefined || run.phase === 'none' || run.phase === 'ended') return;
      const runId = run.runId;
      withClient((host) => {
        host.cancel(runId);
      });
    };

    return {
      run: NO_RUN,
      checkpointScope: undefined,
      model: loadModelSettings(storage),
      engineError: undefined,

      start: (document, input) => {
        cancelActive();
        const runId = createRunId();
        set({ run: startingRun(runId, document.graph, now(), false), checkpointScope: document.checkpointScope, engineError: undefined });
        clearWaitingRun(storage, document.checkpointScope);
        const model = get().model;
        withClient((host) => {
          host.start({ runId, yamlText: document.yamlText, input, model, checkpointScope: document.checkpointScope });
        });
      },

      stop: () => {
        const { run, checkpointScope } = get();
        if (run.phase === 'waiting') {
          set({ run: stopWaiting(run) });
          if (checkpointScope !== undefined) clearWaitingRun(storage, checkpointScope);
          return;
        }
        cancelActive();
      },

      respond: (responses) => {
        const { run } = get();
        const runId = run.runId;
        if (runId === undefined || run.phase !== 'waiting') return;
        set({ run: markAnswered(run, Object.keys(responses)) });
        withClient((host) => {
          host.respond(runId, responses);
        });
      },

      openDocument: (document) => {
        const { checkpointScope, run } = get();
        if (checkpointScope !== document.checkpointScope && run.phase !== 'none') {
          cancelActive();
          set({ run: NO_RUN, checkpointScope: undefined });
        }
        if (get().run.phase !== 'none') return false;
        const waiting = loadWaitingRun(storage, document.checkpointScope);
        if (waiting === undefined) return false;
        const runId = createRunId();
        set({ run: startingRun(runId, document.graph, now(), true), checkpointScope: document.checkpointScope });
        const model = get().model;
        withClient((host) => {
          host.resume({ runId, yamlText: document.yamlText, model, checkpointScope: document.checkpointScope });
        });
        return true;
      },

      setModel: (settings) => {
        saveModelSettings(storage, settings);
        set({ model: settings });
      },

      testConnection: (settings) => engine().then((loaded) => loaded.testConnection(settings)),
    };
  });
  return store;
}
