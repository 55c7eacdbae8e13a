import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { IndexedDbDocumentStorage } from './indexedDbDocumentStorage.ts';
import { LINEAR_TEXT, testStore } from './test/support.ts';

let opened: IndexedDbDocumentStorage[] = [];
let counter = 0;

/** A storage on a fresh database (the same name again with `dbName` simulates a reload). */
function storageFor(dbName = `test-${String(++counter)}`): IndexedDbDocumentStorage {
  const storage = new IndexedDbDocumentStorage({ dbName });
  opened.push(storage);
  return storage;
}

afterEach(async () => {
  await Promise.all(opened.map((storage) => storage.close()));
  opened = [];
});

describe('IndexedDbDocumentStorage', () => {
  it('saves, loads, lists, renames and deletes documents', async () => {
    const storage = storageFor();
    await storage.save({ id: 'a', title: 'A', yamlText: 'not: [yaml', updatedAt: 1 });
    await storage.save({ id: 'b', title: 'B', yamlText: LINEAR_TEXT, updatedAt: 2 });
    expect(await storage.load('a')).toEqual({ id: 'a', title: 'A', yamlText: 'not: [yaml', updatedAt: 1 });
    expect(await storage.load('zzz')).toBeUndefined();
    expect(await storage.list()).toEqual([
      { id: 'b', title: 'B', updatedAt: 2 },
      { id: 'a', title: 'A', updatedAt: 1 },
    ]);
    await storage.rename('a', 'Renamed');
    await storage.rename('zzz', 'Nothing');
    expect((await storage.load('a'))?.title).toBe('Renamed');
    await storage.delete('b');
    expect((await storage.list()).map((document) => document.id)).toEqual(['a']);
  });

  it('remembers the last opened id in its meta store', async () => {
    const storage = storageFor();
    expect(await storage.getLastOpenedId()).toBeUndefined();
    await storage.setLastOpenedId('a');
    await storage.setLastOpenedId('b');
    expect(await storage.getLastOpenedId()).toBe('b');
  });

  it('stores only plain fields', async () => {
    const storage = storageFor();
    const extra = { id: 'x', title: 'X', yamlText: 't', updatedAt: 3, secret: () => 1 };
    await storage.save(extra);
    expect(await storage.load('x')).toEqual({ id: 'x', title: 'X', yamlText: 't', updatedAt: 3 });
  });

  it('brings a document back after a reload of the designer, byte for byte', async () => {
    const first = testStore({ storage: storageFor('reload') });
    await first.store.getState().restore();
    first.store.getState().loadDocument({ yamlText: LINEAR_TEXT, title: 'Linear' });
    first.store.getState().editYaml(`${LINEAR_TEXT}# typed just before the tab closed\n`);
    await first.store.getState().flush();
    await opened[0]?.close();

    const second = testStore({ storage: storageFor('reload') });
    await second.store.getState().restore();
    expect(second.store.getState()).toMatchObject({
      documentId: first.store.getState().documentId,
      title: 'Linear',
      yamlText: `${LINEAR_TEXT}# typed just before the tab closed\n`,
      yamlParsed: true,
    });
  });
});
