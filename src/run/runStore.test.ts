import { describe, expect, it } from 'vitest';
import type { EngineClient, RunMessageListener } from '../engine-host/engine-client.ts';
import type { ModelSettings, RunMessage } from '../engine-host/protocol.ts';
import { MODEL_SETTINGS_KEY, type KeyValueStorage } from './modelSettings.ts';
import { createRunStore, type RunDocument } from './runStore.ts';
import { loadWaitingRun } from './waitingRun.ts';

class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** An engine client that records what it was asked and lets the test deliver batches. */
class FakeClient implements EngineClient {
  readonly calls: { method: string; args: unknown }[] = [];
  listeners: RunMessageListener[] = [];
  start(command: Parameters<EngineClient['start']>[0]): void {
    this.calls.push({ method: 'start', args: command });
  }
  resume(command: Parameters<EngineClient['resume']>[0]): void {
    this.calls.push({ method: 'resume', args: command });
  }
  respond(runId: string, responses: Readonly<Record<string, unknown>>): void {
    this.calls.push({ method: 'respond', args: { runId, responses } });
  }
  cancel(runId: string): void {
    this.calls.push({ method: 'cancel', args: runId });
  }
  listCheckpoints(): Promise<never[]> {
    return Promise.resolve([]);
  }
  testConnection(model: ModelSettings) {
    this.calls.push({ method: 'testConnection', args: model });
    return Promise.resolve({ ok: true, message: 'pong', latencyMs: 5 });
  }
  subscribe(listener: RunMessageListener): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((known) => known !== listener);
    };
  }
  dispose(): void {
    this.listeners = [];
  }
  deliver(...messages: RunMessage[]): void {
    for (const listener of this.listeners) listener(messages);
  }
}

const DOC: RunDocument = { yamlText: 'workflow: {}', checkpointScope: 'doc1', graph: [{ source: 'a', target: 'b', kind: 'plain' }] };

