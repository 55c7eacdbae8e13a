import type { Problem, WorkflowDefinition } from '@trellis/engine';
import { edgesOf, keepEdgeIdentity, keepNodeIdentity, nodesOf, type CanvasEdge, type CanvasNode } from '../model/index.ts';
import type { DesignerState } from './designerState.ts';

/**
 * Module-level selectors for the UI (`useStore(store, selectCanvasNodes)`). Those answering a
 * derived list are memoised per definition object, so they answer the same array until the
 * document changes and components re-render only then. Those picking several fields answer a new
 * object each time: use them with `useShallow`. Per-item problems: `selectNodeProblems`,
 * `selectEdgeProblems` (in `problemsSlice.ts`).
 */

function memoByDefinition<T>(derive: (definition: WorkflowDefinition) => T): (state: DesignerState) => T {
  const cache = new WeakMap<WorkflowDefinition, T>();
  return (state) => {
    const hit = cache.get(state.definition);
    if (hit !== undefined) return hit;
    const value = derive(state.definition);
    cache.set(state.definition, value);
    return value;
  };
}

/**
 * Like {@link memoByDefinition}, and a new document's items that equal the last answer's keep
 * their identity (see `keepNodeIdentity`): moving one node of 500 gives 499 unchanged objects, so
 * the canvas redraws one node. (Shared by every store in the process; that only costs a miss.)
 */
function memoSharing<T>(derive: (definition: WorkflowDefinition) => T[], keep: (previous: readonly T[], next: T[]) => T[]) {
  let last: readonly T[] = [];
  return memoByDefinition((definition) => {
    const kept = keep(last, derive(definition));
    last = kept;
    return kept;
  });
}

/** The canvas nodes (same array until the document changes; unchanged nodes keep their identity). */
export const selectCanvasNodes: (state: DesignerState) => CanvasNode[] = memoSharing(nodesOf, keepNodeIdentity);

/** The canvas edges, dangling ones included (same array until the edges change; unchanged ones keep their identity). */
export const selectCanvasEdges: (state: DesignerState) => CanvasEdge[] = memoSharing(edgesOf, keepEdgeIdentity);

/** Whether undo and redo are possible (for toolbar buttons; use with `useShallow`). */
export const selectHistoryFlags = (state: DesignerState): { canUndo: boolean; canRedo: boolean } => ({
  canUndo: state.canUndo,
  canRedo: state.canRedo,
});

/** What the YAML panel shows: its text, whether it parses, its markers (use with `useShallow`). */
export const selectYamlPanel = (state: DesignerState): { text: string; parsed: boolean; problems: readonly Problem[] } => ({
  text: state.yamlText,
  parsed: state.yamlParsed,
  problems: state.yamlProblems,
});

/** Problems of the workflow as a whole (a bad `start`, the name). */
export const selectWorkflowProblems = (state: DesignerState): readonly Problem[] => state.problems.workflow;

/** The save indicator: unsaved changes and the last error (use with `useShallow`). */
export const selectSaveStatus = (
  state: DesignerState,
): { dirty: boolean; saveError: string | undefined; lastSavedAt: number | undefined } => ({
  dirty: state.dirty,
  saveError: state.saveError,
  lastSavedAt: state.lastSavedAt,
});
