import { AsyncLocalStorage } from 'node:async_hooks';
import { setRunContextStorage } from '../functional/run-context-storage.js';

/**
 * Installs Node's `AsyncLocalStorage` as the store functional workflows use to tell `step()` which
 * run called it, so several functional runs may overlap in one process (without it, a second
 * functional run that starts while another is active is refused). Call it once at startup, before
 * any functional run starts; calling it again installs a fresh store.
 * @throws WorkflowStateError while a functional run is active.
 */
export function installAsyncLocalStorage(): void {
  setRunContextStorage(new AsyncLocalStorage<unknown>());
}
