import { describe, expect, it } from 'vitest';
import { edgesOf, nodesOf } from '../model/index.ts';
import type { WorkflowDefinition } from '@trellis/engine';
import { freeSpot, LAYER_GAP, layeredPositions, ROW_GAP } from './layout.ts';

function definition(edges: { from: string; to: string }[], layout?: WorkflowDefinition['layout']): WorkflowDefinition {
  return {
    workflow: {
      name: 'w',
      start: 'a',
      executors: ['a', 'b', 'c', 'd'].map((id) => ({ id, type: 'output' as const })),
      edges,
    },
    ...(layout === undefined ? {} : { layout }),
  };
}

describe('layeredPositions', () => {
  it('places nodes left to right by distance from the start, cycles cut', () => {
    const doc = definition([
      { from: 'a', to: 'b' },
      { from: 'a', to: 'c' },
      { from: 'c', to: 'a' },
    ]);
    const positions = layeredPositions(nodesOf(doc), edgesOf(doc));
    expect(positions.get(nodesOf(doc)[0]!.id)).toEqual({ x: 0, y: 0 });
    expect([...positions.values()]).toEqual([
      { x: 0, y: 0 },
      { x: LAYER_GAP, y: 0 },
      { x: LAYER_GAP, y: ROW_GAP },
      { x: 0, y: ROW_GAP },
    ]);
  });

  it('keeps the positions the file gives', () => {
    const doc = definition([{ from: 'a', to: 'b' }], { b: { x: 7, y: 9 } });
    const positions = layeredPositions(nodesOf(doc), edgesOf(doc));
    expect([...positions.values()][1]).toEqual({ x: 7, y: 9 });
  });
});

describe('freeSpot', () => {
  it('answers the origin on an empty canvas, else right of the rightmost node', () => {
    expect(freeSpot([])).toEqual({ x: 0, y: 0 });
    expect(
      freeSpot([
        { x: 10, y: 50 },
        { x: 40, y: 20 },
      ]),
    ).toEqual({ x: 40 + LAYER_GAP, y: 20 });
  });
});