function setup(storage = new MemoryStorage()) {
  const client = new FakeClient();
  let ids = 0;
  const store = createRunStore({
    loadClient: () => Promise.resolve(client),
    storage,
    now: () => 500,
    createRunId: () => `run${String(++ids)}`,
  });
  return { client, store, storage };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const waitingBatch = (runId: string): RunMessage[] => [
  {
    type: 'events',
    runId,
    events: [
      { at: 1, event: { type: 'request_info', requestId: 'q1', executorId: 'ask', data: { prompt: 'OK?' }, responseType: 'boolean' } },
    ],
  },
  { type: 'run_ended', runId, outcome: { reason: 'finished', state: 'idle_with_pending_requests', durationMs: 4 } },
];

describe('createRunStore', () => {
  it('starts a run with the stored model and applies each batch as one update', async () => {
    const { client, store } = setup();
    store.getState().start(DOC, 'hello');
    expect(store.getState().run).toMatchObject({ runId: 'run1', phase: 'starting', requestedAt: 500 });
    await flush();
    expect(client.calls).toEqual([
      {
        method: 'start',
        args: { runId: 'run1', yamlText: DOC.yamlText, input: 'hello', model: { kind: 'mock' }, checkpointScope: 'doc1' },
      },
    ]);
    let updates = 0;
    store.subscribe(() => updates++);
    client.deliver(
      { type: 'events', runId: 'run1', events: [{ at: 1, event: { type: 'executor_start', executorId: 'a', data: 'x' } }] },
      { type: 'events', runId: 'run1', events: [{ at: 2, event: { type: 'executor_complete', executorId: 'a', durationMs: 1 } }] },
    );
    expect(updates).toBe(1);
    expect(store.getState().run.nodes.a?.status).toBe('done');
  });

  it('applies a flood within a per-frame budget: one update per frame, the backlog counted, the rest next frame', async () => {
    const client = new FakeClient();
    const frames: (() => void)[] = [];
    let clock = 0;
    const store = createRunStore({
      loadClient: () => Promise.resolve(client),
      createRunId: () => 'flood',
      scheduleFrame: (callback) => frames.push(callback),
      clock: () => (clock += 1), // every look at the clock takes 1 ms: a budget of 3 ms is 3 slices of 256 events
      frameBudgetMs: 3,
    });
    store.getState().start(DOC, 'x');
    await flush();
    const ticks = Array.from({ length: 2000 }, (_, index) => ({
      at: index,
      event: { type: 'custom' as const, name: 'tick', executorId: 'a', data: index },
    }));
    let updates = 0;
    store.subscribe(() => updates++);
    // (the engine host says it holds 3,000 more for the page)
    client.deliver({ type: 'events', runId: 'flood', events: ticks, held: 3000 }, { type: 'events', runId: 'other', events: ticks });
    expect(updates).toBe(1);
    expect(store.getState().run.logTotal).toBe(3 * 256);
    expect(store.getState().backlog).toBe(2000 - 3 * 256 + 3000);
    expect(frames).toHaveLength(1);

    // More arrives while the page is behind: queued, applied by the scheduled frame.
    client.deliver({ type: 'run_ended', runId: 'flood', outcome: { reason: 'finished', state: 'idle', durationMs: 9 } });
    expect(updates).toBe(1);
    expect(store.getState().backlog).toBe(2000 - 3 * 256 + 3000);
    while (frames.length > 0) frames.shift()?.();
    expect(updates).toBe(3); // two frames: 768 events, then the last 464 and the ending
    expect(store.getState().backlog).toBe(0);
    expect(store.getState().run).toMatchObject({ phase: 'ended', logTotal: 2000 });
  });

  it('stops the active run, and a new run stops the previous one', async () => {
    const { client, store } = setup();
    store.getState().start(DOC, 1);
    store.getState().stop();
    await flush();
    expect(client.calls.map((call) => call.method)).toEqual(['start', 'cancel']);
    store.getState().start(DOC, 2);
    await flush();
    expect(client.calls.slice(2)).toMatchObject([
      { method: 'cancel', args: 'run1' },
      { method: 'start', args: { runId: 'run2' } },
    ]);
  });

  it('remembers a run waiting for a person, answers it, and forgets it once it ends', async () => {
    const { client, store, storage } = setup();
    store.getState().start(DOC, 'x');
    await flush();
    client.deliver(...waitingBatch('run1'));
    expect(store.getState().run.phase).toBe('waiting');
    expect(loadWaitingRun(storage, 'doc1')).toEqual({ checkpointScope: 'doc1', requestIds: ['q1'] });

    store.getState().respond({ q1: true });
    expect(store.getState().run.pending).toMatchObject([{ requestId: 'q1', sending: true }]);
    await flush();
    expect(client.calls.at(-1)).toEqual({ method: 'respond', args: { runId: 'run1', responses: { q1: true } } });
    client.deliver({ type: 'run_ended', runId: 'run1', outcome: { reason: 'finished', state: 'idle', durationMs: 2 } });
    expect(loadWaitingRun(storage, 'doc1')).toBeUndefined();
  });

  it('keeps the question and the saved waiting run when the engine refuses an answer', async () => {
    const { client, store, storage } = setup();
    store.getState().start(DOC, 'x');
    await flush();
    client.deliver(...waitingBatch('run1'));
    store.getState().respond({ q1: 'yes' });
    await flush();
    const error = { name: 'WorkflowResponseError', message: "Request 'q1' expects a boolean" };
    client.deliver({
      type: 'run_ended',
      runId: 'run1',
      outcome: { reason: 'failed', state: 'idle_with_pending_requests', durationMs: 1, error },
    });
    expect(store.getState().run.phase).toBe('waiting');
    expect(store.getState().run.pending).toMatchObject([{ requestId: 'q1', refusal: "Request 'q1' expects a boolean" }]);
    expect(loadWaitingRun(storage, 'doc1')).toMatchObject({ requestIds: ['q1'] });

    store.getState().respond({ q1: true });
    await flush();
    expect(client.calls.filter((call) => call.method === 'respond')).toHaveLength(2);
  });

  it('sends an answer to another open question while the run goes on, and ignores one already sent', async () => {
    const { client, store } = setup();
    store.getState().start(DOC, 'x');
    await flush();
    client.deliver({
      type: 'events',
      runId: 'run1',
      events: [
        { at: 1, event: { type: 'request_info', requestId: 'q1', executorId: 'a', data: 'A?', responseType: 'boolean' } },
        { at: 2, event: { type: 'request_info', requestId: 'q2', executorId: 'b', data: 'B?', responseType: 'boolean' } },
      ],
    });
    client.deliver({
      type: 'run_ended',
      runId: 'run1',
      outcome: { reason: 'finished', state: 'idle_with_pending_requests', durationMs: 4 },
    });
    store.getState().respond({ q1: true });
    store.getState().respond({ q1: false });
    store.getState().respond({ q2: false });
    await flush();
    expect(client.calls.filter((call) => call.method === 'respond').map((call) => call.args)).toEqual([
      { runId: 'run1', responses: { q1: true } },
      { runId: 'run1', responses: { q2: false } },
    ]);
  });

  it('ends the run with an engine error when the client throws on a command', async () => {
    const { client, store } = setup();
    client.start = () => {
      throw new Error('Failed to execute postMessage: DataCloneError');
    };
    store.getState().start(DOC, 'x');
    await flush();
    expect(store.getState().engineError).toBe('The engine could not take the command: Failed to execute postMessage: DataCloneError');
    expect(store.getState().run).toMatchObject({ phase: 'ended', outcome: { reason: 'failed' } });
  });

  it('stops a run that waits for a person on the page, and tells the engine to let go of it', async () => {
    const { client, store, storage } = setup();
    store.getState().start(DOC, 'x');
    await flush();
    client.deliver(...waitingBatch('run1'));
    store.getState().stop();
    expect(store.getState().run).toMatchObject({ phase: 'ended', state: 'cancelled', pending: [], outcome: { reason: 'cancelled' } });
    expect(store.getState().run.nodes.ask?.status).toBe('done');
    expect(loadWaitingRun(storage, 'doc1')).toBeUndefined();
    await flush();
    expect(client.calls.map((call) => call.method)).toEqual(['start', 'cancel']);
  });

  it('resumes the open document’s waiting run after a reload', async () => {
    const storage = new MemoryStorage();
    const first = setup(storage);
    first.store.getState().start(DOC, 'x');
    await flush();
    first.client.deliver(...waitingBatch('run1'));

    const second = setup(storage);
    expect(second.store.getState().openDocument({ ...DOC, checkpointScope: 'other' })).toBe(false);
    expect(second.store.getState().openDocument(DOC)).toBe(true);
    expect(second.store.getState().run).toMatchObject({ phase: 'starting', resumed: true });
    await flush();
    expect(second.client.calls).toEqual([
      { method: 'resume', args: { runId: 'run1', yamlText: DOC.yamlText, model: { kind: 'mock' }, checkpointScope: 'doc1' } },
    ]);
    second.client.deliver(...waitingBatch('run1'));
    expect(second.store.getState().run.pending.map((request) => request.requestId)).toEqual(['q1']);
  });

  it('stops and clears a run when another document opens', async () => {
    const { client, store } = setup();
    store.getState().start(DOC, 'x');
    expect(store.getState().openDocument({ ...DOC, checkpointScope: 'doc2' })).toBe(false);
    expect(store.getState().run.phase).toBe('none');
    await flush();
    expect(client.calls.map((call) => call.method)).toEqual(['start', 'cancel']);
  });

  it('keeps model settings in storage, and tests a connection through the client', async () => {
    const { client, store, storage } = setup();
    const model: ModelSettings = { kind: 'openai', baseUrl: 'http://127.0.0.1:9/v1', model: 'm', apiKey: 'sk-secret' };
    store.getState().setModel(model);
    expect(JSON.parse(storage.getItem(MODEL_SETTINGS_KEY) ?? '')).toEqual(model);
    expect(setup(storage).store.getState().model).toEqual(model);
    await expect(store.getState().testConnection(model)).resolves.toEqual({ ok: true, message: 'pong', latencyMs: 5 });
    expect(client.calls).toEqual([{ method: 'testConnection', args: model }]);
    store.getState().setModel({ kind: 'mock' });
    expect(storage.items.size).toBe(0);
  });

  it('says so when the engine cannot be loaded, and tries again on the next run', async () => {
    let attempts = 0;
    const store = createRunStore({ loadClient: () => Promise.reject(new Error(`offline ${String(++attempts)}`)) });
    store.getState().start(DOC, 'x');
    await flush();
    expect(store.getState().engineError).toBe('The engine could not be loaded: offline 1');
    expect(store.getState().run.phase).toBe('ended');
    store.getState().start(DOC, 'x');
    expect(store.getState().engineError).toBeUndefined();
    await flush();
    expect(attempts).toBe(2);
  });
});
