import { parseWorkflowYamlDocument, type WorkflowDefinition } from '@trellis/engine';
import {
  applyChanges,
  canRedo,
  canUndo,
  documentToYaml,
  problemsAfter,
  problemsByTarget,
  record,
  yamlToDocument,
  type ChangeResult,
  type GraphChange,
  type History,
  type RecordOptions,
} from '../model/index.ts';
import type { DesignerState, HistoryMode } from './designerState.ts';
import { prunedSelection } from './selectionSlice.ts';
import { EMPTY_TRAIL, trailAfterRecord } from './textTrail.ts';

/**
 * Pure transitions of the document state, shared by the slices: each takes the current state and
 * answers the fields to `set()`. Keeping them here means the document, its YAML text, its
 * problems, the history and the selection always change together, in one `set()`.
 */

/** The title of a new document. */
export const UNTITLED = 'Untitled workflow';

/** The document a new tab starts with, and the canvas of a stored text that does not parse. */
export function emptyDefinition(): WorkflowDefinition {
  return { workflow: { name: 'untitled', start: '', executors: [] } };
}

/** The text of a new document. */
export function newDocumentText(): string {
  return documentToYaml(emptyDefinition());
}

/** The fields that describe one open document, its history and selection. */
export type OpenedState = Pick<
  DesignerState,
  | 'documentId'
  | 'title'
  | 'definition'
  | 'yamlText'
  | 'lastGoodText'
  | 'yamlParsed'
  | 'yamlProblems'
  | 'problems'
  | 'history'
  | 'textTrail'
  | 'canUndo'
  | 'canRedo'
  | 'selectedNodeIds'
  | 'selectedEdgeIds'
>;

/**
 * The state of a document opened from its text: the text kept as it is; the canvas shows its
 * document when it parses, else an empty graph (the problems mark the text). Fresh history.
 */
export function openedState(document: { id: string; title: string; yamlText: string }, history: History): OpenedState {
  const empty = emptyDefinition();
  const sync = yamlToDocument(document.yamlText, empty);
  return {
    documentId: document.id,
    title: document.title,
    definition: sync.definition,
    yamlText: document.yamlText,
    lastGoodText: sync.parsed ? document.yamlText : documentToYaml(empty),
    yamlParsed: sync.parsed,
    yamlProblems: sync.problems,
    problems: problemsByTarget(sync.definition),
    history,
    textTrail: EMPTY_TRAIL,
    canUndo: false,
    canRedo: false,
    selectedNodeIds: [],
    selectedEdgeIds: [],
  };
}

/** The title a loaded text gets when none is given: its workflow's name, if it has one. */
export function titleOf(yamlText: string): string {
  const name = yamlToDocument(yamlText, emptyDefinition()).definition.workflow.name;
  return name === 'untitled' || name === '' ? UNTITLED : name;
}

/**
 * The fields after the document became `definition` through `applied`, shown as `text`. The
 * canvas problems are re-validated unless the changes were moves only; the text's problems
 * (`yamlProblems`, with lines) are taken from `yamlProblems` when the caller parsed the text
 * already, else kept on moves and re-read otherwise.
 */
export function committedState(
  state: DesignerState,
  definition: WorkflowDefinition,
  applied: readonly GraphChange[],
  text: string,
  yamlProblems?: DesignerState['yamlProblems'],
): Partial<DesignerState> {
  const movesOnly = applied.every((change) => change.type === 'moveNodes');
  return {
    definition,
    yamlText: text,
    lastGoodText: text,
    yamlParsed: true,
    yamlProblems: yamlProblems ?? (movesOnly ? state.yamlProblems : parseWorkflowYamlDocument(text).problems),
    problems: problemsAfter(state.definition, definition, applied),
    ...prunedSelection(state, definition),
    revision: state.revision + 1,
    dirty: true,
  };
}

/** The record options for a history mode, stamped with the store's clock when it has no `at`. */
export function recordOptions(mode: HistoryMode, now: () => number): RecordOptions {
  if (mode.history === 'merge') return { mode: 'merge', mergeKey: mode.mergeKey, at: mode.at ?? now() };
  return { mode: mode.history };
}

/**
 * The fields after `changes` were applied (`result`) and written as `text`, recorded in the
 * history (and the text trail) as `options` says.
 */
export function recordedState(
  state: DesignerState,
  changes: readonly GraphChange[],
  result: ChangeResult,
  text: string,
  options: RecordOptions,
  yamlProblems?: DesignerState['yamlProblems'],
): Partial<DesignerState> {
  const history = record(state.history, changes, result.inverse, options);
  return {
    ...committedState(state, result.definition, changes, text, yamlProblems),
    history,
    // the text that meant the old document: the panel's text, unless it is a broken draft the edit replaced
    textTrail: trailAfterRecord(state.textTrail, state.history, history, { before: state.lastGoodText, after: text }),
    canUndo: canUndo(history),
    canRedo: canRedo(history),
  };
}

/** Applies changes to the state's document and writes the text in place (comments kept). Throws `ModelError`. */
export function applyToState(state: DesignerState, changes: readonly GraphChange[]): { result: ChangeResult; text: string } {
  const result = applyChanges(state.definition, changes);
  return { result, text: documentToYaml(result.definition, state.yamlText) };
}
