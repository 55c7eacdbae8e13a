import { createHistory } from '../model/index.ts';
import { createAutosaver, type ScheduleTimeout } from './autosave.ts';
import type { DesignerSlice, DesignerState, HistoryOptions } from './designerState.ts';
import { openedState } from './documentState.ts';
import type { DocumentStorage, DocumentSummary, StoredDocument } from './documentStorage.ts';

/**
 * Keeping workflows: autosave of the open document (debounced after every document change, and
 * at once on `flush`), the list of stored workflows, opening, renaming and deleting them, and
 * reopening the last one after a reload. What is stored is the YAML panel's text, exactly: a
 * reload, a crash or a closed tab loses at most the debounce window, and nothing if the UI calls
 * `flush()` on `pagehide` and on `visibilitychange` to hidden.
 */
export interface PersistenceSlice {
  /** Whether `restore()` has finished (until then the UI shows a loading state, not the editor). */
  ready: boolean;
  /** The stored workflows, most recent first, as last listed or saved. */
  documents: readonly DocumentSummary[];
  /** When the open document was last saved (store clock); undefined before its first save. */
  lastSavedAt: number | undefined;
  /** The last storage error, cleared by the next successful save. */
  saveError: string | undefined;
  /**
   * Reopens the last open workflow (else the most recent); with nothing stored (a first visit),
   * opens `options.firstDocument()` when given (the app: an example) or else a new, empty one.
   * Call once at start-up.
   */
  restore: (options?: RestoreOptions) => Promise<void>;
  /** Saves now if anything is unsaved (call on `pagehide` and `visibilitychange`). */
  flush: () => Promise<void>;
  /** Reads the list of stored workflows (also kept in `documents`). */
  listDocuments: () => Promise<readonly DocumentSummary[]>;
  /** Opens a stored workflow (saving the open one first); false when there is none with this id. */
  openDocument: (id: string) => Promise<boolean>;
  /** Renames a stored workflow, or the open one. */
  renameDocument: (id: string, title: string) => Promise<void>;
  /** Deletes a stored workflow; deleting the open one opens the most recent other one (or a new one). */
  deleteDocument: (id: string) => Promise<void>;
}

/** What `restore()` opens on a first visit. */
export interface RestoreOptions {
  /** The document to start with when nothing is stored; undefined (or a failure) gives a new, empty one. */
  readonly firstDocument?: () => Promise<{ readonly yamlText: string; readonly title: string } | undefined>;
}

/** What the persistence slice needs from outside. */
export interface PersistenceSliceDeps {
  readonly storage: DocumentStorage;
  readonly now: () => number;
  readonly schedule: ScheduleTimeout;
  readonly autosaveDelayMs: number;
  readonly historyOptions: HistoryOptions;
}

function storedOf(state: DesignerState, updatedAt: number): StoredDocument {
  return { id: state.documentId, title: state.title, yamlText: state.yamlText, updatedAt };
}

function upsert(documents: readonly DocumentSummary[], saved: StoredDocument): DocumentSummary[] {
  const summary = { id: saved.id, title: saved.title, updatedAt: saved.updatedAt };
  return [summary, ...documents.filter((document) => document.id !== saved.id)];
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The persistence slice. It subscribes to the store: every document change schedules a save. */
export function createPersistenceSlice(deps: PersistenceSliceDeps): DesignerSlice<PersistenceSlice> {
  return (set, get, api) => {
    const { storage } = deps;
    const autosaver = createAutosaver({
      storage,
      schedule: deps.schedule,
      delayMs: deps.autosaveDelayMs,
      snapshot: () => {
        const state = get();
        return state.dirty ? storedOf(state, deps.now()) : undefined;
      },
      onSaved: (saved) => {
        set((state) => {
          // still dirty if the document changed while it was being written
          const current = state.documentId === saved.id && state.title === saved.title && state.yamlText === saved.yamlText;
          return {
            documents: upsert(state.documents, saved),
            saveError: undefined,
            ...(state.documentId === saved.id ? { lastSavedAt: saved.updatedAt } : {}),
            ...(current ? { dirty: false } : {}),
          };
        });
      },
      onError: (error) => {
        set({ saveError: messageOf(error) });
      },
    });

    api.subscribe((state, previous) => {
      if (state.documentId !== previous.documentId) {
        autosaver.cancel();
        // the document switched away from is saved as it was left
        if (previous.dirty) void autosaver.write(storedOf(previous, deps.now()));
        autosaver
          .enqueue(() => storage.setLastOpenedId(state.documentId))
          .catch((error: unknown) => {
            set({ saveError: messageOf(error) });
          });
        if (state.dirty) autosaver.schedule();
      } else if (state.revision !== previous.revision && state.dirty) {
        autosaver.schedule();
      }
    });

    const listDocuments = async (): Promise<readonly DocumentSummary[]> => {
      const documents = await autosaver.enqueue(() => storage.list());
      set({ documents });
      return documents;
    };

    const openDocument = async (id: string): Promise<boolean> => {
      if (id === get().documentId) return true;
      const stored = await autosaver.enqueue(() => storage.load(id));
      if (stored === undefined) return false;
      set((state) => ({
        ...openedState(stored, createHistory(deps.historyOptions)),
        revision: state.revision + 1,
        dirty: false,
        lastSavedAt: stored.updatedAt,
      }));
      return true;
    };

    return {
      ready: false,
      documents: [],
      lastSavedAt: undefined,
      saveError: undefined,

      restore: async (options = {}) => {
        let firstVisit = false;
        try {
          const lastId = await autosaver.enqueue(() => storage.getLastOpenedId());
          const documents = await listDocuments();
          for (const id of [lastId, ...documents.map((document) => document.id)]) {
            if (id !== undefined && (await openDocument(id))) {
              set({ ready: true });
              return;
            }
          }
          firstVisit = documents.length === 0;
        } catch (error: unknown) {
          set({ saveError: messageOf(error) });
        }
        const first = firstVisit && options.firstDocument !== undefined ? await options.firstDocument().catch(() => undefined) : undefined;
        if (first === undefined) get().newDocument();
        else get().loadDocument(first);
        set({ ready: true });
      },

      flush: () => autosaver.flush(),
      listDocuments,
      openDocument,

      renameDocument: async (id, title) => {
        if (id === get().documentId) {
          set((state) => ({ title, revision: state.revision + 1, dirty: true }));
          await autosaver.flush();
          return;
        }
        await autosaver.enqueue(() => storage.rename(id, title));
        set((state) => ({ documents: state.documents.map((document) => (document.id === id ? { ...document, title } : document)) }));
      },

      deleteDocument: async (id) => {
        const wasOpen = id === get().documentId;
        if (wasOpen) {
          // a pending or later save must not bring the deleted document back
          autosaver.cancel();
          set({ dirty: false });
        }
        await autosaver.enqueue(() => storage.delete(id));
        const documents = await listDocuments();
        if (!wasOpen || id !== get().documentId) return;
        const next = documents[0];
        if (next === undefined || !(await openDocument(next.id))) get().newDocument();
      },
    };
  };
}
