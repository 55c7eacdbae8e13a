import type { DocumentStorage, StoredDocument } from './documentStorage.ts';

/**
 * The autosaver behind the persistence slice: debounced saves of the open document, and one
 * queue through which every storage call passes, so writes land in the order they were made (a
 * save of a document is never overtaken by its deletion, nor by a later save).
 */

/** Runs `callback` after `ms`; answers a function that cancels it. Injected so tests control time. */
export type ScheduleTimeout = (callback: () => void, ms: number) => () => void;

/** The browser's (or Node's) `setTimeout`. */
export const realTimeout: ScheduleTimeout = (callback, ms) => {
  const handle = setTimeout(callback, ms);
  return () => {
    clearTimeout(handle);
  };
};

/** What the autosaver needs. */
export interface AutosaverDeps {
  readonly storage: DocumentStorage;
  readonly schedule: ScheduleTimeout;
  readonly delayMs: number;
  /** What to save now (undefined: nothing unsaved); read synchronously when a save is decided. */
  readonly snapshot: () => StoredDocument | undefined;
  /** Told when a save landed or failed (to clear `dirty`, update the list, show an error). */
  readonly onSaved: (document: StoredDocument) => void;
  readonly onError: (error: unknown) => void;
}

/** The autosaver's handle. */
export interface Autosaver {
  /** (Re)starts the debounce: the document is saved `delayMs` after the last call. */
  schedule: () => void;
  /** Cancels a pending debounced save (the document was deleted, or is saved another way). */
  cancel: () => void;
  /** Saves now what `snapshot` answers, if anything; resolves once it is written. */
  flush: () => Promise<void>;
  /** Writes a given document (e.g. the one just switched away from) in queue order. */
  write: (document: StoredDocument) => Promise<void>;
  /** Runs a storage call in queue order; its result or error goes to the caller only. */
  enqueue: <T>(operation: () => Promise<T>) => Promise<T>;
}

/** Creates an {@link Autosaver}. */
export function createAutosaver(deps: AutosaverDeps): Autosaver {
  let cancelPending: (() => void) | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const enqueue = <T>(operation: () => Promise<T>): Promise<T> => {
    const run = queue.then(operation);
    queue = run.catch(() => undefined);
    return run;
  };

  const cancel = (): void => {
    cancelPending?.();
    cancelPending = undefined;
  };

  const write = (document: StoredDocument): Promise<void> =>
    enqueue(async () => {
      try {
        await deps.storage.save(document);
        deps.onSaved(document);
      } catch (error: unknown) {
        deps.onError(error);
      }
    });

  const flush = (): Promise<void> => {
    cancel();
    // the snapshot is taken now, not when the queue gets to it: a later switch of document must not change what is saved
    const document = deps.snapshot();
    return document === undefined ? enqueue(() => Promise.resolve()) : write(document);
  };

  const schedule = (): void => {
    cancel();
    cancelPending = deps.schedule(() => {
      cancelPending = undefined;
      void flush();
    }, deps.delayMs);
  };

  return { schedule, cancel, flush, write, enqueue };
}
