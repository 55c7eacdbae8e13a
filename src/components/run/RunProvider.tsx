import type { ReactNode } from 'react';
import { RunContext } from '../../run/runContext.ts';
import type { RunStore } from '../../run/runStore.ts';

/** Hands the run store to the components below. */
export function RunProvider({ store, children }: { store: RunStore; children: ReactNode }) {
  return <RunContext value={store}>{children}</RunContext>;
}
