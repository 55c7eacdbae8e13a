import type { Problem, WorkflowDefinition } from '@trellis/engine';
import { applyChanges, createHistory, ModelError, yamlToDocument, type GraphChange } from '../model/index.ts';
import { OK, type DesignerSlice, type EditResult, type HistoryMode, type HistoryOptions } from './designerState.ts';
import {
  applyToState,
  newDocumentText,
  openedState,
  recordedState,
  recordOptions,
  titleOf,
  UNTITLED,
  type OpenedState,
} from './documentState.ts';

/**
 * The open document: the workflow definition the canvas shows, the exact text of the YAML panel,
 * and the actions that edit either. Canvas edits are typed `GraphChange`s; the YAML text is
 * rewritten in place after each, so its comments survive. YAML edits keep the text as typed,
 * always; the canvas follows once the text parses.
 */
export interface DocumentSlice {
  /** The stored document's id. */
  documentId: string;
  /** Its name in the document list. */
  title: string;
  /** What the canvas shows: the last document the YAML text meant (the last good graph). */
  definition: WorkflowDefinition;
  /** The YAML panel's text, exactly as shown (and as saved), even when it does not parse. */
  yamlText: string;
  /** Whether `yamlText` gives a document the canvas can show. While false the canvas is read-only. */
  yamlParsed: boolean;
  /** The problems of `yamlText`, with lines and columns, for the editor's markers. */
  yamlProblems: readonly Problem[];
  /** The last text that meant `definition` (equal to `yamlText` while `yamlParsed`). */
  lastGoodText: string;
  /** Counts document changes (graph, text, title, a switch of document); autosave follows it. */
  revision: number;
  /** Whether there are changes not saved yet. */
  dirty: boolean;
  /**
   * Applies canvas edits as one unit and records them as `mode` says. Refused (no change) while
   * the YAML text does not parse, and when a change is impossible (an unknown id: a `ModelError`).
   *
   * @example
   * store.getState().applyChanges([{ type: 'moveNodes', moves }], { history: 'merge', mergeKey: `drag:${ids}`, at: event.timeStamp });
   */
  applyChanges: (changes: readonly GraphChange[], mode: HistoryMode) => EditResult;
  /**
   * The YAML panel's text changed. The text is kept as typed. When it parses into a different
   * document, that document replaces the canvas's as one `replaceDocument` merged into the
   * typing burst (key `yaml`); when it does not parse, the canvas keeps the last good graph and
   * `yamlProblems` marks the text.
   */
  editYaml: (text: string) => void;
  /** Opens a text (an example, an imported file) as a new document with a fresh history. */
  loadDocument: (document: { readonly yamlText: string; readonly title?: string; readonly id?: string }) => void;
  /** Starts a new, empty document with a fresh history. */
  newDocument: (title?: string) => void;
}

/** What the document slice needs from outside. */
export interface DocumentSliceDeps {
  readonly now: () => number;
  readonly createId: () => string;
  readonly historyOptions: HistoryOptions;
}

/** The document slice. */
export function createDocumentSlice(deps: DocumentSliceDeps, opened: OpenedState): DesignerSlice<DocumentSlice> {
  return (set, get) => {
    const open = (document: { id: string; title: string; yamlText: string }): void => {
      set((state) => ({ ...openedState(document, createHistory(deps.historyOptions)), revision: state.revision + 1, dirty: true }));
    };
    return {
      documentId: opened.documentId,
      title: opened.title,
      definition: opened.definition,
      yamlText: opened.yamlText,
      yamlParsed: opened.yamlParsed,
      yamlProblems: opened.yamlProblems,
      lastGoodText: opened.lastGoodText,
      revision: 0,
      dirty: false,

      applyChanges: (changes, mode) => {
        const state = get();
        if (!state.yamlParsed) {
          return { ok: false, reason: 'yaml_invalid', error: 'the YAML text does not parse: fix it before editing the canvas' };
        }
        if (changes.length === 0) return OK;
        try {
          const { result, text } = applyToState(state, changes);
          set(recordedState(state, changes, result, text, recordOptions(mode, deps.now)));
          return OK;
        } catch (error: unknown) {
          if (error instanceof ModelError) return { ok: false, reason: 'invalid_change', error: error.message };
          throw error;
        }
      },

      editYaml: (text) => {
        const state = get();
        if (text === state.yamlText) return;
        const sync = yamlToDocument(text, state.definition);
        const revision = state.revision + 1;
        if (!sync.parsed) {
          set({ yamlText: text, yamlParsed: false, yamlProblems: sync.problems, revision, dirty: true });
          return;
        }
        if (sync.definition === state.definition) {
          // the same document (a comment, spacing, quoting): no graph change, nothing to undo
          set({ yamlText: text, lastGoodText: text, yamlParsed: true, yamlProblems: sync.problems, revision, dirty: true });
          return;
        }
        const changes: GraphChange[] = [{ type: 'replaceDocument', definition: sync.definition }];
        const result = applyChanges(state.definition, changes);
        const options = recordOptions({ history: 'merge', mergeKey: 'yaml' }, deps.now);
        set(recordedState(state, changes, result, text, options, sync.problems));
      },

      loadDocument: ({ yamlText, title, id }) => {
        open({ id: id ?? deps.createId(), title: title ?? titleOf(yamlText), yamlText });
      },

      newDocument: (title) => {
        open({ id: deps.createId(), title: title ?? UNTITLED, yamlText: newDocumentText() });
      },
    };
  };
}
