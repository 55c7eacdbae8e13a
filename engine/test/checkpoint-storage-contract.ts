// The behaviour every CheckpointStorage shares (memory, files, IndexedDB), run against each of them
// by its own test file, plus a factory for valid checkpoints.
import { describe, expect, it } from 'vitest';
import {
  CheckpointNotFoundError,
  WorkflowCheckpointError,
  encodeCheckpointValue,
  type CheckpointStorage,
  type WorkflowCheckpoint,
} from '../src/index.js';

/** A valid checkpoint; `overrides` replace fields. */
export function makeCheckpoint(overrides: Partial<WorkflowCheckpoint> = {}): WorkflowCheckpoint {
  return {
    version: 1,
    checkpointId: 'cp-1',
    seriesId: 'series-a',
    parentId: null,
    sequence: 0,
    workflowName: 'orders',
    graphHash: 'f00d',
    superstep: 0,
    timestamp: '2024-05-01T10:00:00.000Z',
    messages: [{ sourceId: 'start', targetId: 'ship', data: encodeCheckpointValue({ due: new Date('2024-06-01T00:00:00.000Z') }) }],
    state: { count: 1, seen: encodeCheckpointValue(new Set(['a'])), _executor_state: { ship: { tries: 2 } } },
    pendingRequests: [{ requestId: 'r1', executorId: 'approve', data: 'ok?', responseType: 'boolean' }],
    metadata: { kind: 'test' },
    ...overrides,
  };
}

/** Checkpoints saved in this order: ids name their position in the expected oldest-first order. */
const ORDERING_FIXTURE: WorkflowCheckpoint[] = [
  makeCheckpoint({ checkpointId: 'c3', sequence: 2, timestamp: '2024-05-01T10:00:02.000Z' }),
  makeCheckpoint({ checkpointId: 'c1', sequence: 0, timestamp: '2024-05-01T10:00:00.000Z' }),
  // Same timestamp as c3, lower sequence: sequence breaks the tie.
  makeCheckpoint({ checkpointId: 'c2', sequence: 1, timestamp: '2024-05-01T10:00:02.000Z' }),
  // An offset form of 10:00:01Z: compared as an instant, it sorts before c2 and c3.
  makeCheckpoint({ checkpointId: 'b1', seriesId: 'series-b', workflowName: 'billing', timestamp: '2024-05-01T12:00:01.000+02:00' }),
];

/** Registers the shared tests; `create` gives an empty storage, `where` matches its not-found message. */
export function storageContract(name: string, create: () => Promise<CheckpointStorage>, where: RegExp): void {
  describe(`${name}: CheckpointStorage contract`, () => {
    it('saves and loads a checkpoint as an equal copy, not the same object', async () => {
      const storage = await create();
      const checkpoint = makeCheckpoint();
      expect(await storage.save(checkpoint)).toBe('cp-1');
      checkpoint.state['count'] = 99; // changing the caller's object afterwards must not reach the store
      const loaded = await storage.load('cp-1');
      expect(loaded).toStrictEqual(makeCheckpoint());
      loaded.metadata['kind'] = 'changed';
      expect((await storage.load('cp-1')).metadata).toStrictEqual({ kind: 'test' });
    });

    it('rejects a missing id with CheckpointNotFoundError naming it and the storage', async () => {
      const storage = await create();
      const error: unknown = await storage.load('nope').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CheckpointNotFoundError);
      expect((error as CheckpointNotFoundError).checkpointId).toBe('nope');
      expect((error as Error).message).toContain("'nope'");
      expect((error as Error).message).toMatch(where);
    });

    it('replaces a checkpoint saved again under the same id', async () => {
      const storage = await create();
      await storage.save(makeCheckpoint({ superstep: 1 }));
      await storage.save(makeCheckpoint({ superstep: 2 }));
      expect((await storage.load('cp-1')).superstep).toBe(2);
      expect(await storage.list()).toHaveLength(1);
    });

    it('lists oldest first by timestamp, then sequence, and filters by series and workflow', async () => {
      const storage = await create();
      for (const checkpoint of ORDERING_FIXTURE) await storage.save(checkpoint);
      const ids = (list: WorkflowCheckpoint[]) => list.map((c) => c.checkpointId);
      expect(ids(await storage.list())).toEqual(['c1', 'b1', 'c2', 'c3']);
      expect(ids(await storage.list({ seriesId: 'series-a' }))).toEqual(['c1', 'c2', 'c3']);
      expect(ids(await storage.list({ workflowName: 'billing' }))).toEqual(['b1']);
      expect(ids(await storage.list({ workflowName: 'orders', seriesId: 'series-b' }))).toEqual([]);
      expect(ids(await storage.list({ seriesId: 'unknown' }))).toEqual([]);
    });

    it('finds the latest of a series by sequence, then timestamp', async () => {
      const storage = await create();
      await storage.save(makeCheckpoint({ checkpointId: 'high', sequence: 5, timestamp: '2024-05-01T09:00:00.000Z' }));
      await storage.save(makeCheckpoint({ checkpointId: 'newer-but-lower', sequence: 4, timestamp: '2024-05-02T09:00:00.000Z' }));
      await storage.save(makeCheckpoint({ checkpointId: 'other', seriesId: 'series-b', sequence: 9 }));
      expect((await storage.latest({ seriesId: 'series-a' }))?.checkpointId).toBe('high');
      await storage.save(makeCheckpoint({ checkpointId: 'high-later', sequence: 5, timestamp: '2024-05-01T09:30:00.000Z' }));
      expect((await storage.latest({ seriesId: 'series-a' }))?.checkpointId).toBe('high-later');
      expect(await storage.latest({ seriesId: 'none' })).toBeUndefined();
    });

    it('deletes: true when it existed, false after', async () => {
      const storage = await create();
      await storage.save(makeCheckpoint());
      expect(await storage.delete('cp-1')).toBe(true);
      expect(await storage.delete('cp-1')).toBe(false);
      await expect(storage.load('cp-1')).rejects.toBeInstanceOf(CheckpointNotFoundError);
      expect(await storage.list()).toEqual([]);
    });

    it('refuses to save a checkpoint that is malformed or holds non-JSON values, storing nothing', async () => {
      const storage = await create();
      const withDate = makeCheckpoint({ state: { when: new Date(0) as never } });
      await expect(storage.save(withDate)).rejects.toThrow(/field 'state\.when' must be JSON .*got an instance of Date/);
      await expect(storage.save(makeCheckpoint({ sequence: -1 }))).rejects.toBeInstanceOf(WorkflowCheckpointError);
      expect(await storage.list()).toEqual([]);
    });
  });
}
