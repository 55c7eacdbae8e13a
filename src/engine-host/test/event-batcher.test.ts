import type { WorkflowEvent } from '@trellis/engine';
import { describe, expect, it } from 'vitest';
import { EventBatcher, type BatchingOptions } from '../event-batcher.ts';
import type { HostMessage } from '../protocol.ts';

/** A batcher on a clock and timer the test moves by hand. */
function batcherOnManualTime(
  maxBatchSize = 100,
  maxBatchesInFlight = 100,
): {
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
    maxBatchesInFlight,
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
  it('posts the first event of a burst at once, then at most one batch per interval', () => {
    const { batcher, posted, timers, advance } = batcherOnManualTime();
    batcher.add(tick(1));
    expect(posted).toEqual([{ type: 'events', runId: 'r', events: [{ at: 1000, event: tick(1) }] }]); // no timer needed
    expect(timers).toEqual([]);
    advance(2);
    batcher.add(tick(2));
    batcher.add(tick(3));
    expect(timers.map((t) => t.at)).toEqual([1016]); // one interval after the last post
    expect(posted).toHaveLength(1);
    advance(13);
    expect(posted).toHaveLength(1);
    advance(1);
    expect(posted.at(-1)).toEqual({
      type: 'events',
      runId: 'r',
      events: [
        { at: 1002, event: tick(2) },
        { at: 1002, event: tick(3) },
      ],
    });
    advance(40); // a quiet spell: the next event leaves at once again
    batcher.add(tick(4));
    expect(posted).toHaveLength(3);
  });

  it('posts an interval after the last batch even when the timer cannot fire (a run that keeps the thread busy)', () => {
    const { batcher, posted, timers, advance } = batcherOnManualTime();
    batcher.add(tick(1));
    batcher.add(tick(2));
    expect(timers).toHaveLength(1);
    timers.length = 0; // starved: never fires
    advance(10);
    batcher.add(tick(3));
    expect(posted).toHaveLength(1);
    advance(6);
    batcher.add(tick(4));
    expect(posted.map((m) => (m.type === 'events' ? m.events.length : 0))).toEqual([1, 3]);
  });

  it('posts an executor_start at once, with what came before it, at most once an interval', () => {
    const { batcher, posted, advance } = batcherOnManualTime();
    const start = (executorId: string): WorkflowEvent => ({ type: 'executor_start', executorId, data: 'x' });
    batcher.add(tick(1)); // leading edge
    batcher.add(start('spin')); // its handler may never yield: it goes now, not on a timer
    expect(posted.map((m) => (m.type === 'events' ? m.events.map((e) => e.event.type) : []))).toEqual([
      ['superstep_start'],
      ['executor_start'],
    ]);
    advance(5);
    batcher.add(tick(2));
    batcher.add(start('next')); // a second start within the interval waits for the timer like any event
    expect(posted).toHaveLength(2);
    advance(11);
    expect(posted).toHaveLength(3);
    advance(16);
    batcher.add(start('later'));
    expect(posted).toHaveLength(4);
  });

  it('sends a full batch at once, and flush() sends the rest', () => {
    const { batcher, posted } = batcherOnManualTime(3);
    for (let superstep = 1; superstep <= 8; superstep++) batcher.add(tick(superstep));
    // the first alone (leading edge), then full batches of 3
    expect(posted.map((m) => (m.type === 'events' ? m.events.length : 0))).toEqual([1, 3, 3]);
    batcher.flush();
    batcher.flush();
    expect(posted.map((m) => (m.type === 'events' ? m.events.length : 0))).toEqual([1, 3, 3, 1]);
  });

  it('keeps at most maxBatchesInFlight batches waiting for the page, and says how many events it holds', async () => {
    const { batcher, posted } = batcherOnManualTime(2, 2);
    for (let superstep = 1; superstep <= 9; superstep++) batcher.add(tick(superstep));
    // the first alone, one full batch, then nothing until the page takes some
    expect(posted.map((m) => (m.type === 'events' ? [m.events.length, m.held] : []))).toEqual([
      [1, undefined],
      [2, undefined],
    ]);
    batcher.flush();
    expect(posted).toHaveLength(2);
    let drained = false;
    const draining = batcher.drained().then(() => (drained = true));
    batcher.received(1);
    expect(posted.at(-1)).toMatchObject({ events: [{ event: tick(4) }, { event: tick(5) }], held: 4 });
    batcher.received(5); // more than were in flight: two may go
    expect(posted.map((m) => (m.type === 'events' ? m.events.length : 0))).toEqual([1, 2, 2, 2, 2]);
    expect(posted.at(-1)).not.toHaveProperty('held');
    await draining;
    expect(drained).toBe(true);
  });

  it('release() posts everything held at once (a stopped run), and drained() settles', async () => {
    const { batcher, posted } = batcherOnManualTime(2, 1);
    for (let superstep = 1; superstep <= 6; superstep++) batcher.add(tick(superstep));
    expect(posted).toHaveLength(1);
    const draining = batcher.drained();
    batcher.release();
    await draining;
    expect(posted.flatMap((m) => (m.type === 'events' ? m.events.map((timed) => timed.event) : []))).toEqual(
      [1, 2, 3, 4, 5, 6].map((superstep) => tick(superstep)),
    );
  });
});
