import { createStore } from 'zustand/vanilla';
import { createHistory } from '../model/index.ts';
import { realTimeout, type ScheduleTimeout } from './autosave.ts';
import { createClipboardSlice } from './clipboardSlice.ts';
import type { DesignerState, DesignerStore, HistoryOptions } from './designerState.ts';
import { createDocumentSlice } from './documentSlice.ts';
import { newDocumentText, openedState, UNTITLED } from './documentState.ts';
import { MemoryDocumentStorage, type DocumentStorage } from './documentStorage.ts';
import { createHistorySlice } from './historySlice.ts';
import { createPersistenceSlice } from './persistenceSlice.ts';
import { createProblemsSlice } from './problemsSlice.ts';
import { createSelectionSlice } from './selectionSlice.ts';

/** Everything the store takes from outside; all optional. */
export interface DesignerStoreOptions {
  /** Where workflows are kept. Default: a `MemoryDocumentStorage` (nothing survives a reload); the app passes an `IndexedDbDocumentStorage`. */
  readonly storage?: DocumentStorage;
  /** The clock for save times and gesture merging (default `Date.now`). */
  readonly now?: () => number;
  /** Ids of new documents (default `crypto.randomUUID`). */
  readonly createId?: () => string;
  /** The timer of the autosave debounce (default `setTimeout`). */
  readonly schedule?: ScheduleTimeout;
  /** How long after the last change autosave writes (default 300 ms). */
  readonly autosaveDelayMs?: number;
  /** Undo depth and gesture merge window. */
  readonly history?: HistoryOptions;
}

/** The default autosave debounce. */
export const AUTOSAVE_DELAY_MS = 300;

/**
 * Creates the designer's store: one vanilla zustand store built from the document, history,
 * selection, problems, persistence and clipboard slices. Framework-free; the UI binds it with
 * `useStore(store, selector)` (and `useShallow` when a selector picks several fields). It starts
 * on a new, unsaved document; call `restore()` once to reopen the last one from storage.
 *
 * @example
 * const store = createDesignerStore({ storage: new IndexedDbDocumentStorage() });
 * await store.getState().restore();
 * addEventListener('pagehide', () => void store.getState().flush());
 */
export function createDesignerStore(options: DesignerStoreOptions = {}): DesignerStore {
  const now = options.now ?? Date.now;
  const createId = options.createId ?? (() => crypto.randomUUID());
  const historyOptions = options.history ?? {};
  const opened = openedState({ id: createId(), title: UNTITLED, yamlText: newDocumentText() }, createHistory(historyOptions));
  const store = createStore<DesignerState>()((...args) => ({
    ...createDocumentSlice({ now, createId, historyOptions }, opened)(...args),
    ...createHistorySlice(opened)(...args),
    ...createSelectionSlice()(...args),
    ...createProblemsSlice(opened)(...args),
    ...createPersistenceSlice({
      storage: options.storage ?? new MemoryDocumentStorage(),
      now,
      schedule: options.schedule ?? realTimeout,
      autosaveDelayMs: options.autosaveDelayMs ?? AUTOSAVE_DELAY_MS,
      historyOptions,
    })(...args),
    ...createClipboardSlice()(...args),
  }));
  // the UI reads, subscribes and calls actions; `setState` is not handed out
  return { getState: store.getState, getInitialState: store.getInitialState, subscribe: store.subscribe };
}
