import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { RunState } from './runState.ts';
import type { RunStore, RunStoreState } from './runStore.ts';

/** The one run store of the app, provided by `RunProvider`. */
export const RunContext = createContext<RunStore | null>(null);

/** The run store itself, for calling actions inside event handlers. */
export function useRunStore(): RunStore {
  const store = useContext(RunContext);
  if (store === null) throw new Error('useRun needs a <RunProvider> above it');
  return store;
}

/** Subscribes to one slice of the run store (keep selectors narrow: a node's entry, an edge's). */
export function useRunStoreState<T>(selector: (state: RunStoreState) => T): T {
  return useStore(useRunStore(), selector);
}

/** Subscribes to one slice of the current run. */
export function useRun<T>(selector: (run: RunState) => T): T {
  return useStore(useRunStore(), (state) => selector(state.run));
}
