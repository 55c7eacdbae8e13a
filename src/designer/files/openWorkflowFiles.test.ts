import { describe, expect, it } from 'vitest';
import { LINEAR_TEXT, testStore } from '../../store/test/support.ts';
import { openWorkflowFiles } from './openWorkflowFiles.ts';

const BROKEN = `workflow:
  name: broken
  start: a
  executors:
    - id: a
      type: function
      input: string
      output: string
      code: return input
  edges:
    - from: a
      to: ghost
    - from: a
      to: nowhere
`;

function fileOf(name: string, content: string): File {
  return new File([content], name);
}

describe('openWorkflowFiles', () => {
  it('opens a workflow file as a new document titled by the file name', async () => {
    const { store } = testStore();
    const before = store.getState().documentId;
    const notice = await openWorkflowFiles([fileOf('linear-text.workflow.yaml', LINEAR_TEXT)], store);
    expect(notice).toEqual({ kind: 'success', message: 'Opened linear-text.workflow.yaml' });
    const state = store.getState();
    expect(state.documentId).not.toBe(before);
    expect(state).toMatchObject({ title: 'linear-text', yamlText: LINEAR_TEXT, yamlParsed: true, canUndo: false });
  });

  it('opens a file with problems anyway, and counts them', async () => {
    const { store } = testStore();
    const notice = await openWorkflowFiles([fileOf('broken.yaml', BROKEN)], store);
    expect(notice).toEqual({ kind: 'warning', message: 'Opened broken.yaml with 2 problems' });
    expect(store.getState()).toMatchObject({ yamlText: BROKEN, title: 'broken' });
  });

  it('opens text that does not parse, kept as it is', async () => {
    const { store } = testStore();
    const text = 'workflow:\n  name: [unclosed\n';
    const notice = await openWorkflowFiles([fileOf('bad.yml', text)], store);
    expect(notice?.kind).toBe('warning');
    expect(notice?.message).toMatch(/^Opened bad\.yml with \d+ problems?$/);
    expect(store.getState()).toMatchObject({ yamlText: text, yamlParsed: false });
  });

  it('opens the first workflow file of several and says so', async () => {
    const { store } = testStore();
    const files = [fileOf('notes.txt', 'hello'), fileOf('one.yaml', LINEAR_TEXT), fileOf('two.yaml', BROKEN)];
    expect(await openWorkflowFiles(files, store)).toEqual({
      kind: 'warning',
      message: 'Opened one.yaml; 2 other files were not opened (one file at a time)',
    });
    expect(store.getState().title).toBe('one');
  });

  it('refuses other file types and changes nothing', async () => {
    const { store } = testStore();
    const before = store.getState();
    expect(await openWorkflowFiles([fileOf('photo.png', 'x')], store)).toEqual({
      kind: 'error',
      message: 'photo.png is not a workflow file: open a .workflow.yaml, .yaml or .yml file',
    });
    expect(await openWorkflowFiles([fileOf('a.json', '{}'), fileOf('b.txt', '')], store)).toEqual({
      kind: 'error',
      message: 'None of the 2 files is a workflow file: open a .workflow.yaml, .yaml or .yml file',
    });
    expect(store.getState().documentId).toBe(before.documentId);
    expect(store.getState().yamlText).toBe(before.yamlText);
  });

  it('refuses an unreadable file with its reason, and does nothing without files', async () => {
    const { store } = testStore();
    const latin1 = new File([new Uint8Array([0x61, 0x3a, 0x20, 0xe9])], 'latin.yaml');
    expect(await openWorkflowFiles([latin1], store)).toEqual({
      kind: 'error',
      message: 'latin.yaml is not UTF-8 text: save it as UTF-8 and open it again',
    });
    expect(await openWorkflowFiles([], store)).toBeUndefined();
  });
});
