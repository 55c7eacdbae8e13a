import { describe, expect, it } from 'vitest';
import { asNodeId, type FlowPosition, type NodeId } from '../../model/index.ts';
import { unmovedSince } from './unmovedSince.ts';

const positions = (entries: [string, FlowPosition | undefined][]) =>
  new Map<NodeId, FlowPosition | undefined>(entries.map(([id, position]) => [asNodeId(id), position]));
const move = (id: string) => ({ id: asNodeId(id), position: { x: 300, y: 300 } });

describe('the layout moves of nodes nobody touched meanwhile', () => {
  it('keeps the moves of nodes where they were, with or without a stored position', () => {
    const start = positions([
      ['a', { x: 0, y: 0 }],
      ['b', undefined],
    ]);
    const now = positions([
      ['a', { x: 0, y: 0 }],
      ['b', undefined],
    ]);
    expect(unmovedSince([move('a'), move('b')], start, now)).toEqual([move('a'), move('b')]);
  });

  it('leaves a node moved, placed, added or removed since the layout started where the author put it', () => {
    const start = positions([
      ['moved', { x: 0, y: 0 }],
      ['placed', undefined],
      ['removed', { x: 10, y: 10 }],
    ]);
    const now = positions([
      ['moved', { x: 40, y: 0 }],
      ['placed', { x: 80, y: 80 }],
      ['added', undefined],
    ]);
    expect(unmovedSince([move('moved'), move('placed'), move('removed'), move('added')], start, now)).toEqual([]);
  });
});
