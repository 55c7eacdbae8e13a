import { describe, expect, it } from 'vitest';
import { asNodeId, type FlowPosition, type NodeId } from '../../model/index.ts';
import { arrowDirection, NUDGE_BIG_FACTOR, nudgeKey, nudgeMoves } from './nudge.ts';

const a = asNodeId('a');
const b = asNodeId('b');
const positions = new Map<NodeId, FlowPosition>([
  [a, { x: 40, y: 60 }],
  [b, { x: 10, y: 0 }],
]);

describe('arrowDirection', () => {
  it('maps the four arrows and nothing else', () => {
    expect(arrowDirection('ArrowLeft')).toEqual({ x: -1, y: 0 });
    expect(arrowDirection('ArrowDown')).toEqual({ x: 0, y: 1 });
    expect(arrowDirection('a')).toBeUndefined();
    expect(arrowDirection('toString')).toBeUndefined();
  });
});

describe('nudgeMoves', () => {
  it('moves every node one grid step, or five with Shift', () => {
    expect(nudgeMoves([a], positions, { x: 1, y: 0 }, { grid: 20, big: false })).toEqual([{ id: a, position: { x: 60, y: 60 } }]);
    expect(nudgeMoves([a], positions, { x: 0, y: -1 }, { grid: 20, big: true })).toEqual([
      { id: a, position: { x: 40, y: 60 - 20 * NUDGE_BIG_FACTOR } },
    ]);
  });

  it('snaps a node that is off the grid and skips nodes with no position', () => {
    expect(nudgeMoves([b, asNodeId('ghost')], positions, { x: 1, y: 0 }, { grid: 20, big: false })).toEqual([
      { id: b, position: { x: 40, y: 0 } },
    ]);
  });
});

describe('nudgeKey', () => {
  it('is the same for the same nodes in any order', () => {
    expect(nudgeKey(['b', 'a'])).toBe(nudgeKey(['a', 'b']));
    expect(nudgeKey(['a'])).not.toBe(nudgeKey(['a', 'b']));
  });
});
