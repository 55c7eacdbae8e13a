import { describe, expect, it } from 'vitest';
import type { RunMessage } from '../engine-host/protocol.ts';
import { RunBacklog } from './runBacklog.ts';

function events(runId: string, from: number, count: number): RunMessage {
  return {
    type: 'events',
    runId,
    events: Array.from({ length: count }, (_, index) => ({
      at: from + index,
      event: { type: 'superstep_start', superstep: from + index },
    })),
  };
}
const ended: RunMessage = { type: 'run_ended', runId: 'r', outcome: { reason: 'finished', state: 'idle', durationMs: 1 } };

/** The `at` of every event in the pieces, and 'end' for an ending. */
function flatten(pieces: readonly RunMessage[]): (number | 'end')[] {
  return pieces.flatMap((piece): (number | 'end')[] => (piece.type === 'events' ? piece.events.map((event) => event.at) : ['end']));
}

describe('RunBacklog', () => {
  it('hands out what it holds in order, in slices of at most the size asked, and counts what is left', () => {
    const backlog = new RunBacklog();
    backlog.push([events('r', 0, 5), events('r', 5, 0), ended]);
    backlog.push([events('r', 10, 2)]);
    expect(backlog.size).toBe(8);
    const pieces: RunMessage[] = [];
    const sizes: number[] = [];
    for (let piece = backlog.take(2); piece !== undefined; piece = backlog.take(2)) {
      pieces.push(piece);
      sizes.push(backlog.size);
    }
    expect(flatten(pieces)).toEqual([0, 1, 2, 3, 4, 'end', 10, 11]);
    expect(pieces.map((piece) => (piece.type === 'events' ? piece.events.length : 'end'))).toEqual([2, 2, 1, 'end', 2]);
    expect(sizes).toEqual([6, 4, 3, 2, 0]);
    expect(backlog.take(2)).toBeUndefined();
  });

  it('hands a batch that fits out as it is, and forgets everything on clear()', () => {
    const backlog = new RunBacklog();
    const batch = events('r', 0, 3);
    backlog.push([batch]);
    expect(backlog.take(3)).toBe(batch);
    backlog.push([events('r', 3, 3), ended]);
    backlog.clear();
    expect(backlog.size).toBe(0);
    expect(backlog.take(10)).toBeUndefined();
  });

  it('keeps its order across many messages (what was taken is dropped now and then)', () => {
    const backlog = new RunBacklog();
    const taken: (number | 'end')[] = [];
    for (let index = 0; index < 300; index++) {
      backlog.push([events('r', index * 2, 2)]);
      if (index % 3 === 0) taken.push(...flatten([backlog.take(3)].filter((piece) => piece !== undefined)));
    }
    for (let piece = backlog.take(7); piece !== undefined; piece = backlog.take(7)) taken.push(...flatten([piece]));
    expect(taken).toEqual(Array.from({ length: 600 }, (_, index) => index));
  });
});
