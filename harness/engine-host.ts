/**
 * Test harness for the engine host in a real browser, driven by e2e/engine-host.spec.ts: runs a
 * workflow through the worker or the in-process `EngineClient`, shows its events (as JSON, for the
 * parity test), its outcome and the scope's checkpoints, and measures the run: Run → first
 * `executor_start` received, events per second delivered to the page, the longest task meanwhile.
 */
import {
  createInProcessEngineClient,
  createWorkerEngineClient,
  MOCK_MODEL,
  type EngineClient,
  type RunMessage,
} from '../src/engine-host/index.ts';

type ClientKind = 'worker' | 'in-process';

/** Above this many events the log is not rendered (the measurements are what such a run is for). */
const MAX_LOGGED_EVENTS = 5000;

const ENDLESS_YAML = `
workflow:
  name: endless
  start: spin
  executors:
    - id: spin
      type: function
      input: string
      code: |
        await ctx.addEvent({ type: 'spinning', data: 'from now on' })
        // Lets the host send that event before the loop blocks its thread for good.
        await new Promise((resolve) => setTimeout(resolve, 50))
        while (true) {}
  edges: []
`;

const TICKER_YAML = `
workflow:
  name: ticker
  start: tick
  executors:
    - id: tick
      type: function
      input: number
      code: |
        for (let i = 0; i < input; i++) await ctx.addEvent({ type: 'tick', data: i })
        return 'done'
    - id: result
      type: output
  edges:
    - from: tick
      to: result
`;

function byTestId<T extends HTMLElement>(testId: string, type: new () => T): T {
  const found = document.querySelector(`[data-testid="${testId}"]`);
  if (!(found instanceof type)) throw new Error(`engine-host.html has no ${type.name} [data-testid="${testId}"]`);
  return found;
}

const ui = {
  clientKind: byTestId('client-kind', HTMLSelectElement),
  workflowName: byTestId('workflow-name', HTMLSelectElement),
  input: byTestId('run-input', HTMLInputElement),
  scope: byTestId('checkpoint-scope', HTMLInputElement),
  runButton: byTestId('run-button', HTMLButtonElement),
  stopButton: byTestId('stop-button', HTMLButtonElement),
  listButton: byTestId('list-checkpoints', HTMLButtonElement),
  status: byTestId('run-status', HTMLOutputElement),
  error: byTestId('harness-error', HTMLParagraphElement),
  runId: byTestId('run-id', HTMLOutputElement),
  lastEvent: byTestId('last-event', HTMLOutputElement),
  eventCount: byTestId('event-count', HTMLOutputElement),
  deliveryCount: byTestId('delivery-count', HTMLOutputElement),
  firstStartMs: byTestId('first-start-ms', HTMLOutputElement),
  eventsPerSecond: byTestId('events-per-second', HTMLOutputElement),
  longestTaskMs: byTestId('longest-task-ms', HTMLOutputElement),
  outcome: byTestId('run-outcome', HTMLPreElement),
  eventLog: byTestId('event-log', HTMLPreElement),
  checkpointList: byTestId('checkpoint-list', HTMLOListElement),
};

/** What the page has seen of the current run. */
interface RunRecord {
  readonly runId: string;
  readonly startedAt: number;
  events: unknown[];
  eventCount: number;
  deliveries: number;
  firstStartAt: number | undefined;
  longestTaskMs: number;
}

const clients = new Map<ClientKind, EngineClient>();
let current: RunRecord | undefined;
let runCount = 0;

function clientFor(kind: ClientKind): EngineClient {
  let client = clients.get(kind);
  if (client === undefined) {
    client = kind === 'worker' ? createWorkerEngineClient() : createInProcessEngineClient();
    client.subscribe(onMessages);
    clients.set(kind, client);
  }
  return client;
}

