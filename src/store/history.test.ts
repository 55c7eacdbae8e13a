import { describe, expect, it } from 'vitest';
import { asNodeId, edgeRef, positionOf, type GraphChange } from '../model/index.ts';
import { linearStore, LINEAR_TEXT } from './test/support.ts';

const upper = asNodeId('upper');
const move = (x: number, y: number): GraphChange[] => [{ type: 'moveNodes', moves: [{ id: upper, position: { x, y } }] }];

describe('applyChanges, undo and redo through the store', () => {
  it('makes a 30-tick drag one undo step and gives the exact text back', () => {
    const { store, clock } = linearStore();
    for (let tick = 1; tick <= 30; tick++) {
      clock.now += 16;
      expect(store.getState().applyChanges(move(tick, 2 * tick), { history: 'merge', mergeKey: 'drag:upper' })).toEqual({ ok: true });
    }
    const dragged = store.getState().yamlText;
    expect(store.getState().history.past).toHaveLength(1);
    expect(dragged).toContain('upper: { x: 30, y: 60 }');
    expect(store.getState().undo()).toBe(true);
    expect(positionOf(store.getState().definition, 'upper')).toEqual({ x: 0, y: 0 });
    expect(store.getState().yamlText).toBe(LINEAR_TEXT);
    expect(store.getState().canUndo).toBe(false);
    expect(store.getState().redo()).toBe(true);
    expect(store.getState().yamlText).toBe(dragged);
  });

  it('merges a burst of typing, and starts a new step after a pause', () => {
    const { store, clock } = linearStore();
    const type = (code: string): void => {
      clock.now += 100;
      store
        .getState()
        .applyChanges([{ type: 'updateNode', id: upper, patch: { code } }], { history: 'merge', mergeKey: 'type:upper:code' });
    };
    for (const code of ['r', 're', 'ret', 'retu', 'return input']) type(code);
    expect(store.getState().history.past).toHaveLength(1);
    clock.now += 5_000;
    type('return input + 1');
    expect(store.getState().history.past).toHaveLength(2);
    store.getState().undo();
    expect(store.getState().yamlText).toContain('code: return input\n');
    store.getState().undo();
    expect(store.getState().yamlText).toBe(LINEAR_TEXT);
  });

  it('gives the author bytes back after removing a node and undoing', () => {
    const { store } = linearStore();
    store.getState().applyChanges([{ type: 'removeNodes', ids: [asNodeId('exclaim')] }], { history: 'record' });
    expect(store.getState().yamlText).not.toContain('exclaim');
    store.getState().undo();
    expect(store.getState().yamlText).toBe(LINEAR_TEXT);
  });

  it('keeps a comment typed after a step when that step is undone', () => {
    const { store } = linearStore();
    store.getState().applyChanges(move(5, 5), { history: 'record' });
    const commented = `# mine\n${store.getState().yamlText}`;
    store.getState().editYaml(commented);
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().yamlText).toBe(`# mine\n${LINEAR_TEXT}`);
  });

  it('keeps the texts in step with a history at its limit', () => {
    const { store } = linearStore({ history: { limit: 2 } });
    const texts: string[] = [];
    for (let x = 1; x <= 4; x++) {
      texts.push(store.getState().yamlText);
      store.getState().applyChanges(move(x, 0), { history: 'record' });
    }
    expect(store.getState().textTrail.past.map((step) => step.before)).toEqual(texts.slice(2));
    while (store.getState().undo());
    expect(store.getState().yamlText).toBe(texts[2]);
  });

  it('refuses undo and redo while the YAML text does not parse', () => {
    const { store } = linearStore();
    store.getState().applyChanges(move(7, 7), { history: 'record' });
    store.getState().editYaml('workflow: [');
    expect(store.getState().undo()).toBe(false);
    expect(store.getState().yamlText).toBe('workflow: [');
  });

  it('refuses an impossible change and changes nothing', () => {
    const { store } = linearStore();
    const before = store.getState();
    const result = store.getState().applyChanges([{ type: 'removeNodes', ids: [asNodeId('ghost')] }], { history: 'record' });
    expect(result).toMatchObject({ ok: false, reason: 'invalid_change' });
    expect(store.getState()).toBe(before);
  });

  it('does not record ignored changes, nor clear redo with them', () => {
    const { store } = linearStore();
    store.getState().applyChanges(move(1, 1), { history: 'record' });
    store.getState().undo();
    store.getState().applyChanges([{ type: 'setWorkflowMeta', patch: { description: 'x' } }], { history: 'ignore' });
    expect(store.getState().canRedo).toBe(true);
    expect(store.getState().history.past).toHaveLength(0);
  });
});

describe('selection', () => {
  it('never touches the history, the document or autosave', () => {
    const { store } = linearStore();
    store.getState().applyChanges(move(1, 1), { history: 'record' });
    store.getState().undo();
    const { history, definition, revision } = store.getState();
    const s = store.getState();
    s.select({ nodes: [upper] });
    s.toggle({ node: asNodeId('exclaim') });
    s.toggle({ edge: edgeRef(0) });
    s.selectAll();
    expect(store.getState().selectedNodeIds).toEqual(['upper', 'exclaim', 'reverse', 'result']);
    expect(store.getState().selectedEdgeIds).toEqual(['e0', 'e1', 'e2']);
    s.clear();
    expect(store.getState()).toMatchObject({ history, definition, revision, canRedo: true, selectedNodeIds: [], selectedEdgeIds: [] });
  });

  it('drops removed nodes, and edges once the edge list changes', () => {
    const { store } = linearStore();
    store.getState().selectAll();
    store.getState().applyChanges(move(3, 3), { history: 'record' });
    expect(store.getState().selectedEdgeIds).toHaveLength(3);
    store.getState().applyChanges([{ type: 'removeNodes', ids: [upper] }], { history: 'record' });
    expect(store.getState().selectedNodeIds).toEqual(['exclaim', 'reverse', 'result']);
    expect(store.getState().selectedEdgeIds).toEqual([]);
  });
});
