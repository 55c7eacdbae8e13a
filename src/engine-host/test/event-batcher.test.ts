import type { WorkflowEvent } from '@trellis/engine';
import { describe, expect, it } from 'vitest';
import { EventBatcher, type BatchingOptions } from '../event-batcher.ts';
import type { HostMessage } from '../protocol.ts';

/** A batcher on a clock and timer the test moves by hand. */
function batcherOnManualTime(maxBatchSize = 100): {
  batcher: EventBatcher;
  posted: HostMessage[];
  advance: (ms: number) => void;
  timers: { at: number; run: () => void }[];
} {
  let now = 1000;
  const timers: { at: number; run: () => void }[] = [];
  const posted: HostMessage[] = [];
  const options: BatchingOptions = {
    clock: () => now,
    timer: (run, delayMs) => timers.push({ at: now + delayMs, run }),
    intervalMs: 16,
    maxBatchSize,
  };
  return {
    batcher: new EventBatcher('r', (message) => posted.push(message), options, undefined),
    posted,
    timers,
    advance(ms) {
      now += ms;
      const due = timers.filter((timer) => timer.at <= now);
      timers.splice(0, timers.length, ...timers.filter((timer) => timer.at > now));
      for (const timer of due) timer.run();
    },
  };
}

const tick = (superstep: number): WorkflowEvent => ({ type: 'superstep_start', superstep });

describe('EventBatcher', () => {
  it('sends the first burst on the next tick, then at most one batch per interval', () => {
    const { batcher, posted, timers, advance } = batcherOnManualTime();
    batcher.add(tick(1));
    batcher.add(tick(2));
    expect(timers.map((t) => t.at)).toEqual([1000]); // no wait after a quiet spell
    advance(0);
    expect(posted).toEqual([
      {
        type: 'events',
        runId: 'r',
        events: [
          { at: 1000, event: tick(1) },
          { at: 1000, event: tick(2) },
        ],
      },
    ]);
    advance(4);
    batcher.add(tick(3));
    expect(timers.map((t) => t.at)).toEqual([1016]); // 16 ms after the last batch
    advance(11);
    expect(posted).toHaveLength(1);
    advance(1);
    expect(posted).toHaveLength(2);
  });

  it('sends a full batch at once, and flush() sends the rest', () => {
    const { batcher, posted } = batcherOnManualTime(3);
    for (let superstep = 1; superstep <= 7; superstep++) batcher.add(tick(superstep));
    expect(posted.map((m) => (m.type === 'events' ? m.events.length : 0))).toEqual([3, 3]);
    batcher.flush();
    batcher.flush();
    expect(posted.map((m) => (m.type === 'events' ? m.events.length : 0))).toEqual([3, 3, 1]);
  });
});
