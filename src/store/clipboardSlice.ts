import { copyToYaml, duplicateNodes, pasteFromYaml, type FlowPosition, type PasteResult } from '../model/index.ts';
import type { DesignerSlice, DesignerState, EditResult } from './designerState.ts';

/**
 * Copy, paste and duplicate through workflow YAML, so a selection travels between tabs, windows
 * and text editors. The store only produces and consumes text: the UI moves it to and from the
 * system clipboard (`navigator.clipboard`), which needs a user gesture the store cannot give.
 */
export interface ClipboardSlice {
  /** The YAML of the selected nodes and the connections among them; undefined when no node is selected. */
  copySelection: () => string | undefined;
  /**
   * Pastes workflow YAML as one undo step (ids taken are renamed, positions moved by `offset`,
   * default `PASTE_OFFSET`) and selects the pasted nodes. Text that is no workflow changes nothing.
   */
  paste: (text: string, options?: { readonly offset?: FlowPosition }) => EditResult;
  /** Duplicates the selected nodes in place (one undo step) and selects the copies. */
  duplicateSelection: () => EditResult;
}

/** Applies a paste as one recorded step and selects what it added. */
function applyPaste(state: DesignerState, paste: PasteResult): EditResult {
  if (!paste.ok) return { ok: false, reason: 'nothing_to_do', error: paste.error };
  const result = state.applyChanges(paste.changes, { history: 'record' });
  // actions are stable functions over `get()`, so calling them on an older state object is safe
  if (result.ok) state.select({ nodes: paste.nodeIds, edges: [] });
  return result;
}

/** The clipboard slice. */
export function createClipboardSlice(): DesignerSlice<ClipboardSlice> {
  return (_set, get) => ({
    copySelection: () => {
      const { definition, selectedNodeIds } = get();
      return copyToYaml(definition, selectedNodeIds);
    },

    paste: (text, options = {}) => {
      const state = get();
      return applyPaste(state, pasteFromYaml(state.definition, text, options));
    },

    duplicateSelection: () => {
      const state = get();
      if (state.selectedNodeIds.length === 0) return { ok: false, reason: 'nothing_to_do', error: 'nothing is selected' };
      return applyPaste(state, duplicateNodes(state.definition, state.selectedNodeIds));
    },
  });
}
