import type { CheckpointSummary, ConnectionResult, ModelSettings, ResumeRunCommand, RunMessage, StartRunCommand } from './protocol.ts';

/** A listener for run messages. Called at most once per animation frame, with everything since the last call, in order. */
export type RunMessageListener = (messages: readonly RunMessage[]) => void;

/**
 * The page's one way to talk to the engine. Two implementations with the same behaviour (one test
 * suite runs on both): `WorkerEngineClient` (the engine in a dedicated module Web Worker: the
 * default in the app) and `InProcessEngineClient` (the engine on the page's thread: tests, and
 * hosts without workers).
 *
 * Runs are fire-and-forget: what happens comes through `subscribe`, batched per frame, so a run
 * emitting tens of thousands of events a second cannot flood the page.
 */
export interface EngineClient {
  /** Starts a run. A second run may start while one is active (they are told apart by `runId`). */
  start(command: Omit<StartRunCommand, 'type'>): void;
  /** Resumes from a checkpoint (the latest of the scope by default); pending requests come again as `request_info` events. */
  resume(command: Omit<ResumeRunCommand, 'type'>): void;
  /** Answers pending requests of a paused run; the run continues and its events follow. */
  respond(runId: string, responses: Readonly<Record<string, unknown>>): void;
  /**
   * Stops a run at once: it ends with a `run_ended` message of reason `cancelled`. The worker client
   * terminates a worker that does not stop promptly (code stuck in a loop) and starts a fresh one;
   * saved checkpoints are not touched. A run waiting for a person (not streaming) is let go: the
   * host forgets it (answers then fail; its checkpoints stay, to resume from) and no message follows.
   */
  cancel(runId: string): void;
  /** The checkpoints kept in a scope, oldest first. */
  listCheckpoints(checkpointScope: string): Promise<readonly CheckpointSummary[]>;
  /** Sends one tiny request to the model endpoint and says whether it answered. */
  testConnection(model: ModelSettings): Promise<ConnectionResult>;
  /** Subscribes to run messages; returns the unsubscribe function. */
  subscribe(listener: RunMessageListener): () => void;
  /** Ends every run and frees the host (terminates the worker). */
  dispose(): void;
}
