import { InMemoryCheckpointStorage, type CheckpointStorage } from '@trellis/engine';
import { afterEach, describe, expect, it } from 'vitest';
import { MOCK_MODEL } from '../protocol.ts';
import { WorkerEngineClient } from '../worker-engine-client.ts';
import { describeEngineClientContract } from './engine-client-contract.ts';
import { fakeWorkerFactory } from './fake-engine-worker.ts';
import { RunRecorder } from './run-recorder.ts';
import { WAITING_YAML, exampleYaml } from './test-workflows.ts';

describeEngineClientContract(
  'WorkerEngineClient',
  (createStorage) => new WorkerEngineClient({ createWorker: fakeWorkerFactory(createStorage).create }),
);

describe('WorkerEngineClient: a worker that does not answer', () => {
  const storages = new Map<string, CheckpointStorage>();
  const createStorage = (scope: string): CheckpointStorage => {
    const storage = storages.get(scope) ?? new InMemoryCheckpointStorage();
    storages.set(scope, storage);
    return storage;
  };
  let client: WorkerEngineClient | undefined;
  afterEach(() => {
    client?.dispose();
    storages.clear();
  });

  function open(): { client: WorkerEngineClient; recorder: RunRecorder; workers: ReturnType<typeof fakeWorkerFactory>['workers'] } {
    const factory = fakeWorkerFactory(createStorage);
    client = new WorkerEngineClient({ createWorker: factory.create, cancelGraceMs: 50 });
    return { client, recorder: new RunRecorder(client), workers: factory.workers };
  }

  it('terminates a worker stuck in a run that is cancelled, ends its runs, and starts a fresh worker for the next command', async () => {
    const { client, recorder, workers } = open();
    client.start({ runId: 'stuck', yamlText: WAITING_YAML, input: 'go', model: MOCK_MODEL, checkpointScope: 'doc' });
    client.start({ runId: 'bystander', yamlText: WAITING_YAML, input: 'go', model: MOCK_MODEL, checkpointScope: 'doc' });
    await recorder.sawEvent('stuck', (event) => event.type === 'executor_start');
    const [first] = workers;
    if (first === undefined) throw new Error('no worker was started');
    first.stuck = true; // from now on it handles nothing, as a thread in `while (true) {}` would
    // Settled when the worker is replaced; observed now so the rejection is never unhandled.
    const listing = client.listCheckpoints('doc').then(
      () => 'listed',
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );

    const startedAt = performance.now();
    client.cancel('stuck');
    const stuck = await recorder.ended('stuck');
    expect(performance.now() - startedAt).toBeLessThan(1000);
    expect(stuck.outcome).toMatchObject({ reason: 'cancelled', state: 'cancelled' });
    const bystander = await recorder.ended('bystander');
    expect(bystander.outcome).toMatchObject({ reason: 'host_lost', state: 'failed' });
    expect(bystander.outcome.error?.message).toContain("run 'stuck' did not stop within 50 ms");
    expect(await listing).toMatch(/^Could not list the checkpoints: the worker was stopped/);
    expect(first.terminated).toBe(true);

    client.start({ runId: 'again', yamlText: exampleYaml('linear-text'), input: 'hi', model: MOCK_MODEL, checkpointScope: 'doc' });
    const again = await recorder.ended('again');
    expect(again.outcome).toMatchObject({ reason: 'finished', state: 'idle' });
    expect(workers).toHaveLength(2);
    // The checkpoints written before the worker was replaced are still there.
    expect((await client.listCheckpoints('doc')).map((checkpoint) => checkpoint.seriesId)).toContain('stuck');
  });

  it('leaves a worker alone when the cancelled run ends in time', async () => {
    const { client, recorder, workers } = open();
    client.start({ runId: 'prompt', yamlText: WAITING_YAML, input: 'go', model: MOCK_MODEL, checkpointScope: 'doc' });
    await recorder.sawEvent('prompt', (event) => event.type === 'executor_start');
    client.cancel('prompt');
    expect((await recorder.ended('prompt')).outcome.reason).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 100)); // past the grace time
    expect(workers.map((worker) => worker.terminated)).toEqual([false]);
  });

  it('a crashing worker ends its runs host_lost and the next command gets a new worker', async () => {
    const { client, recorder, workers } = open();
    client.start({ runId: 'victim', yamlText: WAITING_YAML, input: 'go', model: MOCK_MODEL, checkpointScope: 'doc' });
    await recorder.sawEvent('victim', (event) => event.type === 'executor_start');
    workers[0]?.crash('out of memory');
    const victim = await recorder.ended('victim');
    expect(victim.outcome).toMatchObject({ reason: 'host_lost', state: 'failed' });
    expect(victim.outcome.error?.message).toBe('the engine worker crashed: out of memory');
    expect(await client.testConnection(MOCK_MODEL)).toMatchObject({ ok: true });
    expect(workers).toHaveLength(2);
  });
});
