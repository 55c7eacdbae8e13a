import type { ErrorDetails, WorkflowEvent, WorkflowRunState } from '@trellis/engine';
import type { CanvasEdgeKind } from '../model/index.ts';
import type { RunOutcome } from '../engine-host/protocol.ts';
import { emptyTraffic, type EdgeTraffic } from './edgeTraffic.ts';

/**
 * What the page knows about the current (or last) run, built from the engine host's messages by
 * the reducer (`runReducer.ts`; the store applies them with `applyBacklog`, a frame's budget at a
 * time) and from the page's own commands (`runCommands.ts`: answers on their way, a stop while
 * waiting, a command the client could not take). Plain data, framework-free; the canvas and the run panel read it through
 * narrow selectors (a node's own entry, an edge's own entry), so a batch re-renders only what it
 * touched.
 */

/** A node's live state on the canvas. */
export type NodeStatus = 'idle' | 'queued' | 'running' | 'done' | 'failed' | 'waiting';

/** A value that may itself be `undefined` (so "no value yet" and "the value undefined" differ). */
export interface Held {
  readonly value: unknown;
}

/** One node's run state. Replaced (never mutated) when anything in it changes. */
export interface NodeRun {
  readonly status: NodeStatus;
  /** The status before the latest `queued`, to fall back to when the message never arrives. */
  readonly settled: NodeStatus;
  /** How many times a handler of this node started. */
  readonly runs: number;
  readonly lastDurationMs?: number;
  readonly lastInput?: Held;
  readonly lastOutput?: Held;
  /** An agent's reply to its latest invocation, as streamed (`agent_update` deltas). */
  readonly reply: string;
  readonly error?: ErrorDetails;
  /** Messages this node sent that nothing took (`message_dropped` without an edge to mark). */
  readonly dropped: number;
}

/** One edge's traffic: keyed by `edgeKey(source, target)`, since canvas edge ids shift with edits. */
export interface EdgeRun {
  /** Messages known to have passed this edge. */
  readonly messages: number;
  /** Of those, how many no handler at the target took. */
  readonly dropped: number;
  /** Some messages offered to this (conditional) edge could not be told apart from a sibling's. */
  readonly uncertain: boolean;
  /** The superstep in which its latest message was sent (it is delivered in the next one). */
  readonly lastSuperstep: number;
}

/** One row of the event log. */
export interface LogEntry {
  /** Position among the run's events, from 0 (counting those the log no longer keeps). */
  readonly seq: number;
  /** Host clock, ms since the epoch. */
  readonly at: number;
  readonly event: WorkflowEvent;
}

/** A `workflow_output`. */
export interface RunOutput {
  readonly seq: number;
  readonly executorId: string;
  readonly value: unknown;
}

/** A question for a person that is still open. */
export interface PendingRequest {
  readonly requestId: string;
  readonly executorId: string;
  readonly data: unknown;
  /** The answer's type as the engine describes it: a type name, a JSON Schema, a list of these, or `{ description }`. */
  readonly responseType: unknown;
  /** Answered, and the engine has not taken the answer yet (it may still refuse it). */
  readonly sending?: true;
  /** Why the engine refused the latest answer: shown next to the form, to answer again. */
  readonly refusal?: string;
}

/**
 * One continuation the engine host was asked for and has not ended yet. The host runs a run's
 * continuations in order and ends each with one `run_ended`: the start (or resume), then one per
 * answer sent. `requestIds` are the requests it answers (none for a start or resume).
 */
export interface Continuation {
  readonly requestIds: readonly string[];
  /** Some of its events arrived: the engine took its answers. */
  readonly taken: boolean;
}

/** One superstep on the timeline. */
export interface SuperstepSpan {
  readonly superstep: number;
  readonly startedAt: number;
  readonly endedAt?: number;
  /** The nodes that started a handler in it, in order (repeats kept once). */
  readonly nodeIds: readonly string[];
}

/** An edge of the graph being run, as far as traffic needs it. */
export interface RunGraphEdge {
  readonly source: string;
  readonly target: string;
  readonly kind: CanvasEdgeKind;
}

/** Where the run is. `ended` covers every way it can end; `outcome` says which. */
export type RunPhase = 'none' | 'starting' | 'running' | 'waiting' | 'ended';

export interface RunState {
  readonly runId: string | undefined;
  readonly phase: RunPhase;
  /** The run's latest `WorkflowRunState`, from its status events and its end. */
  readonly state: WorkflowRunState | undefined;
  /** Page clock when Run was pressed (or the run was resumed). */
  readonly requestedAt: number | undefined;
  /** Host clock of the first event. */
  readonly firstEventAt: number | undefined;
  /** Host clock of the latest event. */
  readonly lastEventAt: number | undefined;
  /** Set when the run (or its latest continuation) ended. */
  readonly outcome: RunOutcome | undefined;
  /** Sum of the durations of the run and its continuations. */
  readonly totalDurationMs: number;
  readonly resumed: boolean;
  readonly graph: readonly RunGraphEdge[];
  readonly nodes: Readonly<Record<string, NodeRun>>;
  readonly edges: Readonly<Record<string, EdgeRun>>;
  /** The latest events (at most `LOG_LIMIT`, see `runLog.ts`), oldest first. */
  readonly log: readonly LogEntry[];
  /** How many events the run has had in all (the log keeps the latest of them). */
  readonly logTotal: number;
  /** Exact event counts by type and node (keys from `logCountKey`), for filters over events the log no longer keeps. */
  readonly logCounts: Readonly<Record<string, number>>;
  readonly outputs: readonly RunOutput[];
  readonly pending: readonly PendingRequest[];
  /** The continuations asked for and not ended yet, oldest (the one the events belong to) first. */
  readonly continuations: readonly Continuation[];
  readonly supersteps: readonly SuperstepSpan[];
  /** The latest superstep started (0 before the first). */
  readonly superstep: number;
  /** Bookkeeping for edges whose conditions decide (see `edgeTraffic.ts`). */
  readonly traffic: EdgeTraffic;
}

export const IDLE_NODE: NodeRun = { status: 'idle', settled: 'idle', runs: 0, reply: '', dropped: 0 };

export const NO_RUN: RunState = {
  runId: undefined,
  phase: 'none',
  state: undefined,
  requestedAt: undefined,
  firstEventAt: undefined,
  lastEventAt: undefined,
  outcome: undefined,
  totalDurationMs: 0,
  resumed: false,
  graph: [],
  nodes: {},
  edges: {},
  log: [],
  logTotal: 0,
  logCounts: {},
  outputs: [],
  pending: [],
  continuations: [],
  supersteps: [],
  superstep: 0,
  traffic: emptyTraffic(),
};

/** The key of an edge's traffic. */
export function edgeKey(source: string, target: string): string {
  return `${source}\u2192${target}`;
}

/**
 * A fresh run: nothing has happened yet, but for a new run the input is on its way to its start
 * node, which shows as queued until its `executor_start` arrives (the host posts that one at once,
 * even for a handler that then never yields: see `engine-host/README.md`). Its one continuation so
 * far is the start (or resume) itself.
 */
export function startingRun(
  runId: string,
  graph: readonly RunGraphEdge[],
  requestedAt: number,
  resumed: boolean,
  startId?: string,
): RunState {
  const nodes = startId === undefined || resumed ? {} : { [startId]: { ...IDLE_NODE, status: 'queued' as const } };
  const continuations = [{ requestIds: [], taken: false }];
  return { ...NO_RUN, runId, phase: 'starting', graph, requestedAt, resumed, nodes, continuations, traffic: emptyTraffic() };
}
