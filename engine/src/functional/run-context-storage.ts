import { WorkflowStateError } from '../errors.js';
import type { RunContext } from './run-context.js';

/**
 * An async-context store, the shape of Node's `AsyncLocalStorage`: `run(store, fn)` calls `fn` so
 * that `getStore()` answers `store` in everything `fn` starts, across `await`s. Installing one
 * (see {@link setRunContextStorage}) lets several functional runs overlap in one realm.
 */
export interface RunContextStorage {
  /** The store of the async context that is running, or undefined outside any `run`. */
  getStore(): unknown;
  /** Calls `fn` with `store` as the current store of every async continuation it starts. */
  run<R>(store: unknown, fn: () => R): R;
}

/** What `step()` needs from the functional run it is called in. */
export interface ActiveFunctionalRun {
  /** The run's context (what `getRunContext()` answers). */
  readonly context: RunContext;
  /** Runs (or replays from the cache) one call of a step. */
  callStep(name: string, call: () => unknown, args: readonly unknown[]): Promise<unknown>;
}

let provider: RunContextStorage | undefined;
/** Without a provider: the one functional run active in this realm. */
let slot: { run: ActiveFunctionalRun | undefined; workflowName: string } | undefined;
let activeRuns = 0;

/**
 * Installs (or, with `undefined`, removes) the async-context store functional runs use to tell
 * `step()` which run it is in. Without one, the core entry keeps a single "current run" slot per
 * realm, so a second functional run that starts while another is active is refused. In Node,
 * `installAsyncLocalStorage()` from `@trellis/engine/node` installs `AsyncLocalStorage`.
 * @throws WorkflowStateError while a functional run is active.
 */
export function setRunContextStorage(storage: RunContextStorage | undefined): void {
  if (activeRuns > 0) {
    throw new WorkflowStateError(
      `Cannot change the run context storage while ${String(activeRuns)} functional run(s) are active; install it before starting runs`,
    );
  }
  provider = storage;
}

/** The functional run the caller is in, or undefined outside any. */
export function currentFunctionalRun(): ActiveFunctionalRun | undefined {
  if (provider === undefined) return slot?.run;
  const store = provider.getStore();
  return isActiveRun(store) ? store : undefined;
}

/** A functional run's hold on the realm, from before it prepares until it ends. */
export interface RealmClaim {
  /** Makes `run` the one `step()` finds (once the run exists). */
  attach(run: ActiveFunctionalRun): void;
  /** Ends the hold; idempotent. */
  leave(): void;
}

/**
 * Registers a run as active for its whole lifetime. Without a provider the realm's slot must be
 * free: a second overlapping run is refused, since `step()` could not tell the two apart.
 * @throws WorkflowStateError when another functional run holds the slot.
 */
export function enterRealm(workflowName: string): RealmClaim {
  const usesSlot = provider === undefined;
  const mine: { run: ActiveFunctionalRun | undefined; workflowName: string } = { run: undefined, workflowName };
  if (usesSlot) {
    if (slot !== undefined) {
      throw new WorkflowStateError(
        `Functional workflow '${workflowName}' cannot start while functional workflow '${slot.workflowName}' is running: ` +
          'without an async-context store a step cannot tell which run called it. Await the other run first, or install one ' +
          "(installAsyncLocalStorage() from '@trellis/engine/node', or setRunContextStorage()).",
      );
    }
    slot = mine;
  }
  activeRuns++;
  let left = false;
  return {
    attach: (run) => {
      mine.run = run;
    },
    leave: () => {
      if (left) return;
      left = true;
      activeRuns--;
      if (slot === mine) slot = undefined;
    },
  };
}

/** Calls the workflow function so that `step()` finds `run` (inside the provider's context, if any). */
export function runInRealm<R>(run: ActiveFunctionalRun, fn: () => R): R {
  return provider === undefined ? fn() : provider.run(run, fn);
}

function isActiveRun(value: unknown): value is ActiveFunctionalRun {
  return typeof value === 'object' && value !== null && 'callStep' in value && typeof value.callStep === 'function';
}
