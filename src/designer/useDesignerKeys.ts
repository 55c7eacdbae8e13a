import { useEffect } from 'react';
import { isShortcutTarget } from './keyboard/keyTargets.ts';
import { deleteSelectionChanges } from './selectionEdits.ts';
import { useDesignerStore } from './useDesigner.ts';

/**
 * The designer's editing shortcuts: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z and Ctrl+Y redo, Delete and
 * Backspace delete the selection, Ctrl/Cmd+D duplicates it, Ctrl/Cmd+A selects every node and
 * Escape clears the selection. Text fields and open dialogs keep their own keys (their own undo
 * included). Copy, cut and paste are the browser's clipboard events (`useClipboardEvents`).
 */
export function useDesignerKeys(): void {
  const store = useDesignerStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!isShortcutTarget(event)) return;
      const state = store.getState();
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 'z') {
        event.preventDefault();
        if (event.shiftKey) state.redo();
        else state.undo();
      } else if (mod && key === 'y') {
        event.preventDefault();
        state.redo();
      } else if (mod && !event.shiftKey && key === 'd') {
        event.preventDefault(); // also the browser's "bookmark this page"
        state.duplicateSelection();
      } else if (mod && !event.shiftKey && key === 'a') {
        event.preventDefault();
        state.selectAll();
      } else if (!mod && event.key === 'Escape') {
        state.clear();
      } else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) {
        const changes = deleteSelectionChanges(state.selectedNodeIds, state.selectedEdgeIds);
        if (changes.length === 0) return;
        event.preventDefault();
        state.applyChanges(changes, { history: 'record' });
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, [store]);
}
