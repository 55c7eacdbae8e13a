import { describe, expect, it } from 'vitest';
import { asNodeId, edgeRef, edgesOf } from '../model/index.ts';
import { selectNodeProblems } from './problemsSlice.ts';
import { linearStore } from './test/support.ts';

describe('problems', () => {
  it('badges a dangling edge after an edit introduces it, and clears it on undo', () => {
    const { store } = linearStore();
    expect(store.getState().problems.all).toEqual([]);
    store.getState().applyChanges([{ type: 'addEdge', edge: { from: 'result', to: 'ghost' } }], { history: 'record' });
    const edge = edgesOf(store.getState().definition).at(-1);
    expect(edge).toMatchObject({ id: edgeRef(3), dangling: true });
    expect(store.getState().problemsForEdge(edgeRef(3)).length).toBeGreaterThan(0);
    expect(store.getState().problemsForEdge(edgeRef(0))).toEqual([]);
    store.getState().undo();
    expect(store.getState().problemsForEdge(edgeRef(3))).toEqual([]);
  });

  it('badges a node whose required field was removed', () => {
    const { store } = linearStore();
    const upper = asNodeId('upper');
    store.getState().applyChanges([{ type: 'updateNode', id: upper, patch: { code: null } }], { history: 'record' });
    expect(store.getState().problemsForNode(upper).length).toBeGreaterThan(0);
    expect(selectNodeProblems(store.getState(), asNodeId('exclaim'))).toEqual([]);
  });

  it('does not re-validate on moves', () => {
    const { store } = linearStore();
    const before = store.getState().problems;
    store.getState().applyChanges([{ type: 'moveNodes', moves: [{ id: asNodeId('upper'), position: { x: 5, y: 5 } }] }], {
      history: 'merge',
      mergeKey: 'drag:upper',
    });
    expect(store.getState().problems).toBe(before);
  });
});
