/**
 * Where a key press happened, for the designer's global shortcuts: text fields and the YAML editor
 * keep their own keys (their own undo, copy, arrows), and an open dialog owns every key.
 */

/** Whether `target` edits text: an input, a text area, a select, editable content or the Monaco editor. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.closest('.monaco-editor') !== null) return true; // the YAML panel (its own undo and delete)
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** Whether `target` is inside a dialog (the shortcuts overlay, the connect dialog, a menu of another panel). */
export function isInDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('dialog, [role="dialog"], [role="alertdialog"]') !== null;
}

/** Whether a global designer shortcut may act on this key press. */
export function isShortcutTarget(event: KeyboardEvent): boolean {
  return !event.defaultPrevented && !isTextEntry(event.target) && !isInDialog(event.target);
}

/** The canvas node element `target` is in (a focused node), if any: its node id. */
export function nodeIdOf(target: EventTarget | null): string | undefined {
  if (!(target instanceof Element)) return undefined;
  return target.closest('.react-flow__node')?.getAttribute('data-id') ?? undefined;
}

/** Whether the page has text selected outside a text field (the user is copying text, not nodes). */
export function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== '';
}
