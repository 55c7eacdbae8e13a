import type { WorkflowDefinition } from '@trellis/engine';
import { applyChanges, ModelError, type GraphChange } from './changes.ts';

/**
 * Undo/redo as a value: entries of recorded changes with their inverses (the diffs `applyChange`
 * answered), and pure functions over it. Every document edit declares how the history treats it:
 * `record` (one undo step), `merge` (a continuous gesture: drag ticks, a burst of typing, squashed
 * into one step while its `mergeKey` repeats within the merge window) or `ignore` (not undoable:
 * the caller should use it only for edits that do not conflict with the recorded ones, and reset
 * the history with {@link createHistory} on a load). Selection is not a document change, so it
 * never reaches the history and never clears redo.
 */

/** One undo step. */
export interface HistoryEntry {
  /** What was done, in order (redo applies these). */
  readonly changes: readonly GraphChange[];
  /** What undoes it, in order (undo applies these). */
  readonly inverse: readonly GraphChange[];
}

/** The undo and redo stacks (last item = next step) and the gesture the last step may still absorb. */
export interface History {
  readonly past: readonly HistoryEntry[];
  readonly future: readonly HistoryEntry[];
  readonly open: { readonly mergeKey: string; readonly at: number } | undefined;
  /** At most this many undo steps are kept (the oldest go first). */
  readonly limit: number;
  /** Merged changes further apart than this (in the caller's clock, ms) start a new step. */
  readonly mergeWindowMs: number;
}

/** How a recorded edit enters the history. `at` is the caller's clock (e.g. `performance.now()`). */
export type RecordOptions =
  { readonly mode: 'record' } | { readonly mode: 'ignore' } | { readonly mode: 'merge'; readonly mergeKey: string; readonly at: number };

/** An empty history: 200 steps, a 1 s merge window, unless told otherwise. */
export function createHistory(options: { limit?: number; mergeWindowMs?: number } = {}): History {
  return { past: [], future: [], open: undefined, limit: options.limit ?? 200, mergeWindowMs: options.mergeWindowMs ?? 1000 };
}

/**
 * Records applied changes with the inverse `applyChanges` answered for them. A new step clears
 * redo. With `merge`, a step whose key is the open gesture's key, within the window of its last
 * change, is squashed into that gesture's step: a 30-tick drag is one undo.
 *
 * @example
 * const { definition: next, inverse } = applyChanges(definition, changes);
 * history = record(history, changes, inverse, { mode: 'merge', mergeKey: `drag:${ids.join(',')}`, at: event.timeStamp });
 */
export function record(
  history: History,
  changes: readonly GraphChange[],
  inverse: readonly GraphChange[],
  options: RecordOptions,
): History {
  if (options.mode === 'ignore' || changes.length === 0) return history;
  const last = history.past.at(-1);
  if (options.mode === 'merge') {
    const { open } = history;
    const gesture = { mergeKey: options.mergeKey, at: options.at };
    const joins = open?.mergeKey === options.mergeKey && options.at >= open.at && options.at - open.at <= history.mergeWindowMs;
    if (joins && last !== undefined) {
      const merged = { changes: join(last.changes, changes), inverse: join(inverse, last.inverse) };
      return { ...history, past: [...history.past.slice(0, -1), merged], future: [], open: gesture };
    }
    return push(history, { changes, inverse }, gesture);
  }
  return push(history, { changes, inverse }, undefined);
}

function push(history: History, entry: HistoryEntry, open: History['open']): History {
  const past = [...history.past, entry];
  return { ...history, past: past.slice(Math.max(0, past.length - history.limit)), future: [], open };
}

/**
 * `first` then `second`, with the change where they meet squashed when the later one overrides
 * the earlier entirely (the same nodes moved, the same fields set): a drag's step then holds one
 * move and one inverse move, however many ticks it had.
 */
function join(first: readonly GraphChange[], second: readonly GraphChange[]): GraphChange[] {
  const a = first.at(-1);
  const b = second[0];
  if (a !== undefined && b !== undefined && overrides(b, a)) return [...first.slice(0, -1), ...second];
  return [...first, ...second];
}

/** Whether applying `later` right after `earlier` leaves no trace of `earlier`. */
function overrides(later: GraphChange, earlier: GraphChange): boolean {
  const covers = (next: object, previous: object): boolean => Object.keys(previous).every((key) => Object.hasOwn(next, key));
  switch (later.type) {
    case 'moveNodes':
      return earlier.type === 'moveNodes' && earlier.moves.every((move) => later.moves.some((m) => m.id === move.id));
    case 'updateNode':
      return earlier.type === 'updateNode' && earlier.id === later.id && covers(later.patch, earlier.patch);
    case 'updateEdge':
      return earlier.type === 'updateEdge' && earlier.index === later.index && covers(later.patch, earlier.patch);
    case 'setWorkflowMeta':
      return earlier.type === 'setWorkflowMeta' && covers(later.patch, earlier.patch);
    case 'setStart':
    case 'replaceDocument':
      return earlier.type === later.type;
    default:
      return false;
  }
}

/** What undo or redo did: the new history and document, and the changes applied (for autosave and validation). */
export interface HistoryStep {
  history: History;
  definition: WorkflowDefinition;
  applied: readonly GraphChange[];
  /** Set when the step no longer applies (an ignored edit conflicted): the history is cleared, the document unchanged. */
  conflict?: ModelError;
}

/** Whether there is something to undo / redo. */
export function canUndo(history: History): boolean {
  return history.past.length > 0;
}

/** Whether there is something to redo. */
export function canRedo(history: History): boolean {
  return history.future.length > 0;
}

/** Undoes the last step (nothing to undo: everything unchanged, `applied` empty). */
export function undo(history: History, definition: WorkflowDefinition): HistoryStep {
  const entry = history.past.at(-1);
  if (entry === undefined) return { history, definition, applied: [] };
  return step(history, definition, entry.inverse, () => ({ past: history.past.slice(0, -1), future: [...history.future, entry] }));
}

/** Redoes the last undone step. */
export function redo(history: History, definition: WorkflowDefinition): HistoryStep {
  const entry = history.future.at(-1);
  if (entry === undefined) return { history, definition, applied: [] };
  // the inverse is taken afresh: it undoes exactly what this application did
  return step(history, definition, entry.changes, (inverse) => ({
    past: [...history.past, { changes: entry.changes, inverse }],
    future: history.future.slice(0, -1),
  }));
}

function step(
  history: History,
  definition: WorkflowDefinition,
  changes: readonly GraphChange[],
  stacks: (inverse: GraphChange[]) => Pick<History, 'past' | 'future'>,
): HistoryStep {
  try {
    const result = applyChanges(definition, changes);
    return { history: { ...history, ...stacks(result.inverse), open: undefined }, definition: result.definition, applied: changes };
  } catch (error: unknown) {
    if (!(error instanceof ModelError)) throw error;
    return { history: createHistory(history), definition, applied: [], conflict: error };
  }
}
