import { useCallback, useEffect } from 'react';
import type { DesignerStore, EditResult } from '../../store/index.ts';
import { deleteSelectionChanges } from '../selectionEdits.ts';
import { useDesignerStore } from '../useDesigner.ts';
import { hasTextSelection, isInDialog, isTextEntry } from './keyTargets.ts';

/** What the canvas's clipboard buttons do. Each reports what went wrong, if anything, through `report`. */
export interface CanvasClipboard {
  copy: () => Promise<void>;
  cut: () => Promise<void>;
  paste: () => Promise<void>;
  duplicate: () => void;
}

const NOTHING_SELECTED = 'Select one or more nodes first.';

/** Why a paste or duplicate changed nothing, in words; undefined when it worked. */
function failureOf(result: EditResult, what: string): string | undefined {
  if (result.ok) return undefined;
  if (result.reason === 'yaml_invalid') return `Cannot ${what} while the YAML has errors.`;
  return `Nothing to ${what}: ${result.error}.`;
}

function cutSelection(store: DesignerStore): void {
  const state = store.getState();
  state.applyChanges(deleteSelectionChanges(state.selectedNodeIds, []), { history: 'record' });
}

/**
 * Copy, cut, paste and duplicate of canvas nodes, as workflow YAML on the clipboard (the store's
 * `copySelection` and `paste`), so nodes travel between tabs and windows and into text editors.
 *
 * The keys (Ctrl/Cmd+C, X, V) go through the browser's own `copy`, `cut` and `paste` events, whose
 * `clipboardData` needs no permission; these are left alone in text fields, the YAML editor,
 * dialogs, and while the user has text selected, so copying text still copies text. The buttons
 * have no such event and use `navigator.clipboard`, which the browser may refuse.
 */
export function useCanvasClipboard(report: (message: string | undefined) => void): CanvasClipboard {
  const store = useDesignerStore();

  useEffect(() => {
    const ours = (event: ClipboardEvent): boolean => !event.defaultPrevented && !isTextEntry(event.target) && !isInDialog(event.target);
    const onCopyOrCut = (event: ClipboardEvent): void => {
      if (!ours(event) || event.clipboardData === null || hasTextSelection()) return;
      const yaml = store.getState().copySelection();
      if (yaml === undefined) return; // no node selected: the browser does what it normally does
      event.preventDefault();
      event.clipboardData.setData('text/plain', yaml);
      if (event.type === 'cut') cutSelection(store);
      report(undefined);
    };
    const onPaste = (event: ClipboardEvent): void => {
      if (!ours(event) || event.clipboardData === null) return;
      event.preventDefault();
      report(failureOf(store.getState().paste(event.clipboardData.getData('text/plain')), 'paste'));
    };
    document.addEventListener('copy', onCopyOrCut);
    document.addEventListener('cut', onCopyOrCut);
    document.addEventListener('paste', onPaste);
    return () => {
      document.removeEventListener('copy', onCopyOrCut);
      document.removeEventListener('cut', onCopyOrCut);
      document.removeEventListener('paste', onPaste);
    };
  }, [store, report]);

  const copyOrCut = useCallback(
    async (cut: boolean): Promise<void> => {
      const yaml = store.getState().copySelection();
      if (yaml === undefined) {
        report(NOTHING_SELECTED);
        return;
      }
      try {
        await navigator.clipboard.writeText(yaml);
      } catch (error) {
        report(`The browser did not allow writing to the clipboard (${messageOf(error)}). Use Ctrl+C instead.`);
        return;
      }
      if (cut) cutSelection(store);
      report(undefined);
    },
    [store, report],
  );

  const paste = useCallback(async (): Promise<void> => {
    let text: string;
    try {
      text = await navigator.clipboard.readText();
    } catch (error) {
      report(`The browser did not allow reading the clipboard (${messageOf(error)}). Use Ctrl+V instead.`);
      return;
    }
    report(failureOf(store.getState().paste(text), 'paste'));
  }, [store, report]);

  const duplicate = useCallback((): void => {
    const state = store.getState();
    report(state.selectedNodeIds.length === 0 ? NOTHING_SELECTED : failureOf(state.duplicateSelection(), 'duplicate'));
  }, [store, report]);

  return {
    copy: useCallback(() => copyOrCut(false), [copyOrCut]),
    cut: useCallback(() => copyOrCut(true), [copyOrCut]),
    paste,
    duplicate,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
