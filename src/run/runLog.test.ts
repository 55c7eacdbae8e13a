import { describe, expect, it } from 'vitest';
import { ALL_EVENTS, countMatching } from './eventFilter.ts';
import { appendToLog, logCountKey, parseLogCountKey } from './runLog.ts';
import type { LogEntry } from './runState.ts';

function entries(from: number, count: number): LogEntry[] {
  return Array.from({ length: count }, (_, index) => ({ seq: from + index, at: 0, event: { type: 'superstep_start', superstep: 1 } }));
}
const seqs = (log: readonly LogEntry[]) => log.map((entry) => entry.seq);

describe('the bounded event log', () => {
  it('keeps the latest entries up to the limit', () => {
    const kept = entries(0, 3);
    expect(appendToLog(kept, [], 4)).toBe(kept);
    expect(seqs(appendToLog(kept, entries(3, 1), 4))).toEqual([0, 1, 2, 3]);
    expect(seqs(appendToLog(kept, entries(3, 2), 4))).toEqual([1, 2, 3, 4]);
    expect(seqs(appendToLog(kept, entries(3, 6), 4))).toEqual([5, 6, 7, 8]);
    expect(kept).toHaveLength(3); // never changed
  });

  it('counts events by type and node, and a filter counts them exactly', () => {
    expect(parseLogCountKey(logCountKey('executor_start', 'a'))).toEqual({ type: 'executor_start', nodeId: 'a' });
    expect(parseLogCountKey(logCountKey('superstep_start', undefined))).toEqual({ type: 'superstep_start', nodeId: undefined });
    const counts = {
      [logCountKey('executor_start', 'a')]: 5,
      [logCountKey('executor_start', 'b')]: 2,
      [logCountKey('custom', 'a')]: 40_000,
      [logCountKey('superstep_start', undefined)]: 3,
    };
    expect(countMatching(counts, ALL_EVENTS)).toBe(40_010);
    expect(countMatching(counts, { nodeId: 'a', type: undefined })).toBe(40_005);
    expect(countMatching(counts, { nodeId: undefined, type: 'executor_start' })).toBe(7);
    expect(countMatching(counts, { nodeId: 'b', type: 'custom' })).toBe(0);
  });
});
