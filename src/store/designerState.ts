import type { StateCreator } from 'zustand/vanilla';
import type { ClipboardSlice } from './clipboardSlice.ts';
import type { DocumentSlice } from './documentSlice.ts';
import type { HistorySlice } from './historySlice.ts';
import type { PersistenceSlice } from './persistenceSlice.ts';
import type { ProblemsSlice } from './problemsSlice.ts';
import type { SelectionSlice } from './selectionSlice.ts';

/**
 * The designer's whole state: one zustand store built from slices. Every slice may read the
 * whole state with `get()`; each owns its own fields and the actions that change them, and the
 * only way to change the state from outside is to call an action.
 */
export type DesignerState = DocumentSlice & HistorySlice & SelectionSlice & ProblemsSlice & PersistenceSlice & ClipboardSlice;

/** A slice creator over the whole designer state. */
export type DesignerSlice<T> = StateCreator<DesignerState, [], [], T>;

/** The store as the UI holds it: read, subscribe, call actions; no `setState` from outside. */
export interface DesignerStore {
  getState: () => DesignerState;
  getInitialState: () => DesignerState;
  subscribe: (listener: (state: DesignerState, previous: DesignerState) => void) => () => void;
}

/** How a document edit enters the undo history (see `History` in `src/model`). */
export type HistoryMode =
  | { readonly history: 'record' }
  | { readonly history: 'ignore' }
  /** A continuous gesture: drag ticks (`drag:<ids>`), typing (`type:<nodeId>:<field>`). `at` defaults to the store's clock. */
  | { readonly history: 'merge'; readonly mergeKey: string; readonly at?: number };

/** The undo history's size and merge window (defaults: 200 steps, 1000 ms). */
export interface HistoryOptions {
  readonly limit?: number;
  readonly mergeWindowMs?: number;
}

/** What an editing action answers: done, or why nothing changed. Plain data. */
export type EditResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'yaml_invalid' | 'invalid_change' | 'nothing_to_do'; readonly error: string };

/** The success result (one shared object). */
export const OK: EditResult = { ok: true };
