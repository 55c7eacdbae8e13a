import type { WorkflowDefinition } from '@trellis/engine';
import { describe, expect, it } from 'vitest';
import { applyChanges } from './changes.ts';
import { asNodeId, edgesOf, nodesOf } from './graph.ts';
import { keepEdgeIdentity, keepNodeIdentity } from './keep-identity.ts';

const definition: WorkflowDefinition = {
  workflow: {
    name: 'w',
    start: 'a',
    executors: [
      { id: 'a', type: 'function', code: 'return input' },
      { id: 'b', type: 'function', code: 'return input' },
      { id: 'c', type: 'output' },
    ],
    edges: [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c', condition: 'input > 1' },
    ],
  },
  layout: { a: { x: 0, y: 0 }, b: { x: 200, y: 0 }, c: { x: 400, y: 0 } },
};

describe('keepNodeIdentity', () => {
  it('answers the previous array when nothing a node shows changed', () => {
    const previous = nodesOf(definition);
    expect(keepNodeIdentity(previous, nodesOf(definition))).toBe(previous);
  });

  it('keeps the unchanged nodes and replaces only the moved one', () => {
    const previous = nodesOf(definition);
    const { definition: moved } = applyChanges(definition, [
      { type: 'moveNodes', moves: [{ id: asNodeId('b'), position: { x: 220, y: 40 } }] },
    ]);
    const kept = keepNodeIdentity(previous, nodesOf(moved));
    expect(kept).not.toBe(previous);
    expect(kept[0]).toBe(previous[0]);
    expect(kept[2]).toBe(previous[2]);
    expect(kept[1]).not.toBe(previous[1]);
    expect(kept[1]?.position).toEqual({ x: 220, y: 40 });
    expect(kept).toEqual(nodesOf(moved));
  });

  it('replaces a node whose start flag or definition changed', () => {
    const previous = nodesOf(definition);
    const { definition: restarted } = applyChanges(definition, [{ type: 'setStart', start: 'b' }]);
    const kept = keepNodeIdentity(previous, nodesOf(restarted));
    expect(kept[0]).not.toBe(previous[0]);
    expect(kept[1]).not.toBe(previous[1]);
    expect(kept[2]).toBe(previous[2]);
  });

  it('answers a new array when the order changed, even with every node kept', () => {
    const previous = nodesOf(definition);
    const reversed = [...nodesOf(definition)].reverse();
    const kept = keepNodeIdentity(previous, reversed);
    expect(kept).not.toBe(previous);
    expect(kept.map((node) => node.id)).toEqual(['c', 'b', 'a']);
    expect(kept[0]).toBe(previous[2]);
  });
});

describe('keepEdgeIdentity', () => {
  it('answers the previous array when a node moved (the edges did not change)', () => {
    const previous = edgesOf(definition);
    const { definition: moved } = applyChanges(definition, [
      { type: 'moveNodes', moves: [{ id: asNodeId('a'), position: { x: 0, y: 80 } }] },
    ]);
    expect(keepEdgeIdentity(previous, edgesOf(moved))).toBe(previous);
  });

  it('replaces an edge whose condition changed and keeps the other', () => {
    const previous = edgesOf(definition);
    const changed: WorkflowDefinition = {
      ...definition,
      workflow: {
        ...definition.workflow,
        edges: [
          { from: 'a', to: 'b' },
          { from: 'b', to: 'c', condition: 'input > 2' },
        ],
      },
    };
    const kept = keepEdgeIdentity(previous, edgesOf(changed));
    expect(kept[0]).toBe(previous[0]);
    expect(kept[1]).not.toBe(previous[1]);
    expect(kept[1]?.label).toBe('input > 2');
  });
});
