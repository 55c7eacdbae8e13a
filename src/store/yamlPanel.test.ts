import { describe, expect, it } from 'vitest';
import { asNodeId, findExecutor, positionOf } from '../model/index.ts';
import { linearStore, LINEAR_TEXT } from './test/support.ts';

const exclaim = "code: return input + '!!!'";
const question = "code: return input + '???'";

describe('editing the YAML panel', () => {
  it('updates the canvas from valid YAML, and a later canvas move keeps the comments and the typing', () => {
    const { store } = linearStore();
    const typed = `${LINEAR_TEXT.replace(exclaim, question)}# a trailing note\n`;
    store.getState().editYaml(typed);
    const state = store.getState();
    expect(state.yamlText).toBe(typed);
    expect(state.yamlParsed).toBe(true);
    expect(findExecutor(state.definition, 'exclaim')).toMatchObject({ code: "return input + '???'" });

    state.applyChanges([{ type: 'moveNodes', moves: [{ id: asNodeId('result'), position: { x: 1, y: 2 } }] }], { history: 'record' });
    const after = store.getState().yamlText;
    expect(after).toBe(typed.replace('result: { x: 780, y: 0 }', 'result: { x: 1, y: 2 }'));
    expect(after.startsWith("# The seed's linear workflow")).toBe(true);
  });

  it('merges a burst of YAML typing into one undo step that gives the text back', () => {
    const { store, clock } = linearStore();
    for (const suffix of ['?', '??', '???']) {
      clock.now += 50;
      store.getState().editYaml(LINEAR_TEXT.replace(exclaim, `code: return input + '${suffix}'`));
    }
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().yamlText).toBe(LINEAR_TEXT);
    expect(findExecutor(store.getState().definition, 'exclaim')).toMatchObject({ code: "return input + '!!!'" });
  });

  it('records no step for an edit that means the same document', () => {
    const { store } = linearStore();
    const before = store.getState().definition;
    store.getState().editYaml(`# hello\n${LINEAR_TEXT}`);
    expect(store.getState()).toMatchObject({ definition: before, canUndo: false, yamlText: `# hello\n${LINEAR_TEXT}`, dirty: true });
  });

  it('keeps YAML that does not parse verbatim, marks its lines, and keeps the last good graph', () => {
    const { store } = linearStore();
    const good = store.getState().definition;
    const broken = LINEAR_TEXT.replace('  edges:\n', '  edges: [\n');
    store.getState().editYaml(broken);
    const state = store.getState();
    expect(state.yamlText).toBe(broken);
    expect(state.yamlParsed).toBe(false);
    expect(state.definition).toBe(good);
    expect(state.yamlProblems.length).toBeGreaterThan(0);
    expect(state.yamlProblems.every((problem) => problem.line >= 1)).toBe(true);
    expect(state.yamlProblems.some((problem) => problem.line > 30)).toBe(true);
    expect(state.dirty).toBe(true);

    // the canvas is read-only until the text parses again: nothing typed is overwritten
    expect(
      state.applyChanges([{ type: 'moveNodes', moves: [{ id: asNodeId('upper'), position: null }] }], { history: 'record' }),
    ).toMatchObject({
      ok: false,
      reason: 'yaml_invalid',
    });
    expect(store.getState().yamlText).toBe(broken);

    store.getState().editYaml(LINEAR_TEXT.replace(exclaim, question));
    expect(store.getState()).toMatchObject({ yamlParsed: true, yamlProblems: [] });
    expect(findExecutor(store.getState().definition, 'exclaim')).toMatchObject({ code: "return input + '???'" });
    // undo goes back to the last good text, not to the broken draft in between
    expect(store.getState().undo()).toBe(true);
    expect(store.getState().yamlText).toBe(LINEAR_TEXT);
  });

  it('keeps a text that is YAML but not a canvas document (unknown node type) as typed', () => {
    const { store } = linearStore();
    const good = store.getState().definition;
    const odd = LINEAR_TEXT.replace('      type: output', '      type: teleport');
    store.getState().editYaml(odd);
    expect(store.getState()).toMatchObject({ yamlText: odd, yamlParsed: false, definition: good });
    expect(positionOf(store.getState().definition, 'result')).toEqual({ x: 780, y: 0 });
  });
});
