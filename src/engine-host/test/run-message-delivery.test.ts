import { describe, expect, it } from 'vitest';
import type { RunMessage } from '../protocol.ts';
import { RunMessageDelivery } from '../run-message-delivery.ts';

function events(runId: string, ...supersteps: number[]): RunMessage {
  return { type: 'events', runId, events: supersteps.map((superstep) => ({ at: 0, event: { type: 'superstep_start', superstep } })) };
}

describe('RunMessageDelivery', () => {
  it('delivers everything since the last frame in one call, in order, merging consecutive batches of a run', () => {
    const frames: (() => void)[] = [];
    const delivery = new RunMessageDelivery((callback) => frames.push(callback));
    const calls: (readonly RunMessage[])[] = [];
    delivery.subscribe((messages) => calls.push(messages));

    delivery.push(events('a', 1));
    delivery.push(events('a', 2, 3));
    delivery.push(events('b', 1));
    delivery.push({ type: 'run_ended', runId: 'b', outcome: { reason: 'finished', state: 'idle', durationMs: 1 } });
    delivery.push(events('a', 4));
    expect(frames).toHaveLength(1);
    expect(calls).toEqual([]);
    frames.shift()?.();

    expect(calls).toEqual([[events('a', 1, 2, 3), events('b', 1), calls[0]?.[2], events('a', 4)]]);
    expect(calls[0]?.[2]?.type).toBe('run_ended');
    delivery.push(events('a', 5));
    frames.shift()?.();
    expect(calls[1]).toEqual([events('a', 5)]);
  });

  it('a throwing subscriber does not keep the others from their messages', () => {
    const frames: (() => void)[] = [];
    const reported: unknown[] = [];
    const delivery = new RunMessageDelivery(
      (callback) => frames.push(callback),
      (error) => reported.push(error),
    );
    const seen: number[] = [];
    delivery.subscribe(() => {
      throw new Error('subscriber bug');
    });
    const unsubscribe = delivery.subscribe((messages) => seen.push(messages.length));
    delivery.push(events('a', 1));
    frames.shift()?.();
    expect(seen).toEqual([1]);
    expect(reported).toMatchObject([{ message: 'subscriber bug' }]);
    unsubscribe();
    delivery.push(events('a', 2));
    frames.shift()?.();
    expect(seen).toEqual([1]);
  });
});
