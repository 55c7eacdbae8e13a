import { canRedo, canUndo, redo as redoStep, undo as undoStep, type History, type HistoryStep } from '../model/index.ts';
import type { DesignerSlice, DesignerState } from './designerState.ts';
import type { OpenedState } from './documentState.ts';
import { committedState } from './documentState.ts';
import { EMPTY_TRAIL, textAfterStep, trailAfterRedo, trailAfterUndo, type TextStep, type TextTrail } from './textTrail.ts';

/**
 * Undo and redo over the recorded graph changes. The history itself is the model's `History`
 * value; alongside it the slice keeps the YAML text before and after each step (`textTrail`), so
 * undoing gives the panel back the author's exact bytes. Selection never enters the history.
 */
export interface HistorySlice {
  /** The undo and redo stacks (recorded by the document actions). */
  history: History;
  /** The YAML texts around each history entry. */
  textTrail: TextTrail;
  /** Whether `undo` would do something (false while the YAML text does not parse). */
  canUndo: boolean;
  /** Whether `redo` would do something (false while the YAML text does not parse). */
  canRedo: boolean;
  /**
   * Undoes the last step, whole (a 30-tick drag, a typing burst). Returns false when there is
   * nothing to undo, while the YAML text does not parse (the panel's own undo handles that text),
   * or when the step no longer applies (the history is then cleared).
   */
  undo: () => boolean;
  /** Redoes the last undone step; false as for `undo`. */
  redo: () => boolean;
}

/** The fields after an undo or redo `step`, the panel text written through `text` (see `textAfterStep`). */
function steppedState(
  state: DesignerState,
  step: HistoryStep,
  text: { from: string; to: string } | undefined,
  trail: TextTrail,
): Partial<DesignerState> {
  if (step.conflict !== undefined) return { history: step.history, textTrail: EMPTY_TRAIL, canUndo: false, canRedo: false };
  return {
    ...committedState(state, step.definition, step.applied, textAfterStep(step.definition, state.yamlText, text)),
    history: step.history,
    textTrail: trail,
    canUndo: canUndo(step.history),
    canRedo: canRedo(step.history),
  };
}

const undoText = (step: TextStep | undefined) => (step === undefined ? undefined : { from: step.after, to: step.before });
const redoText = (step: TextStep | undefined) => (step === undefined ? undefined : { from: step.before, to: step.after });

/** The history slice. */
export function createHistorySlice(opened: OpenedState): DesignerSlice<HistorySlice> {
  return (set, get) => ({
    history: opened.history,
    textTrail: opened.textTrail,
    canUndo: opened.canUndo,
    canRedo: opened.canRedo,

    undo: () => {
      const state = get();
      if (!state.yamlParsed || !canUndo(state.history)) return false;
      const step = undoStep(state.history, state.definition);
      set(steppedState(state, step, undoText(state.textTrail.past.at(-1)), trailAfterUndo(state.textTrail)));
      return step.conflict === undefined;
    },

    redo: () => {
      const state = get();
      if (!state.yamlParsed || !canRedo(state.history)) return false;
      const step = redoStep(state.history, state.definition);
      set(steppedState(state, step, redoText(state.textTrail.future.at(-1)), trailAfterRedo(state.textTrail)));
      return step.conflict === undefined;
    },
  });
}
