/**
 * The one test suite both EngineClient implementations pass (see the two `*-engine-client.test.ts`
 * files): each test gets a fresh client over a host whose checkpoint scopes live in memory.
 */
import { InMemoryCheckpointStorage, type CheckpointStorage, type WorkflowEvent } from '@trellis/engine';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FakeOpenAIServer, chunk, completion, events, json, sse, streamOf } from '../../../engine/test/fake-openai-server.ts';
import type { CheckpointStorageFactory } from '../checkpoint-scopes.ts';
import type { EngineClient } from '../engine-client.ts';
import { EARLIER_RUNS_KEPT } from '../engine-host.ts';
import { MOCK_MODEL, type ModelSettings } from '../protocol.ts';
import { RunRecorder } from './run-recorder.ts';
import { AGENT_YAML, BROKEN_YAML, FAILING_YAML, ODD_VALUES_YAML, TICKER_YAML, WAITING_YAML, exampleYaml } from './test-workflows.ts';

/** Makes a client whose host keeps scopes in `createStorage`'s storages. */
export type EngineClientMaker = (createStorage: CheckpointStorageFactory) => EngineClient;

const API_KEY = 'sk-test-0123456789-do-not-leak';

/** Memory scopes that outlive any one client (a page reload, a replaced worker), like IndexedDB. */
function memoryScopes(): { createStorage: CheckpointStorageFactory; storages: Map<string, CheckpointStorage> } {
  const storages = new Map<string, CheckpointStorage>();
  return {
    storages,
    createStorage: (scope) => {
      let storage = storages.get(scope);
      if (storage === undefined) {
        storage = new InMemoryCheckpointStorage();
        storages.set(scope, storage);
      }
      return storage;
    },
  };
}

function outputsOf(events: readonly WorkflowEvent[]): unknown[] {
  return events.flatMap((event) => (event.type === 'workflow_output' ? [event.data] : []));
}

function requestOf(events: readonly WorkflowEvent[]): Extract<WorkflowEvent, { type: 'request_info' }> {
  const request = events.find((event) => event.type === 'request_info');
  if (request === undefined) throw new Error(`no request_info among ${events.map((event) => event.type).join(', ')}`);
  return request;
}

