import type { WorkflowEventType } from '@trellis/engine';
import { eventExecutorId } from './describeEvent.ts';
import { parseLogCountKey } from './runLog.ts';
import type { LogEntry } from './runState.ts';

/** What the event log shows: every event, or those about one node and/or of one type. */
export interface EventFilter {
  readonly nodeId: string | undefined;
  readonly type: WorkflowEventType | undefined;
}

export const ALL_EVENTS: EventFilter = { nodeId: undefined, type: undefined };

/** The event types, in the order a run usually emits them (for the filter's list). */
export const EVENT_TYPES: readonly WorkflowEventType[] = [
  'workflow_start',
  'workflow_status',
  'superstep_start',
  'executor_start',
  'agent_update',
  'executor_output',
  'executor_complete',
  'workflow_output',
  'request_info',
  'message_dropped',
  'custom',
  'executor_bypassed',
  'checkpoint_saved',
  'superstep_complete',
  'error',
  'workflow_complete',
];

/** The entries the filter lets through (the same array when it lets everything through). */
export function filterLog(log: readonly LogEntry[], filter: EventFilter): readonly LogEntry[] {
  const { nodeId, type } = filter;
  if (nodeId === undefined && type === undefined) return log;
  return log.filter(
    (entry) => (type === undefined || entry.event.type === type) && (nodeId === undefined || eventExecutorId(entry.event) === nodeId),
  );
}

/** A timestamp relative to the run's first event: `+0.000 s`. */
export function relativeTime(at: number, origin: number | undefined): string {
  return `+${((at - (origin ?? at)) / 1000).toFixed(3)} s`;
}

/** How many of the run's events the filter lets through, counted exactly (see `RunState.logCounts`). */
export function countMatching(counts: Readonly<Record<string, number>>, filter: EventFilter): number {
  let total = 0;
  for (const [key, count] of Object.entries(counts)) {
    const { type, nodeId } = parseLogCountKey(key);
    if ((filter.type === undefined || type === filter.type) && (filter.nodeId === undefined || nodeId === filter.nodeId)) total += count;
  }
  return total;
}
