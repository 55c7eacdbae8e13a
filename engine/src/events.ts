import type { ErrorDetails } from './errors.js';

/**
 * The states a run passes through (spec: `WorkflowRunState`). A const object rather than an enum so
 * values stay plain strings across `postMessage`.
 */
export const WorkflowRunState = {
  IN_PROGRESS: 'in_progress',
  IN_PROGRESS_PENDING_REQUESTS: 'in_progress_pending_requests',
  IDLE: 'idle',
  IDLE_WITH_PENDING_REQUESTS: 'idle_with_pending_requests',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
} as const;

/** One of the values of {@link WorkflowRunState}. */
export type WorkflowRunState = (typeof WorkflowRunState)[keyof typeof WorkflowRunState];

/** Why a message was dropped (see `message_dropped`). */
export type DropReason = 'no_matching_handler' | 'no_edge_to_target';

/** First event of every run. */
export interface WorkflowStartEvent {
  type: 'workflow_start';
  runId: string;
  workflowName: string;
}
/** Emitted on each change of the run's state. */
export interface WorkflowStatusEvent {
  type: 'workflow_status';
  state: WorkflowRunState;
}
/** Emitted before a superstep's deliveries (1-based, continuing across continuation runs). */
export interface SuperstepStartEvent {
  type: 'superstep_start';
  superstep: number;
}
/** Emitted after a superstep's state commit. */
export interface SuperstepCompleteEvent {
  type: 'superstep_complete';
  superstep: number;
}
/** Emitted before a handler runs; `data` is its input (for a fan-in, the list). */
export interface ExecutorStartEvent {
  type: 'executor_start';
  executorId: string;
  data: unknown;
}
/** Emitted for each message an executor sends, when it is sent. */
export interface ExecutorOutputEvent {
  type: 'executor_output';
  executorId: string;
  data: unknown;
  targetId?: string;
}
/** Emitted when a handler returned. */
export interface ExecutorCompleteEvent {
  type: 'executor_complete';
  executorId: string;
  durationMs: number;
}
/** Emitted for each `ctx.yieldOutput`. */
export interface WorkflowOutputEvent {
  type: 'workflow_output';
  executorId: string;
  data: unknown;
}
/** A request for a human answer (`ctx.requestInfo`). */
export interface RequestInfoEvent {
  type: 'request_info';
  requestId: string;
  executorId: string;
  data: unknown;
  responseType: unknown;
}
/** A streamed model token delta from an agent executor. */
export interface AgentUpdateEvent {
  type: 'agent_update';
  executorId: string;
  delta: string;
}
/** A message that no edge or handler took. */
export interface MessageDroppedEvent {
  type: 'message_dropped';
  sourceId: string;
  targetId?: string;
  reason: DropReason;
  data: unknown;
}
/** Emitted after each checkpoint write. */
export interface CheckpointSavedEvent {
  type: 'checkpoint_saved';
  checkpointId: string;
  superstep: number;
}
/** Functional API: a step whose cached result was reused. */
export interface ExecutorBypassedEvent {
  type: 'executor_bypassed';
  executorId: string;
  data: unknown;
}
/** A failure; for an executor's exception `executorId` names it. */
export interface ErrorEvent {
  type: 'error';
  error: ErrorDetails;
  executorId?: string;
}
/** Last event of every run. */
export interface WorkflowCompleteEvent {
  type: 'workflow_complete';
  state: WorkflowRunState;
}
/**
 * An event an executor added through `ctx.addEvent({ type, data })`. The executor's own `type` is
 * kept as `name`, so the union stays closed and a `switch` on `type` stays exhaustive.
 */
export interface CustomEvent {
  type: 'custom';
  name: string;
  executorId: string;
  data: unknown;
}

/**
 * Every event a run can emit, a discriminated union on `type`. All are plain, structured-cloneable
 * data (they cross `postMessage` unchanged).
 */
export type WorkflowEvent =
  | WorkflowStartEvent
  | WorkflowStatusEvent
  | SuperstepStartEvent
  | SuperstepCompleteEvent
  | ExecutorStartEvent
  | ExecutorOutputEvent
  | ExecutorCompleteEvent
  | WorkflowOutputEvent
  | RequestInfoEvent
  | AgentUpdateEvent
  | MessageDroppedEvent
  | CheckpointSavedEvent
  | ExecutorBypassedEvent
  | ErrorEvent
  | WorkflowCompleteEvent
  | CustomEvent;

/** The `type` of an event. */
export type WorkflowEventType = WorkflowEvent['type'];

const BUILTIN_EVENT_TYPES: ReadonlySet<string> = new Set<WorkflowEventType>([
  'workflow_start',
  'workflow_status',
  'superstep_start',
  'superstep_complete',
  'executor_start',
  'executor_output',
  'executor_complete',
  'workflow_output',
  'request_info',
  'agent_update',
  'message_dropped',
  'checkpoint_saved',
  'executor_bypassed',
  'error',
  'workflow_complete',
  'custom',
]);

/** True when `type` names an engine event, which executors may not emit through `addEvent`. */
export function isReservedEventType(type: string): boolean {
  return BUILTIN_EVENT_TYPES.has(type);
}

/** For the `default` branch of an exhaustive `switch`: a compile error if a case is missing. */
export function assertNever(value: never, what = 'value'): never {
  throw new TypeError(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