export function describeEngineClientContract(name: string, makeClient: EngineClientMaker): void {
  describe(`${name}: the EngineClient contract`, () => {
    let scopes = memoryScopes();
    let clients: EngineClient[] = [];
    let server: FakeOpenAIServer;

    /** A client for this test (disposed after it), with a recorder subscribed. */
    function open(): { client: EngineClient; recorder: RunRecorder } {
      const client = makeClient(scopes.createStorage);
      clients.push(client);
      return { client, recorder: new RunRecorder(client) };
    }

    const openAiModel = (): ModelSettings => ({ kind: 'openai', baseUrl: server.baseUrl, model: 'fake-model', apiKey: API_KEY });

    beforeAll(async () => {
      server = await FakeOpenAIServer.start();
    });
    afterAll(async () => {
      await server.close();
    });
    afterEach(() => {
      for (const client of clients) client.dispose();
      clients = [];
      scopes = memoryScopes();
    });

    it('runs the linear example to idle with its output, every event stamped', async () => {
      const { client, recorder } = open();
      client.start({ runId: 'linear', yamlText: exampleYaml('linear-text'), input: 'hello', model: MOCK_MODEL, checkpointScope: 'doc' });
      const run = await recorder.ended('linear');
      expect(run.outcome).toMatchObject({ reason: 'finished', state: 'idle' });
      expect(run.outcome.durationMs).toBeGreaterThanOrEqual(0);
      expect(outputsOf(run.events)).toEqual(['!!!OLLEH']);
      expect(run.events.at(0)?.type).toBe('workflow_start');
      expect(run.events.at(-1)).toEqual({ type: 'workflow_complete', state: 'idle' });
      const started = run.events.flatMap((event) => (event.type === 'executor_start' ? [event.executorId] : []));
      expect(started).toEqual(['upper', 'exclaim', 'reverse', 'result']);
      for (const { at } of run.timed) expect(at).toBeGreaterThan(Date.now() - 60_000);
    });

    it('pauses on an approval request, and an answer of true publishes', async () => {
      const { client, recorder } = open();
      client.start({ runId: 'yes', yamlText: exampleYaml('approval'), input: 'Draft A', model: MOCK_MODEL, checkpointScope: 'doc' });
      const paused = await recorder.ended('yes');
      expect(paused.outcome).toMatchObject({ reason: 'finished', state: 'idle_with_pending_requests' });
      const request = requestOf(paused.events);
      expect(request.executorId).toBe('approve');

      client.respond('yes', { [request.requestId]: true });
      const answered = await recorder.ended('yes', 2);
      expect(answered.outcome).toMatchObject({ reason: 'finished', state: 'idle' });
      expect(outputsOf(answered.events)).toEqual(['Published: Draft A']);
    });

    it('an answer of false sends the draft back', async () => {
      const { client, recorder } = open();
      client.start({ runId: 'no', yamlText: exampleYaml('approval'), input: 'Draft B', model: MOCK_MODEL, checkpointScope: 'doc' });
      const request = requestOf((await recorder.ended('no')).events);
      client.respond('no', { [request.requestId]: false });
      expect(outputsOf((await recorder.ended('no', 2)).events)).toEqual(['Sent back: Draft B']);
    });

    it('a wrong answer is refused with a clear error and the request stays pending', async () => {
      const { client, recorder } = open();
      client.start({ runId: 'wrong', yamlText: exampleYaml('approval'), input: 'Draft C', model: MOCK_MODEL, checkpointScope: 'doc' });
      const request = requestOf((await recorder.ended('wrong')).events);
      client.respond('wrong', { [request.requestId]: 'maybe' });
      const refused = await recorder.ended('wrong', 2);
      expect(refused.outcome).toMatchObject({ reason: 'failed', state: 'idle_with_pending_requests' });
      expect(refused.outcome.error?.message).toMatch(/boolean/i);
      client.respond('wrong', { [request.requestId]: true });
      expect(outputsOf((await recorder.ended('wrong', 3)).events)).toEqual(['Published: Draft C']);
    });

    it('resumes from the latest checkpoint of the scope on a new client: the pending request comes again and can be answered', async () => {
      const first = open();
      first.client.start({
        runId: 'before',
        yamlText: exampleYaml('approval'),
        input: 'Draft D',
        model: MOCK_MODEL,
        checkpointScope: 'reload',
      });
      const asked = requestOf((await first.recorder.ended('before')).events);
      first.client.dispose(); // the page goes away

      const second = open();
      second.client.resume({ runId: 'after', yamlText: exampleYaml('approval'), model: MOCK_MODEL, checkpointScope: 'reload' });
      const resumed = await second.recorder.ended('after');
      expect(resumed.outcome).toMatchObject({ reason: 'finished', state: 'idle_with_pending_requests' });
      expect(requestOf(resumed.events)).toMatchObject({ requestId: asked.requestId, executorId: 'approve', data: asked.data });
      second.client.respond('after', { [asked.requestId]: true });
      expect(outputsOf((await second.recorder.ended('after', 2)).events)).toEqual(['Published: Draft D']);
    });

    it('resuming a scope without checkpoints fails and says so', async () => {
      const { client, recorder } = open();
      client.resume({ runId: 'nothing', yamlText: exampleYaml('approval'), model: MOCK_MODEL, checkpointScope: 'empty' });
      const run = await recorder.ended('nothing');
      expect(run.outcome.reason).toBe('failed');
      expect(run.outcome.error?.message).toContain("no checkpoint to resume from in scope 'empty'");
    });

    it('lists the checkpoints of a scope, oldest first, with the pending request ids', async () => {
      const { client, recorder } = open();
      client.start({ runId: 'listed', yamlText: exampleYaml('approval'), input: 'Draft E', model: MOCK_MODEL, checkpointScope: 'listing' });
      const request = requestOf((await recorder.ended('listed')).events);
      const checkpoints = await client.listCheckpoints('listing');
      expect(checkpoints.length).toBeGreaterThanOrEqual(2);
      expect(new Set(checkpoints.map((checkpoint) => checkpoint.seriesId))).toEqual(new Set(['listed']));
      expect(checkpoints.map((checkpoint) => checkpoint.superstep)).toEqual([...checkpoints.map((c) => c.superstep)].sort((a, b) => a - b));
      expect(checkpoints.at(-1)).toMatchObject({ workflowName: 'approval', pendingRequestIds: [request.requestId] });
      expect(await client.listCheckpoints('other-scope')).toEqual([]);
    });

    it('cancel lets go of a run waiting for a person: answers then fail, and it can be resumed', async () => {
      const { client, recorder } = open();
      client.start({ runId: 'let-go', yamlText: exampleYaml('approval'), input: 'Draft L', model: MOCK_MODEL, checkpointScope: 'let-go' });
      const waiting = await recorder.ended('let-go');
      expect(waiting.outcome.state).toBe('idle_with_pending_requests');
      const request = requestOf(waiting.events);
      client.cancel('let-go');
      client.respond('let-go', { [request.requestId]: true });
      const refused = await recorder.ended('let-go', 2);
      expect(refused.outcome.reason).toBe('failed');
      expect(refused.outcome.error?.message).toContain("No run 'let-go'");
      client.resume({ runId: 'again', yamlText: exampleYaml('approval'), model: MOCK_MODEL, checkpointScope: 'let-go' });
      expect(requestOf((await recorder.ended('again')).events).requestId).toBe(request.requestId);
    });

    it('keeps the checkpoints of the last few runs of a scope, not of every run', async () => {
      const { client, recorder } = open();
      const runIds = ['r1', 'r2', 'r3', 'r4', 'r5'];
      for (const runId of runIds) {
        client.start({ runId, yamlText: exampleYaml('linear-text'), input: runId, model: MOCK_MODEL, checkpointScope: 'pruned' });
        expect((await recorder.ended(runId)).outcome.reason).toBe('finished');
      }
      const series = new Set((await client.listCheckpoints('pruned')).map((checkpoint) => checkpoint.seriesId));
      expect(series).toEqual(new Set(runIds.slice(-(EARLIER_RUNS_KEPT + 1))));
    });

    it('cancel ends a running run with reason cancelled', async () => {
      const { client, recorder } = open();
      client.start({ runId: 'waiting', yamlText: WAITING_YAML, input: 'go', model: MOCK_MODEL, checkpointScope: 'doc' });
      await recorder.sawEvent('waiting', (event) => event.type === 'executor_start' && event.executorId === 'wait');
      client.cancel('waiting');
      const run = await recorder.ended('waiting');
      expect(run.outcome).toMatchObject({ reason: 'cancelled', state: 'cancelled' });
      expect(outputsOf(run.events)).toEqual([]);
    });

    it('a function node that throws fails the run with the executor id, the message and the stack', async () => {
      const { client, recorder } = open();
      client.start({ runId: 'failing', yamlText: FAILING_YAML, input: 'x', model: MOCK_MODEL, checkpointScope: 'doc' });
      const run = await recorder.ended('failing');
      expect(run.outcome).toMatchObject({ reason: 'failed', state: 'failed', executorId: 'explode' });
      expect(run.outcome.error).toMatchObject({ name: 'Error', message: 'explode could not handle x?' });
      expect(run.outcome.error?.stack).toContain('explode could not handle x?');
      expect(run.events).toContainEqual({ type: 'error', executorId: 'explode', error: run.outcome.error });
    });

    it('YAML with errors ends load_failed with the problems, positioned', async () => {
      const { client, recorder } = open();
      client.start({ runId: 'broken', yamlText: BROKEN_YAML, input: 'x', model: MOCK_MODEL, checkpointScope: 'doc' });
      const run = await recorder.ended('broken');
      expect(run.events).toEqual([]);
      expect(run.outcome).toMatchObject({ reason: 'load_failed', state: 'failed' });
      expect(run.outcome.problems?.length).toBeGreaterThanOrEqual(1);
      for (const problem of run.outcome.problems ?? []) expect(problem.line).toBeGreaterThan(0);
      expect(run.outcome.problems?.map((problem) => problem.message).join('\n')).toMatch(/nowhere|missing/);
    });

    it('delivers 20,000 events in order in few listener calls', async () => {
      const { client, recorder } = open();
      client.start({ runId: 'ticks', yamlText: TICKER_YAML, input: 20_000, model: MOCK_MODEL, checkpointScope: 'doc' });
      const run = await recorder.ended('ticks');
      expect(run.outcome.reason).toBe('finished');
      const ticks = run.events.flatMap((event) => (event.type === 'custom' ? [event.data] : []));
      expect(ticks).toEqual(Array.from({ length: 20_000 }, (_, index) => index));
      // Per frame (16 ms here): a handful of calls, not one per event or per host batch.
      expect(recorder.deliveries.length).toBeLessThan(100);
      expect(recorder.deliveries.every((messages) => messages.length <= 2)).toBe(true);
    });

    it('turns values structured cloning cannot carry into readable previews', async () => {
      const { client, recorder } = open();
      client.start({ runId: 'odd', yamlText: ODD_VALUES_YAML, input: 'x', model: MOCK_MODEL, checkpointScope: 'doc' });
      const run = await recorder.ended('odd');
      expect(run.outcome.reason).toBe('finished');
      const odd = run.events.find((event) => event.type === 'custom');
      expect(odd?.data).toEqual({
        shout: '[function shout]',
        tag: 'Symbol(tag)',
        point: { $class: 'Point', x: 1, y: 2 },
        when: new Date(0),
        list: [1, 'two'],
      });
    });

    it('streams agent_update events from an OpenAI-compatible server, and sends the key only to it', async () => {
      const { client, recorder } = open();
      server.reply(sse([streamOf(['Charge ', 'ahead, ', 'pay less.'])]));
      client.start({ runId: 'agent', yamlText: AGENT_YAML, input: 'An electric SUV', model: openAiModel(), checkpointScope: 'doc' });
      const run = await recorder.ended('agent');
      expect(run.outcome).toMatchObject({ reason: 'finished', state: 'idle' });
      const deltas = run.events.flatMap((event) => (event.type === 'agent_update' && event.executorId === 'writer' ? [event.delta] : []));
      expect(deltas.join('')).toBe('Charge ahead, pay less.');
      expect(deltas.length).toBeGreaterThanOrEqual(3);
      expect(outputsOf(run.events)).toContainEqual(expect.objectContaining({ text: 'Charge ahead, pay less.' }));
      expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    });

    it('never lets the API key out: not in events, outcomes, errors or checkpoints, even when the server echoes it', async () => {
      const { client, recorder } = open();
      const echo = { error: { message: `Incorrect API key provided: ${API_KEY}`, type: 'invalid_request_error', code: 'invalid_api_key' } };
      server.reply(sse([events([chunk(`I was called with ${API_KEY}`, null)]), streamOf([' and that is all'])]), json(401, echo));
      client.start({ runId: 'leak-1', yamlText: AGENT_YAML, input: 'hello', model: openAiModel(), checkpointScope: 'keys' });
      const echoed = await recorder.ended('leak-1');
      client.start({ runId: 'leak-2', yamlText: AGENT_YAML, input: 'hello', model: openAiModel(), checkpointScope: 'keys' });
      const refused = await recorder.ended('leak-2');
      expect(echoed.outcome.reason).toBe('finished');
      expect(refused.outcome.reason).toBe('failed');
      expect(refused.outcome.error?.message).toContain('401');
      server.reply(json(401, echo));
      const connection = await client.testConnection(openAiModel());
      expect(connection.ok).toBe(false);

      const checkpoints = await scopes.storages.get('keys')?.list();
      expect(checkpoints?.length).toBeGreaterThan(0);
      const everything = JSON.stringify({ deliveries: recorder.deliveries, checkpoints, connection }, (_, value: unknown) =>
        value instanceof Date ? value.toISOString() : value,
      );
      expect(everything).toContain('[redacted]'); // the echoed key was there, and was scrubbed
      expect(everything).not.toContain(API_KEY);
      expect(everything).not.toContain(API_KEY.slice(3)); // not even without its prefix
    });

    it('test_connection: the mock answers at once; a live endpoint answers with its reply and latency', async () => {
      const { client } = open();
      expect(await client.testConnection(MOCK_MODEL)).toMatchObject({ ok: true, latencyMs: 0 });
      server.reply(json(200, completion('ok')));
      const result = await client.testConnection(openAiModel());
      expect(result).toMatchObject({ ok: true, message: 'fake-model answered: "ok"' });
      expect(result.latencyMs).toBeGreaterThanOrEqual(0);
      expect(server.requests.at(-1)?.body).toMatchObject({ model: 'fake-model', max_tokens: 5 });
    });

    it('test_connection: a 401 says the key was refused, without the key', async () => {
      const { client } = open();
      server.reply(json(401, { error: { message: `Incorrect API key provided: ${API_KEY}`, code: 'invalid_api_key' } }));
      const result = await client.testConnection(openAiModel());
      expect(result.ok).toBe(false);
      expect(result.message).toContain('401 Unauthorized');
      expect(result.message).toContain('Check the API key.');
      expect(result.message).not.toContain(API_KEY);
    });

    it('test_connection: an unreachable endpoint fails with a message naming it', async () => {
      const { client } = open();
      const result = await client.testConnection({ kind: 'openai', baseUrl: 'http://127.0.0.1:9/v1', model: 'm', apiKey: API_KEY });
      expect(result.ok).toBe(false);
      expect(result.message).toContain('127.0.0.1:9');
    });
  });
}
