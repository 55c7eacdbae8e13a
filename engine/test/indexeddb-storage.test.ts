// IndexedDbCheckpointStorage against fake-indexeddb: the shared contract, the database layout, and
// records that are not valid checkpoints (validated on load, skipped by list, reported, kept).
import 'fake-indexeddb/auto';
import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckpointNotFoundError, WorkflowCheckpointError } from '../src/index.js';
import { IndexedDbCheckpointStorage } from '../src/browser.js';
import { makeCheckpoint, storageContract } from './checkpoint-storage-contract.js';

const opened: IndexedDbCheckpointStorage[] = [];
let databases = 0;

/** A storage on a database of its own, closed and deleted after the test. */
function freshStorage(): IndexedDbCheckpointStorage {
  databases += 1;
  const storage = new IndexedDbCheckpointStorage({ dbName: `checkpoints-test-${databases}` });
  opened.push(storage);
  return storage;
}

afterEach(async () => {
  for (const storage of opened.splice(0)) {
    await storage.close();
    await deleteDB(storage.dbName);
  }
});

/**
 * The parts of a database handle these tests use. Typed by hand: the engine's test view has no DOM
 * lib (the core must stay host-free), so idb's handle types are incomplete there.
 */
interface RawDatabase {
  readonly version: number;
  close(): void;
  get(store: 'checkpoints', key: string): Promise<unknown>;
  put(store: 'checkpoints', value: unknown): Promise<unknown>;
  transaction(store: 'checkpoints'): {
    store: {
      keyPath: unknown;
      indexNames: Iterable<string>;
      index(name: string): { getAllKeys(key: string): Promise<unknown[]>; count(key: string): Promise<number> };
    };
  };
}

/** Opens a database directly, past the storage and its checks. */
async function openRaw(dbName: string, version?: number): Promise<RawDatabase> {
  return (await openDB(dbName, version)) as unknown as RawDatabase;
}

/** Writes a record straight into the store, bypassing the storage's checks (a devtools edit, an old app version). */
async function putRaw(dbName: string, record: Record<string, unknown>): Promise<void> {
  const db = await openRaw(dbName);
  await db.put('checkpoints', record);
  db.close();
}

storageContract('IndexedDbCheckpointStorage', () => Promise.resolve(freshStorage()), /in the IndexedDB database 'checkpoints-test-\d+'/);

describe('IndexedDbCheckpointStorage', () => {
  it("uses the default database name 'trellis-checkpoints'", () => {
    expect(new IndexedDbCheckpointStorage().dbName).toBe('trellis-checkpoints');
  });

  it('creates the checkpoints store keyed by checkpointId with seriesId and workflowName indexes', async () => {
    const storage = freshStorage();
    await storage.save(makeCheckpoint());
    await storage.close(); // the layout check below needs the database to itself
    const db = await openRaw(storage.dbName);
    const store = db.transaction('checkpoints').store;
    expect(db.version).toBe(1);
    expect(store.keyPath).toBe('checkpointId');
    expect([...store.indexNames].sort()).toEqual(['seriesId', 'workflowName']);
    expect(await store.index('seriesId').getAllKeys('series-a')).toEqual(['cp-1']);
    expect(await store.index('workflowName').count('orders')).toBe(1);
    db.close();
  });

  it('keeps checkpoints across storage instances (a page reload)', async () => {
    const first = freshStorage();
    await first.save(makeCheckpoint({ checkpointId: 'kept' }));
    await first.close();
    const second = new IndexedDbCheckpointStorage({ dbName: first.dbName });
    opened.push(second);
    expect((await second.load('kept')).state).toStrictEqual(makeCheckpoint().state);
  });

  it('validates a record on load, skips it in list and latest, reports it, and leaves it in place', async () => {
    const storage = freshStorage();
    await storage.save(makeCheckpoint({ checkpointId: 'good', sequence: 1 }));
    await storage.close();
    const bad = { ...makeCheckpoint({ checkpointId: 'bad', sequence: 7 }), superstep: '3' };
    await putRaw(storage.dbName, bad);

    const error: unknown = await storage.load('bad').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowCheckpointError);
    expect(error).not.toBeInstanceOf(CheckpointNotFoundError);
    expect((error as Error).message).toBe(
      `checkpoint 'bad' (the IndexedDB database '${storage.dbName}'): field 'superstep' must be a non-negative integer, got "3"`,
    );
    expect((await storage.list()).map((c) => c.checkpointId)).toEqual(['good']);
    expect((await storage.list({ seriesId: 'series-a' })).map((c) => c.checkpointId)).toEqual(['good']);
    expect((await storage.latest({ seriesId: 'series-a' }))?.checkpointId).toBe('good');
    expect(await storage.problems()).toEqual([{ key: 'bad', message: (error as Error).message }]);
    await storage.close();
    const db = await openRaw(storage.dbName);
    expect(await db.get('checkpoints', 'bad')).toStrictEqual(bad);
    db.close();
  });

  it('reports a database that cannot be opened as a WorkflowCheckpointError naming it', async () => {
    const storage = freshStorage();
    // A newer schema version than the storage knows: opening it at version 1 fails with VersionError.
    const db = await openRaw(storage.dbName, 5);
    db.close();
    await expect(storage.list()).rejects.toThrow(`Could not list checkpoints in the IndexedDB database '${storage.dbName}': VersionError`);
  });
});
