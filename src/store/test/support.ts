import { readFileSync } from 'node:fs';
import type { ScheduleTimeout } from '../autosave.ts';
import { createDesignerStore, type DesignerStoreOptions } from '../createDesignerStore.ts';
import type { DesignerStore } from '../designerState.ts';
import { MemoryDocumentStorage, type DocumentStorage } from '../documentStorage.ts';

/** Test helpers for the store: a manual timer, a settable clock, numbered ids and an example text. */

/** The linear example: comments, blank lines, four function/output nodes, three edges, a layout. */
export const LINEAR_TEXT = readFileSync(new URL('../../../public/examples/linear-text.workflow.yaml', import.meta.url), 'utf8');

/** A timer whose callbacks run only when the test says so. */
export interface ManualTimer {
  readonly schedule: ScheduleTimeout;
  /** How many callbacks are waiting. */
  pending: () => number;
  /** Runs every waiting callback. */
  fire: () => void;
}

/** A {@link ManualTimer}. */
export function manualTimer(): ManualTimer {
  const waiting = new Map<number, () => void>();
  let next = 0;
  return {
    schedule: (callback) => {
      const id = next++;
      waiting.set(id, callback);
      return () => waiting.delete(id);
    },
    pending: () => waiting.size,
    fire: () => {
      const callbacks = [...waiting.values()];
      waiting.clear();
      for (const callback of callbacks) callback();
    },
  };
}

/** Lets queued promise work (storage calls) finish. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A store with a manual timer, a clock the test moves (`clock.now`), ids `doc-1`, `doc-2`... */
export function testStore(options: { storage?: DocumentStorage } & Pick<DesignerStoreOptions, 'history'> = {}): {
  store: DesignerStore;
  storage: DocumentStorage;
  timer: ManualTimer;
  clock: { now: number };
} {
  const storage = options.storage ?? new MemoryDocumentStorage();
  const timer = manualTimer();
  const clock = { now: 1_000 };
  let id = 0;
  const store = createDesignerStore({
    storage,
    now: () => clock.now,
    createId: () => `doc-${String(++id)}-${String(clock.now)}`,
    schedule: timer.schedule,
    ...(options.history === undefined ? {} : { history: options.history }),
  });
  return { store, storage, timer, clock };
}

/** A store with the linear example loaded. */
export function linearStore(options: Parameters<typeof testStore>[0] = {}): ReturnType<typeof testStore> {
  const made = testStore(options);
  made.store.getState().loadDocument({ yamlText: LINEAR_TEXT, title: 'Linear' });
  return made;
}
