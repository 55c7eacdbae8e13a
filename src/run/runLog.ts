import type { WorkflowEventType } from '@trellis/engine';
import type { LogEntry } from './runState.ts';

/**
 * The run's event log keeps the latest events only, so a run of millions of events keeps the
 * page's memory (and the per-frame cost of growing the log) bounded; how many events there were,
 * in all and per type and node, is counted exactly.
 */

/** How many of the latest events the log keeps. */
export const LOG_LIMIT = 10_000;

/** The key of an exact event count: the event's type and the node it is about ('' for none). */
export function logCountKey(type: WorkflowEventType, nodeId: string | undefined): string {
  return `${type}\u0000${nodeId ?? ''}`;
}

/** The type and node of a count key (see {@link logCountKey}). */
export function parseLogCountKey(key: string): { type: string; nodeId: string | undefined } {
  const split = key.indexOf('\u0000');
  const nodeId = key.slice(split + 1);
  return { type: key.slice(0, split), nodeId: nodeId === '' ? undefined : nodeId };
}

/** `kept` followed by `appended`, without the oldest entries beyond `limit`. */
export function appendToLog(kept: readonly LogEntry[], appended: readonly LogEntry[], limit: number = LOG_LIMIT): readonly LogEntry[] {
  if (appended.length === 0) return kept;
  const overflow = kept.length + appended.length - limit;
  if (overflow <= 0) return kept.concat(appended);
  if (appended.length >= limit) return appended.slice(appended.length - limit);
  return kept.slice(overflow).concat(appended);
}
