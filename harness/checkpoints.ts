/**
 * Test harness for IndexedDbCheckpointStorage in a real browser, driven by
 * e2e/checkpoints-indexeddb.spec.ts: saves hand-built checkpoints of one series, lists them, and
 * loads the latest, showing its state decoded with every type spelled out (so a test can tell a
 * Date from a string that looks like one).
 */
import { IndexedDbCheckpointStorage, decodeCheckpointValue, encodeCheckpointValue, type WorkflowCheckpoint } from '@trellis/engine/browser';

const SERIES_ID = 'harness-series';
const storage = new IndexedDbCheckpointStorage({ dbName: 'trellis-checkpoints-harness' });

function byTestId(testId: string): HTMLElement {
  const found = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (found === null) throw new Error(`checkpoints.html has no [data-testid="${testId}"]`);
  return found;
}

function buttonByTestId(testId: string): HTMLButtonElement {
  const found = byTestId(testId);
  if (!(found instanceof HTMLButtonElement)) throw new Error(`[data-testid="${testId}"] is not a button`);
  return found;
}

const ui = {
  saveButton: buttonByTestId('save-checkpoint'),
  listButton: buttonByTestId('list-checkpoints'),
  loadButton: buttonByTestId('load-latest'),
  status: byTestId('harness-status'),
  error: byTestId('harness-error'),
  list: byTestId('checkpoint-list'),
  loadedId: byTestId('loaded-id'),
  decodedState: byTestId('decoded-state'),
  storedState: byTestId('stored-state'),
};

/** A checkpoint as the engine would write one: state encoded, here holding a Date and a Map. */
function buildCheckpoint(sequence: number, parentId: string | null): WorkflowCheckpoint {
  const order = {
    placedAt: new Date(Date.UTC(2024, 4, 6, 7, 8, 9, 10)),
    // Differs per checkpoint, so the test can tell which one came back.
    items: new Map([
      ['tea', 2],
      ['cake', sequence + 1],
    ]),
  };
  return {
    version: 1,
    checkpointId: `harness-${sequence}`,
    seriesId: SERIES_ID,
    parentId,
    sequence,
    workflowName: 'checkpoint-harness',
    graphHash: 'harness-graph',
    superstep: sequence,
    timestamp: new Date().toISOString(),
    messages: [],
    state: { order: encodeCheckpointValue(order, '$.state.order') },
    pendingRequests: [],
    metadata: { writtenBy: 'harness/checkpoints.ts' },
  };
}

/** Text for a decoded value that names Dates, Maps and Sets, unlike JSON.stringify. */
function describeValue(value: unknown): string {
  if (value instanceof Date) return `Date(${value.toISOString()})`;
  if (value instanceof Map) {
    const entries = Array.from(value as Map<unknown, unknown>, ([key, item]) => `${describeValue(key)} => ${describeValue(item)}`);
    return `Map(${entries.join(', ')})`;
  }
  if (value instanceof Set) return `Set(${Array.from(value as Set<unknown>, describeValue).join(', ')})`;
  if (Array.isArray(value)) return `[${value.map(describeValue).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const fields = Object.entries(value).map(([key, item]) => `${key}: ${describeValue(item)}`);
    return `{ ${fields.join(', ')} }`;
  }
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

async function save(): Promise<string> {
  const previous = await storage.latest({ seriesId: SERIES_ID });
  const checkpoint = buildCheckpoint(previous === undefined ? 0 : previous.sequence + 1, previous?.checkpointId ?? null);
  return `saved ${await storage.save(checkpoint)}`;
}

async function list(): Promise<string> {
  const checkpoints = await storage.list({ seriesId: SERIES_ID });
  ui.list.replaceChildren(
    ...checkpoints.map((checkpoint) => {
      const item = document.createElement('li');
      item.dataset['testid'] = 'checkpoint-item';
      item.dataset['checkpointId'] = checkpoint.checkpointId;
      item.textContent = `${checkpoint.checkpointId} (sequence ${checkpoint.sequence}, parent ${checkpoint.parentId ?? 'none'})`;
      return item;
    }),
  );
  return `listed ${checkpoints.length}`;
}

async function loadLatest(): Promise<string> {
  const latest = await storage.latest({ seriesId: SERIES_ID });
  if (latest === undefined) return 'no checkpoints';
  // Loaded by id as well, so the page exercises load() and not only latest().
  const checkpoint = await storage.load(latest.checkpointId);
  const decoded = Object.fromEntries(
    Object.entries(checkpoint.state).map(([key, json]) => [key, decodeCheckpointValue(json, `$.state.${key}`)]),
  );
  ui.loadedId.textContent = checkpoint.checkpointId;
  ui.decodedState.textContent = describeValue(decoded);
  ui.storedState.textContent = JSON.stringify(checkpoint.state);
  return `loaded ${checkpoint.checkpointId}`;
}

const wiring: readonly (readonly [HTMLButtonElement, () => Promise<string>])[] = [
  [ui.saveButton, save],
  [ui.listButton, list],
  [ui.loadButton, loadLatest],
];

/** Runs one button's action with the buttons disabled, showing its outcome in the status line. */
async function perform(action: () => Promise<string>): Promise<void> {
  for (const [button] of wiring) button.disabled = true;
  ui.status.textContent = 'working';
  ui.error.hidden = true;
  try {
    ui.status.textContent = await action();
  } catch (error) {
    ui.status.textContent = 'failed';
    ui.error.textContent = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    ui.error.hidden = false;
    console.error(error);
  } finally {
    for (const [button] of wiring) button.disabled = false;
  }
}

for (const [button, action] of wiring) button.addEventListener('click', () => void perform(action));
ui.status.textContent = 'ready';
