import { describe, expect, it } from 'vitest';
import { asNodeId } from '../model/index.ts';
import { MemoryDocumentStorage } from './documentStorage.ts';
import { linearStore, LINEAR_TEXT, settle, testStore } from './test/support.ts';

const moveUpper = { type: 'moveNodes', moves: [{ id: asNodeId('upper'), position: { x: 9, y: 9 } }] } as const;

describe('autosave', () => {
  it('writes once, after the debounce, for a burst of changes', async () => {
    const { store, storage, timer } = linearStore();
    const id = store.getState().documentId;
    for (let x = 0; x < 5; x++) {
      store.getState().applyChanges([{ ...moveUpper, moves: [{ id: asNodeId('upper'), position: { x, y: 0 } }] }], { history: 'record' });
    }
    expect(timer.pending()).toBe(1);
    await settle();
    expect(await storage.load(id)).toBeUndefined();
    timer.fire();
    await settle();
    expect(await storage.load(id)).toMatchObject({ id, title: 'Linear', yamlText: store.getState().yamlText });
    expect(store.getState()).toMatchObject({ dirty: false, lastSavedAt: 1_000, saveError: undefined });
    expect(store.getState().documents).toEqual([{ id, title: 'Linear', updatedAt: 1_000 }]);
  });

  it('writes at once on flush, and cancels the pending save', async () => {
    const { store, storage, timer } = linearStore();
    store.getState().applyChanges([moveUpper], { history: 'record' });
    await store.getState().flush();
    expect(timer.pending()).toBe(0);
    expect((await storage.load(store.getState().documentId))?.yamlText).toContain('upper: { x: 9, y: 9 }');
    expect(store.getState().dirty).toBe(false);
  });

  it('does not save selection changes', async () => {
    const { store, timer } = linearStore();
    await store.getState().flush();
    store.getState().selectAll();
    expect(timer.pending()).toBe(0);
    expect(store.getState().dirty).toBe(false);
  });

  it('saves the document switched away from, as it was left', async () => {
    const { store, storage } = linearStore();
    const first = store.getState().documentId;
    store.getState().editYaml(`${LINEAR_TEXT}# unsaved note\n`);
    store.getState().newDocument();
    await settle();
    expect((await storage.load(first))?.yamlText).toBe(`${LINEAR_TEXT}# unsaved note\n`);
  });
});

describe('reload', () => {
  it('reopens the last document with its exact text, even text that does not parse', async () => {
    const storage = new MemoryDocumentStorage();
    const first = testStore({ storage });
    await first.store.getState().restore();
    first.store.getState().loadDocument({ yamlText: LINEAR_TEXT, title: 'Linear' });
    const broken = `${LINEAR_TEXT}  - oops: [\n`;
    first.store.getState().editYaml(broken);
    await first.store.getState().flush();

    const second = testStore({ storage });
    expect(second.store.getState().ready).toBe(false);
    await second.store.getState().restore();
    const state = second.store.getState();
    expect(state).toMatchObject({
      ready: true,
      documentId: first.store.getState().documentId,
      title: 'Linear',
      yamlText: broken,
      dirty: false,
    });
    expect(state.yamlParsed).toBe(false);
    expect(state.yamlProblems.length).toBeGreaterThan(0);
    expect(state.definition.workflow.executors).toEqual([]);
  });

  it('reopens a valid document on its canvas, comments and all', async () => {
    const storage = new MemoryDocumentStorage();
    const first = linearStore({ storage });
    first.store.getState().applyChanges([moveUpper], { history: 'record' });
    await first.store.getState().flush();
    const second = testStore({ storage });
    await second.store.getState().restore();
    expect(second.store.getState().yamlText).toBe(first.store.getState().yamlText);
    expect(second.store.getState().definition).toEqual(first.store.getState().definition);
    expect(second.store.getState().canUndo).toBe(false);
  });

  it('starts (and saves) a new document when nothing is stored', async () => {
    const { store, storage, timer } = testStore();
    await store.getState().restore();
    expect(store.getState()).toMatchObject({ ready: true, title: 'Untitled workflow', dirty: true });
    timer.fire();
    await settle();
    expect(await storage.list()).toHaveLength(1);
  });

  it('opens the first document it is given on a first visit, and only then', async () => {
    const first = testStore();
    let asked = 0;
    const firstDocument = () => {
      asked++;
      return Promise.resolve({ yamlText: LINEAR_TEXT, title: 'Linear example' });
    };
    await first.store.getState().restore({ firstDocument });
    expect(first.store.getState()).toMatchObject({ ready: true, title: 'Linear example', yamlText: LINEAR_TEXT, yamlParsed: true });
    await first.store.getState().flush();

    const again = testStore({ storage: first.storage });
    await again.store.getState().restore({ firstDocument });
    expect(asked).toBe(1); // something is stored: it reopens that
    expect(again.store.getState().title).toBe('Linear example');
  });

  it('starts a new document when the first document cannot be had', async () => {
    const { store } = testStore();
    await store.getState().restore({ firstDocument: () => Promise.reject(new Error('offline')) });
    expect(store.getState()).toMatchObject({ ready: true, title: 'Untitled workflow' });
  });
});

describe('several workflows', () => {
  async function threeDocuments() {
    const made = testStore();
    const { store, clock } = made;
    await store.getState().restore();
    const ids: string[] = [];
    for (const title of ['One', 'Two', 'Three']) {
      clock.now += 1_000;
      store.getState().loadDocument({ yamlText: LINEAR_TEXT, title });
      ids.push(store.getState().documentId);
      await store.getState().flush();
    }
    return { ...made, ids };
  }

  it('lists them most recent first', async () => {
    const { store } = await threeDocuments();
    const list = await store.getState().listDocuments();
    expect(list.map((document) => document.title)).toEqual(['Three', 'Two', 'One', 'Untitled workflow']);
    expect(store.getState().documents).toEqual(list);
  });

  it('opens, renames and deletes them', async () => {
    const { store, storage, ids } = await threeDocuments();
    const [one = '', two = '', three = ''] = ids;
    expect(await store.getState().openDocument(one)).toBe(true);
    expect(store.getState()).toMatchObject({ documentId: one, title: 'One', yamlText: LINEAR_TEXT, canUndo: false });
    expect(await store.getState().openDocument('nope')).toBe(false);

    await store.getState().renameDocument(two, 'Second');
    await store.getState().renameDocument(one, 'First');
    expect(store.getState().title).toBe('First');
    expect((await storage.load(two))?.title).toBe('Second');
    expect((await storage.load(one))?.title).toBe('First');

    await store.getState().deleteDocument(three);
    expect(await storage.load(three)).toBeUndefined();
    expect(store.getState().documents.map((document) => document.id)).not.toContain(three);

    await store.getState().deleteDocument(one);
    expect(await storage.load(one)).toBeUndefined();
    expect(store.getState().documentId).not.toBe(one);
    await settle();
    expect(await storage.load(one)).toBeUndefined();
  });

  it('starts a new document when the last one is deleted', async () => {
    const { store } = testStore();
    await store.getState().restore();
    await store.getState().flush();
    const only = store.getState().documentId;
    await store.getState().deleteDocument(only);
    expect(store.getState().documentId).not.toBe(only);
    expect(store.getState().title).toBe('Untitled workflow');
  });

  it('remembers the last opened document across a reload', async () => {
    const { store, storage, ids } = await threeDocuments();
    await store.getState().openDocument(ids[0] ?? '');
    await settle();
    const reloaded = testStore({ storage });
    await reloaded.store.getState().restore();
    expect(reloaded.store.getState().title).toBe('One');
  });
});
