import type { ErrorDetails, Problem, WorkflowEvent, WorkflowRunState } from '@trellis/engine';

/**
 * The engine host's wire protocol: what the page sends to the engine (commands) and what comes
 * back (messages). Everything here is plain, structured-cloneable data, so the same values cross
 * `postMessage` to a Web Worker or stay in the page for the in-process host. Switch on `type`,
 * exhaustively.
 *
 * Security: a `ModelSettings` with an API key travels only inside `start` / `resume` /
 * `test_connection` commands. The host hands the key to the chat client and nowhere else: never into
 * an event, a checkpoint, a log line or an error message.
 */

/** Which model the `agent` nodes use. The offline mock is the default. */
export type ModelSettings =
  | { readonly kind: 'mock' }
  | {
      readonly kind: 'openai';
      /** An OpenAI-compatible endpoint, e.g. `https://api.openai.com/v1` or `http://127.0.0.1:8080/v1`. */
      readonly baseUrl: string;
      readonly model: string;
      /** Kept in this browser only (see the module note). May be empty for local servers. */
      readonly apiKey: string;
    };

/** The default model settings: the offline mock. */
export const MOCK_MODEL: ModelSettings = { kind: 'mock' };

/** An engine event stamped with the host clock (ms since the epoch) when it was emitted. */
export interface TimedEvent {
  readonly at: number;
  readonly event: WorkflowEvent;
}

/** Starts a new run of a workflow given as YAML text. */
export interface StartRunCommand {
  readonly type: 'start';
  /** Chosen by the page; every message about this run carries it. */
  readonly runId: string;
  readonly yamlText: string;
  readonly input: unknown;
  readonly model: ModelSettings;
  /** Where this run's checkpoints are kept (one IndexedDB database per scope; the page uses the document id). */
  readonly checkpointScope: string;
}

/** Resumes a run from a checkpoint of its scope: its pending requests are emitted again. */
export interface ResumeRunCommand {
  readonly type: 'resume';
  readonly runId: string;
  readonly yamlText: string;
  readonly model: ModelSettings;
  readonly checkpointScope: string;
  /** The checkpoint to resume from; the latest of the scope when absent. */
  readonly checkpointId?: string;
}

/** Answers pending requests of a paused run (request id → answer). */
export interface RespondCommand {
  readonly type: 'respond';
  readonly runId: string;
  readonly responses: Readonly<Record<string, unknown>>;
}

/** Stops a run at once. */
export interface CancelCommand {
  readonly type: 'cancel';
  readonly runId: string;
}

/**
 * Flow control: the page took `batches` event batches of the run (handed them to its listeners).
 * The host keeps only a few batches of a run in flight and holds later events until the page
 * takes some, so a flood waits in the engine's heap, not the page's.
 */
export interface EventsReceivedCommand {
  readonly type: 'events_received';
  readonly runId: string;
  readonly batches: number;
}

/** Asks for the checkpoints kept in a scope (answered by a `checkpoints` message). */
export interface ListCheckpointsCommand {
  readonly type: 'list_checkpoints';
  readonly callId: string;
  readonly checkpointScope: string;
}

/** Asks whether a model endpoint answers (answered by a `connection` message). */
export interface TestConnectionCommand {
  readonly type: 'test_connection';
  readonly callId: string;
  readonly model: ModelSettings;
}

/** Everything the page sends to the engine host. */
export type HostCommand =
  | StartRunCommand
  | ResumeRunCommand
  | RespondCommand
  | CancelCommand
  | EventsReceivedCommand
  | ListCheckpointsCommand
  | TestConnectionCommand;

/** How a run (or one continuation of it) ended. */
export type RunEndReason =
  /** Ran to idle; `state` is `idle` or `idle_with_pending_requests` (waiting for a person). */
  | 'finished'
  /** An executor threw, or the run hit an engine error; `error` says which. */
  | 'failed'
  /** Stopped by the user. */
  | 'cancelled'
  /** The YAML did not load; `problems` lists why (nothing ran). */
  | 'load_failed'
  /** The host itself died or was replaced (e.g. a stuck run was stopped by terminating the worker). */
  | 'host_lost';

/** The end of a run or of a continuation (after `respond` / `resume`). */
export interface RunOutcome {
  readonly reason: RunEndReason;
  /** The run's final state (`failed` for `load_failed` and `host_lost`, `cancelled` when stopped). */
  readonly state: WorkflowRunState;
  /** From the command to the end, host clock. */
  readonly durationMs: number;
  readonly error?: ErrorDetails;
  /** The executor that threw, when a `failed` run failed in one. */
  readonly executorId?: string;
  /** Only for `load_failed`. */
  readonly problems?: readonly Problem[];
}

/** A batch of a run's events, in emission order. */
export interface RunEventsMessage {
  readonly type: 'events';
  readonly runId: string;
  readonly events: readonly TimedEvent[];
  /** How many later events of the run the host still holds, waiting for the page to take batches (see `EventsReceivedCommand`). */
  readonly held?: number;
}

/** A run (or continuation) ended; sent after its last `events` batch. */
export interface RunEndedMessage {
  readonly type: 'run_ended';
  readonly runId: string;
  readonly outcome: RunOutcome;
}

/** One checkpoint as a list shows it. */
export interface CheckpointSummary {
  readonly checkpointId: string;
  readonly seriesId: string;
  readonly workflowName: string;
  /** Host clock, ms since the epoch. */
  readonly timestamp: number;
  readonly superstep: number;
  /** Ids of the requests waiting for an answer at this checkpoint. */
  readonly pendingRequestIds: readonly string[];
}

/** The answer to `list_checkpoints`, oldest first. */
export interface CheckpointsMessage {
  readonly type: 'checkpoints';
  readonly callId: string;
  readonly checkpoints: readonly CheckpointSummary[];
  readonly error?: string;
}

/** The answer to `test_connection`. */
export interface ConnectionResult {
  readonly ok: boolean;
  /** What the user reads: the model's short reply, or what went wrong (never the key). */
  readonly message: string;
  readonly latencyMs: number;
}

/** The answer to `test_connection`. */
export interface ConnectionMessage {
  readonly type: 'connection';
  readonly callId: string;
  readonly result: ConnectionResult;
}

/** Everything the engine host sends back. */
export type HostMessage = RunEventsMessage | RunEndedMessage | CheckpointsMessage | ConnectionMessage;

/** The run-related messages a UI subscribes to. */
export type RunMessage = RunEventsMessage | RunEndedMessage;
