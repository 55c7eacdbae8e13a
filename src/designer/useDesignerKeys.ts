import { useEffect } from 'react';
import { deleteSelectionChanges } from './selectionEdits.ts';
import { useDesignerStore } from './useDesigner.ts';

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.monaco-editor') !== null) return true; // the YAML panel (its own undo and delete)
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/**
 * The designer's keyboard shortcuts: Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z and Ctrl+Y redo, Delete
 * and Backspace delete the selection. Text fields keep their own keys (their own undo included).
 */
export function useDesignerKeys(): void {
  const store = useDesignerStore();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || isTextEntry(event.target)) return;
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