function onMessages(messages: readonly RunMessage[]): void {
  const run = current;
  if (run === undefined) return;
  const mine = messages.filter((message) => message.runId === run.runId);
  if (mine.length === 0) return;
  run.deliveries += 1;
  const receivedAt = performance.now();
  for (const message of mine) {
    if (message.type === 'events') {
      for (const { event } of message.events) {
        if (run.firstStartAt === undefined && event.type === 'executor_start') run.firstStartAt = receivedAt;
        if (run.eventCount < MAX_LOGGED_EVENTS) run.events.push(event);
        run.eventCount += 1;
      }
      const last = message.events.at(-1)?.event;
      if (last !== undefined) ui.lastEvent.textContent = last.type === 'custom' ? `custom ${last.name}` : last.type;
    } else {
      const seconds = (receivedAt - run.startedAt) / 1000;
      ui.eventsPerSecond.textContent = String(Math.round(run.eventCount / seconds));
      ui.outcome.textContent = JSON.stringify(message.outcome, null, 2);
      ui.eventLog.textContent =
        run.eventCount <= MAX_LOGGED_EVENTS ? JSON.stringify(run.events) : `(${String(run.eventCount)} events: not shown)`;
      if (run.longestTaskMs === 0) ui.longestTaskMs.textContent = 'none';
      ui.status.textContent = `ended ${run.runId}: ${message.outcome.reason} ${message.outcome.state}`;
    }
  }
  ui.eventCount.textContent = String(run.eventCount);
  ui.deliveryCount.textContent = String(run.deliveries);
  if (run.firstStartAt !== undefined) ui.firstStartMs.textContent = (run.firstStartAt - run.startedAt).toFixed(1);
}

async function workflowYaml(name: string): Promise<string> {
  if (name === 'endless') return ENDLESS_YAML;
  if (name === 'ticker') return TICKER_YAML;
  const response = await fetch(`/examples/${name}.workflow.yaml`);
  if (!response.ok) throw new Error(`GET /examples/${name}.workflow.yaml answered ${String(response.status)}`);
  return response.text();
}

async function run(): Promise<void> {
  const kind = ui.clientKind.value as ClientKind;
  const yamlText = await workflowYaml(ui.workflowName.value);
  const input = JSON.parse(ui.input.value) as unknown;
  runCount += 1;
  const runId = `${kind}-${String(runCount)}`;
  for (const output of [ui.lastEvent, ui.eventCount, ui.deliveryCount, ui.firstStartMs, ui.eventsPerSecond, ui.longestTaskMs])
    output.textContent = '';
  ui.outcome.textContent = '';
  ui.eventLog.textContent = '';
  current = { runId, startedAt: performance.now(), events: [], eventCount: 0, deliveries: 0, firstStartAt: undefined, longestTaskMs: 0 };
  ui.runId.textContent = runId;
  ui.status.textContent = `running ${runId}`;
  clientFor(kind).start({ runId, yamlText, input, model: MOCK_MODEL, checkpointScope: ui.scope.value });
}

function stop(): void {
  if (current === undefined) return;
  clientFor(ui.clientKind.value as ClientKind).cancel(current.runId);
}

async function listCheckpoints(): Promise<void> {
  const checkpoints = await clientFor(ui.clientKind.value as ClientKind).listCheckpoints(ui.scope.value);
  ui.checkpointList.replaceChildren(
    ...checkpoints.map((checkpoint) => {
      const item = document.createElement('li');
      item.dataset['testid'] = 'checkpoint-item';
      item.dataset['seriesId'] = checkpoint.seriesId;
      item.textContent = `${checkpoint.checkpointId}: series ${checkpoint.seriesId}, superstep ${String(checkpoint.superstep)}, pending ${String(checkpoint.pendingRequestIds.length)}`;
      return item;
    }),
  );
  ui.status.textContent = `listed ${String(checkpoints.length)}`;
}

/** Runs a button's action, showing a failure on the page. */
function wire(button: HTMLButtonElement, action: () => void | Promise<void>): void {
  button.addEventListener('click', () => {
    ui.error.hidden = true;
    Promise.resolve()
      .then(action)
      .catch((error: unknown) => {
        ui.error.hidden = false;
        ui.error.textContent = error instanceof Error ? error.message : String(error);
      });
  });
}

// Long tasks (50 ms or more) while a run is active: how much the run kept the page busy.
new PerformanceObserver((list) => {
  const run = current;
  if (run === undefined) return;
  for (const entry of list.getEntries()) {
    if (entry.startTime < run.startedAt) continue;
    run.longestTaskMs = Math.max(run.longestTaskMs, entry.duration);
    ui.longestTaskMs.textContent = run.longestTaskMs.toFixed(0);
  }
}).observe({ type: 'longtask', buffered: false });

wire(ui.runButton, run);
wire(ui.stopButton, stop);
wire(ui.listButton, listCheckpoints);
ui.status.textContent = 'ready';
