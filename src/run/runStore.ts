import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EngineClient } from '../engine-host/engine-client.ts';
import type { ConnectionResult, ModelSettings, RunMessage } from '../engine-host/protocol.ts';
import { defaultFrameScheduler, type FrameScheduler } from '../engine-host/run-message-delivery.ts';
import { loadModelSettings, saveModelSettings, type KeyValueStorage } from './modelSettings.ts';
import { RunBacklog } from './runBacklog.ts';
import { answerableResponses, endWithEngineError, markAnswered, stopWaiting } from './runCommands.ts';
import { applyBacklog } from './runReducer.ts';
import { NO_RUN, startingRun, type RunGraphEdge, type RunState } from './runState.ts';
import { clearWaitingRun, loadWaitingRun, saveWaitingRun } from './waitingRun.ts';

/** What a run needs from the open document. */
export interface RunDocument {
  readonly yamlText: string;
  /** The document's id: its checkpoints are kept under it. */
  readonly checkpointScope: string;
  readonly graph: readonly RunGraphEdge[];
  /** The node a new run's input goes to. */
  readonly startId?: string | undefined;
}

export interface RunStoreState {
  readonly run: RunState;
  /** The document the run belongs to. */
  readonly checkpointScope: string | undefined;
  readonly model: ModelSettings;
  /** Why the engine could not be loaded, if it could not. */
  readonly engineError: string | undefined;
  /** Events the page has not applied yet (queued here, or held for it by the engine host): it lags behind a flood by this many. */
  readonly backlog: number;
  start(document: RunDocument, input: unknown): void;
  /** Stops the active run (it ends as `cancelled`). */
  stop(): void;
  /**
   * Answers pending requests (request id → answer), while the run waits or goes on; answers to
   * questions not open (unknown, or already sent) are ignored. A refused answer reopens its question.
   */
  respond(responses: Readonly<Record<string, unknown>>): void;
  /**
   * The open document is now `document`: a run of another document is stopped and cleared, and
   * if this document left a run waiting for a person, it is resumed from its latest checkpoint
   * (answers `true` then).
   */
  openDocument(document: RunDocument): boolean;
  /** Uses `settings` from now on, and stores them; answers why they could not be stored, if they could not. */
  setModel(settings: ModelSettings): string | undefined;
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
  /** Calls back at the next frame, to apply what one frame's budget left (default: `requestAnimationFrame`). */
  readonly scheduleFrame?: FrameScheduler;
  /** A monotonic clock in ms for the frame budget (default `performance.now`). */
  readonly clock?: () => number;
  /** At most about this much reducer work per frame, in ms (default 8); the rest waits for the next frame. */
  readonly frameBudgetMs?: number;
}

/** Half a 60 Hz frame: leaves the other half for React, layout and paint. */
const DEFAULT_FRAME_BUDGET_MS = 8;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The run store: the current run's state, fed by the engine client. What arrives is queued and
 * applied within a per-frame time budget, with one store update per frame: a flood of events
 * lags visibly (`backlog`) but never blocks the page.
 */
export function createRunStore(options: RunStoreOptions): RunStore {
  const { storage } = options;
  const now = options.now ?? (() => Date.now());
  const createRunId = options.createRunId ?? (() => `run_${crypto.randomUUID()}`);
  const scheduleFrame = options.scheduleFrame ?? defaultFrameScheduler;
  const clock = options.clock ?? (() => performance.now());
  const frameBudgetMs = options.frameBudgetMs ?? DEFAULT_FRAME_BUDGET_MS;
  const backlog = new RunBacklog();
  let frameScheduled = false;
  /** Events of the run the engine host still holds for the page (flow control), as its latest batch said. */
  let heldByHost = 0;
  let client: Promise<EngineClient> | undefined;

  const store = createStore<RunStoreState>()((set, get) => {
    /** Queues a delivery for the current run, and applies it now unless the page is already behind. */
    const receive = (messages: readonly RunMessage[]) => {
      const { runId } = get().run;
      const mine = messages.filter((message) => message.runId === runId);
      if (mine.length === 0) return;
      const last = mine.at(-1);
      heldByHost = last?.type === 'events' ? (last.held ?? 0) : 0;
      backlog.push(mine);
      if (!frameScheduled) applyQueued();
    };

    /** Applies what waits, for one frame's budget: one store update; what is left waits for the next frame. */
    const applyQueued = () => {
      if (backlog.size === 0) return;
      const deadline = clock() + frameBudgetMs;
      const before = get().run;
      const run = applyBacklog(before, backlog, () => clock() < deadline);
      set({ run, backlog: backlog.size + heldByHost });
      if (run.phase !== before.phase) remember(run);
      if (backlog.size === 0 || frameScheduled) return;
      frameScheduled = true;
      scheduleFrame(() => {
        frameScheduled = false;
        applyQueued();
      });
    };

    /** Forgets what waits (a new run starts, or the run is cleared). */
    const dropQueued = () => {
      backlog.clear();
      heldByHost = 0;
      if (get().backlog !== 0) set({ backlog: 0 });
    };

    /** Keeps a waiting run across reloads, and forgets it once it is no longer waiting. */
    const remember = (run: RunState) => {
      const scope = get().checkpointScope;
      if (scope === undefined || run.runId === undefined) return;
      if (run.phase === 'waiting') {
        saveWaitingRun(storage, { checkpointScope: scope, requestIds: run.pending.map((r) => r.requestId) });
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

    /** Gives a command to the engine client; a client that cannot be loaded or refuses the command ends the run it was for. */
    const withClient = (command: (engine: EngineClient) => void) => {
      const { runId } = get().run;
      // The engine will not say anything more about that run: it ends here (a later run is left alone).
      const failRun = (engineError: string) => {
        if (get().run.runId !== runId) {
          set({ engineError });
          return;
        }
        dropQueued();
        set({ engineError, run: endWithEngineError(get().run, engineError) });
      };
      engine().then(
        (loaded) => {
          try {
            command(loaded);
          } catch (error) {
            failRun(`The engine could not take the command: ${messageOf(error)}`);
          }
        },
        (error: unknown) => {
          failRun(`The engine could not be loaded: ${messageOf(error)}`);
        },
      );
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
      backlog: 0,

      start: (document, input) => {
        cancelActive();
        dropQueued();
        const runId = createRunId();
        set({
          run: startingRun(runId, document.graph, now(), false, document.startId),
          checkpointScope: document.checkpointScope,
          engineError: undefined,
        });
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
          // the engine host keeps a waiting run for its answers: tell it to let go
          const runId = run.runId;
          if (runId !== undefined) {
            withClient((host) => {
              host.cancel(runId);
            });
          }
          return;
        }
        cancelActive();
      },

      respond: (responses) => {
        const { run } = get();
        const runId = run.runId;
        const answers = answerableResponses(run, responses);
        if (runId === undefined || Object.keys(answers).length === 0) return;
        set({ run: markAnswered(run, Object.keys(answers)) });
        withClient((host) => {
          host.respond(runId, answers);
        });
      },

      openDocument: (document) => {
        const { checkpointScope, run } = get();
        if (checkpointScope !== document.checkpointScope && run.phase !== 'none') {
          cancelActive();
          dropQueued();
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
        const problem = saveModelSettings(storage, settings);
        set({ model: settings });
        return problem;
      },

      testConnection: (settings) => engine().then((loaded) => loaded.testConnection(settings)),
    };
  });
  return store;
}
