import { describe, expect, it } from 'vitest';
import { asNodeId, edgesOf, findExecutor, positionOf } from '../model/index.ts';
import { linearStore, LINEAR_TEXT } from './test/support.ts';

const upper = asNodeId('upper');
const exclaim = asNodeId('exclaim');

describe('copy, paste and duplicate', () => {
  it('copies the selection as workflow YAML', () => {
    const { store } = linearStore();
    expect(store.getState().copySelection()).toBeUndefined();
    store.getState().select({ nodes: [upper, exclaim] });
    const text = store.getState().copySelection() ?? '';
    expect(text).toContain('id: upper');
    expect(text).toContain('id: exclaim');
    expect(text).not.toContain('id: reverse');
  });

  it('pastes as one undo step, renames taken ids and selects the pasted nodes', () => {
    const { store } = linearStore();
    store.getState().select({ nodes: [upper, exclaim] });
    const text = store.getState().copySelection() ?? '';
    expect(store.getState().paste(text)).toEqual({ ok: true });
    const state = store.getState();
    expect(state.selectedNodeIds).toEqual(['upper_2', 'exclaim_2']);
    expect(positionOf(state.definition, 'upper_2')).toEqual({ x: 40, y: 40 });
    expect(edgesOf(state.definition).some((edge) => edge.source === 'upper_2' && edge.target === 'exclaim_2')).toBe(true);
    expect(state.history.past).toHaveLength(1);
    state.undo();
    expect(store.getState().yamlText).toBe(LINEAR_TEXT);
    expect(store.getState().selectedNodeIds).toEqual([]);
  });

  it('duplicates the selection in place', () => {
    const { store } = linearStore();
    expect(store.getState().duplicateSelection()).toMatchObject({ ok: false, reason: 'nothing_to_do' });
    store.getState().select({ nodes: [exclaim] });
    expect(store.getState().duplicateSelection()).toEqual({ ok: true });
    expect(store.getState().selectedNodeIds).toEqual(['exclaim_2']);
    expect(findExecutor(store.getState().definition, 'exclaim_2')).toMatchObject({ type: 'function' });
    expect(positionOf(store.getState().definition, 'exclaim_2')).toEqual({ x: 300, y: 40 });
  });

  it('refuses text that is no workflow and changes nothing', () => {
    const { store } = linearStore();
    const before = store.getState();
    expect(store.getState().paste('hello: [')).toMatchObject({ ok: false, reason: 'nothing_to_do' });
    expect(store.getState()).toBe(before);
  });
});
