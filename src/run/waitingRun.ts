import { readItem, type KeyValueStorage } from './modelSettings.ts';

/**
 * A run waiting for a person, remembered across reloads: per document (the checkpoint scope), the
 * requests it waits on. The run itself is not named: a reload resumes the scope's latest
 * checkpoint as a new run, and the requests themselves (prompt, answer type) are not stored here
 * either: resuming emits them again. Nothing secret is stored (no model settings).
 */
export interface WaitingRun {
  readonly checkpointScope: string;
  readonly requestIds: readonly string[];
}

const PREFIX = 'trellis.waitingRun:';

/** The run the document `checkpointScope` left waiting, if any. */
export function loadWaitingRun(storage: KeyValueStorage | undefined, checkpointScope: string): WaitingRun | undefined {
  const raw = readItem(storage, PREFIX + checkpointScope);
  if (raw === undefined) return undefined;
  try {
    const value = JSON.parse(raw) as unknown;
    if (typeof value !== 'object' || value === null) return undefined;
    const { requestIds } = value as Record<string, unknown>;
    if (!Array.isArray(requestIds)) return undefined;
    const ids = requestIds.filter((id): id is string => typeof id === 'string');
    return ids.length === 0 ? undefined : { checkpointScope, requestIds: ids };
  } catch {
    return undefined;
  }
}

/** Remembers a waiting run, or forgets the document's waiting run when `requestIds` is empty. */
export function saveWaitingRun(storage: KeyValueStorage | undefined, run: WaitingRun): void {
  try {
    if (run.requestIds.length === 0) storage?.removeItem(PREFIX + run.checkpointScope);
    else storage?.setItem(PREFIX + run.checkpointScope, JSON.stringify({ requestIds: run.requestIds }));
  } catch {
    // storage full or refused: the run still works, it just will not survive a reload
  }
}

/** Forgets the document's waiting run. */
export function clearWaitingRun(storage: KeyValueStorage | undefined, checkpointScope: string): void {
  try {
    storage?.removeItem(PREFIX + checkpointScope);
  } catch {
    // refused: nothing to forget
  }
}
