// InMemoryCheckpointStorage and FileCheckpointStorage: the shared contract, plus what files add
// (layout on disk, atomic writes, unsafe ids, damaged files left alone), and validateCheckpoint.
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CheckpointNotFoundError, InMemoryCheckpointStorage, WorkflowCheckpointError, validateCheckpoint } from '../src/index.js';
import { FileCheckpointStorage } from '../src/node.js';
import { makeCheckpoint, storageContract } from './checkpoint-storage-contract.js';

const tempDirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-checkpoints-'));
  tempDirs.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(tempDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

storageContract('InMemoryCheckpointStorage', () => Promise.resolve(new InMemoryCheckpointStorage()), /in the in-memory storage/);
storageContract('FileCheckpointStorage', async () => new FileCheckpointStorage(join(await tempDir(), 'cp')), /in the folder .*cp/);

describe('InMemoryCheckpointStorage', () => {
  it('breaks full ties in list and latest by insertion order', async () => {
    const storage = new InMemoryCheckpointStorage();
    for (const id of ['z', 'a', 'm']) await storage.save(makeCheckpoint({ checkpointId: id }));
    expect((await storage.list()).map((c) => c.checkpointId)).toEqual(['z', 'a', 'm']);
    expect((await storage.latest({ seriesId: 'series-a' }))?.checkpointId).toBe('m');
    await storage.save(makeCheckpoint({ checkpointId: 'z' })); // saved again: now the most recent
    expect((await storage.list()).map((c) => c.checkpointId)).toEqual(['a', 'm', 'z']);
    expect((await storage.latest({ seriesId: 'series-a' }))?.checkpointId).toBe('z');
  });
});

describe('FileCheckpointStorage on disk', () => {
  it('writes one pretty JSON file per checkpoint, creating the folder, and leaves no temp files', async () => {
    const dir = join(await tempDir(), 'deep', 'er');
    const storage = new FileCheckpointStorage(dir);
    await storage.save(makeCheckpoint());
    await Promise.all(['x1', 'x2', 'x3'].map((id) => storage.save(makeCheckpoint({ checkpointId: id }))));
    expect((await readdir(dir)).sort()).toEqual(['cp-1.json', 'x1.json', 'x2.json', 'x3.json']);
    expect(await readFile(join(dir, 'cp-1.json'), 'utf8')).toBe(`${JSON.stringify(makeCheckpoint(), null, 2)}\n`);
  });

  it('replaces a file by renaming a new one over it, never by rewriting it in place', async () => {
    const dir = await tempDir();
    const storage = new FileCheckpointStorage(dir);
    await storage.save(makeCheckpoint({ superstep: 1 }));
    const before = await stat(join(dir, 'cp-1.json'));
    await Promise.all([2, 3, 4, 5].map((superstep) => storage.save(makeCheckpoint({ superstep }))));
    const after = await stat(join(dir, 'cp-1.json'));
    expect(after.ino).not.toBe(before.ino);
    expect([2, 3, 4, 5]).toContain((await storage.load('cp-1')).superstep); // one whole write won, none got mixed
    expect(await readdir(dir)).toEqual(['cp-1.json']);
  });

  it('reports a failed write with the file and removes its temp file', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'cp-1.json')); // a folder where the file should go: the rename fails
    const error: unknown = await new FileCheckpointStorage(dir).save(makeCheckpoint()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowCheckpointError);
    expect((error as Error).message).toContain(`Could not write checkpoint 'cp-1' to ${join(dir, 'cp-1.json')}`);
    expect(await readdir(dir)).toEqual(['cp-1.json']);
  });

  it.each(['../x', '..', 'a/b', 'a\\b', '.hidden', '', 'a..b', '-x', 'x y', 'a'.repeat(201)])('rejects the unsafe id %j', async (id) => {
    const parent = await tempDir();
    const storage = new FileCheckpointStorage(join(parent, 'cp'));
    for (const attempt of [() => storage.save(makeCheckpoint({ checkpointId: id })), () => storage.load(id), () => storage.delete(id)]) {
      const error: unknown = await attempt().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WorkflowCheckpointError);
      expect((error as Error).message).toContain(`Invalid checkpoint id ${JSON.stringify(id)}`);
    }
    expect(await readdir(parent)).toEqual([]); // nothing written, not even the folder
  });

  it('accepts ids up to 200 characters of letters, digits, dots, dashes and underscores', async () => {
    const storage = new FileCheckpointStorage(await tempDir());
    for (const id of ['a'.repeat(200), '0b1.c-d_e', 'F']) {
      await storage.save(makeCheckpoint({ checkpointId: id }));
      expect((await storage.load(id)).checkpointId).toBe(id);
    }
  });

  it('names a truncated file and its JSON problem, leaves it untouched, and skips it in list', async () => {
    const dir = await tempDir();
    const storage = new FileCheckpointStorage(dir);
    await storage.save(makeCheckpoint({ checkpointId: 'good' }));
    await storage.save(makeCheckpoint({ checkpointId: 'cut' }));
    const file = join(dir, 'cut.json');
    const truncated = (await readFile(file, 'utf8')).slice(0, 120);
    await writeFile(file, truncated);

    const error: unknown = await storage.load('cut').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowCheckpointError);
    expect(error).not.toBeInstanceOf(CheckpointNotFoundError);
    expect((error as Error).message).toContain(`checkpoint 'cut' (${file}): the file is not valid JSON (`);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);

    expect((await storage.list()).map((c) => c.checkpointId)).toEqual(['good']);
    expect((await storage.latest({ seriesId: 'series-a' }))?.checkpointId).toBe('good');
    const problems = await storage.problems();
    expect(problems).toEqual([{ file, message: expect.stringContaining('not valid JSON') as unknown }]);
    expect(await readFile(file, 'utf8')).toBe(truncated);
  });

  it('validates a structurally wrong file, naming the id, the file and the field', async () => {
    const dir = await tempDir();
    const file = join(dir, 'x.json');
    await writeFile(file, JSON.stringify({ ...makeCheckpoint({ checkpointId: 'x' }), superstep: '3' }));
    const storage = new FileCheckpointStorage(dir);
    await expect(storage.load('x')).rejects.toThrow(`checkpoint 'x' (${file}): field 'superstep' must be a non-negative integer, got "3"`);
    await writeFile(join(dir, 'y.json'), JSON.stringify(makeCheckpoint({ checkpointId: 'not-y' })));
    await expect(storage.load('y')).rejects.toThrow("the file holds checkpoint 'not-y'");
    expect((await storage.problems()).map((p) => p.file)).toEqual([file, join(dir, 'y.json')]);
  });

  it('lists only *.json files, ignoring temp files and reporting misnamed ones', async () => {
    const dir = await tempDir();
    const storage = new FileCheckpointStorage(dir);
    await storage.save(makeCheckpoint());
    await writeFile(join(dir, '.cp-2.0a1b2c.tmp'), '{"half":');
    await writeFile(join(dir, 'notes.txt'), 'hello');
    await writeFile(join(dir, 'my notes.json'), JSON.stringify(makeCheckpoint({ checkpointId: 'my notes' })));
    expect((await storage.list()).map((c) => c.checkpointId)).toEqual(['cp-1']);
    const problems = await storage.problems();
    expect(problems).toHaveLength(1);
    expect(problems[0]?.file).toBe(join(dir, 'my notes.json'));
    expect(problems[0]?.message).toContain('Invalid checkpoint id "my notes"');
  });

  it('treats a folder that does not exist yet as empty', async () => {
    const dir = join(await tempDir(), 'never-created');
    const storage = new FileCheckpointStorage(dir);
    expect(await storage.list()).toEqual([]);
    expect(await storage.latest({ seriesId: 'series-a' })).toBeUndefined();
    expect(await storage.problems()).toEqual([]);
    await expect(storage.load('cp-1')).rejects.toThrow(`No checkpoint 'cp-1' in the folder ${dir}`);
  });
});

