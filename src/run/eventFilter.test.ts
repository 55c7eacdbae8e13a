import { describe, expect, it } from 'vitest';
import { ALL_EVENTS, EVENT_TYPES, filterLog, relativeTime } from './eventFilter.ts';
import type { LogEntry } from './runState.ts';

const log: LogEntry[] = [
  { seq: 0, at: 100, event: { type: 'superstep_start', superstep: 1 } },
  { seq: 1, at: 101, event: { type: 'executor_start', executorId: 'a', data: 1 } },
  { seq: 2, at: 102, event: { type: 'executor_start', executorId: 'b', data: 1 } },
  { seq: 3, at: 103, event: { type: 'message_dropped', sourceId: 'a', reason: 'no_matching_handler', data: 1 } },
];

describe('filterLog', () => {
  it('lets everything through without copying', () => {
    expect(filterLog(log, ALL_EVENTS)).toBe(log);
  });

  it('filters by node, by type, and by both', () => {
    expect(filterLog(log, { nodeId: 'a', type: undefined }).map((e) => e.seq)).toEqual([1, 3]);
    expect(filterLog(log, { nodeId: undefined, type: 'executor_start' }).map((e) => e.seq)).toEqual([1, 2]);
    expect(filterLog(log, { nodeId: 'b', type: 'executor_start' }).map((e) => e.seq)).toEqual([2]);
  });

  it('lists every event type once', () => {
    expect(new Set(EVENT_TYPES).size).toBe(16);
  });

  it('writes times relative to the first event', () => {
    expect(relativeTime(1234, 1000)).toBe('+0.234 s');
    expect(relativeTime(5, undefined)).toBe('+0.000 s');
  });
});