describe('validateCheckpoint', () => {
  it('returns a valid checkpoint as it is', () => {
    const checkpoint = makeCheckpoint();
    expect(validateCheckpoint(checkpoint, 'test')).toBe(checkpoint);
  });

  it.each<[string, unknown, string]>([
    ['version', 2, "field 'version' must be 1, got 2"],
    ['checkpointId', '', 'field \'checkpointId\' must be a non-empty string, got ""'],
    ['seriesId', undefined, "field 'seriesId' must be a non-empty string, got nothing (the field is missing)"],
    ['parentId', 7, "field 'parentId' must be a non-empty string or null, got 7"],
    ['sequence', 1.5, "field 'sequence' must be a non-negative integer, got 1.5"],
    ['workflowName', null, "field 'workflowName' must be a string, got null"],
    ['timestamp', 'yesterday', 'field \'timestamp\' must be an ISO-8601 date string, got "yesterday"'],
    ['messages', {}, "field 'messages' must be an array, got an object"],
    ['messages', [{ sourceId: 's', data: Number.NaN }], "field 'messages[0].data' must be JSON (encode non-finite numbers"],
    ['messages', [{ sourceId: 's', data: 1, response: { requestId: 3 } }], "field 'messages[0].response.requestId' must be a string"],
    ['state', [], "field 'state' must be an object, got an array"],
    [
      'state',
      { 'a b': [1, new Map()] },
      'field \'state["a b"][1]\' must be JSON (encode other values with encodeCheckpointValue), got an instance of Map',
    ],
    ['pendingRequests', [{ requestId: 'r', executorId: 'e', data: 1 }], "field 'pendingRequests[0].responseType' must be JSON"],
    ['metadata', null, "field 'metadata' must be an object, got null"],
  ])('names the bad field %s', (field, value, message) => {
    const broken = { ...makeCheckpoint({ checkpointId: 'x' }), [field]: value };
    const subject = field === 'checkpointId' ? 'checkpoint (./cp/x.json)' : "checkpoint 'x' (./cp/x.json)";
    expect(() => validateCheckpoint(broken, './cp/x.json')).toThrow(`${subject}: ${message}`);
  });

  it('names the source when the value is not even an object', () => {
    expect(() => validateCheckpoint([1], 'db')).toThrow('checkpoint (db): must be a JSON object, got an array');
    expect(() => validateCheckpoint({ ...makeCheckpoint(), checkpointId: 5 }, 'db')).toThrow(WorkflowCheckpointError);
  });
});
