/**
 * Every keyboard shortcut of the designer, as the help overlay lists them. The handlers live in
 * `useDesignerKeys` (editing), `useCanvasKeys` (the canvas and its dialogs), `useClipboardEvents`
 * (copy, cut, paste), React Flow itself (Tab, Enter) and the file commands' own hook (open, download).
 * `Mod` is Ctrl, or ⌘ on a Mac.
 */

/** One shortcut: the key combinations (any of them works) and what they do. */
export interface Shortcut {
  readonly keys: readonly string[];
  readonly action: string;
}

/** Shortcuts under a heading. */
export interface ShortcutGroup {
  readonly title: string;
  readonly shortcuts: readonly Shortcut[];
}

export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'Edit',
    shortcuts: [
      { keys: ['Mod+Z'], action: 'Undo' },
      { keys: ['Mod+Shift+Z', 'Ctrl+Y'], action: 'Redo' },
      { keys: ['Delete', 'Backspace'], action: 'Delete the selected nodes and edges' },
      { keys: ['Mod+C'], action: 'Copy the selected nodes (as workflow YAML)' },
      { keys: ['Mod+X'], action: 'Cut the selected nodes' },
      { keys: ['Mod+V'], action: 'Paste nodes (also from another tab)' },
      { keys: ['Mod+D'], action: 'Duplicate the selected nodes' },
    ],
  },
  {
    title: 'Select and move',
    shortcuts: [
      { keys: ['Tab', 'Shift+Tab'], action: 'Focus the next or previous node' },
      { keys: ['Enter', 'Space'], action: 'Select the focused node' },
      { keys: ['Mod+A'], action: 'Select all nodes' },
      { keys: ['Esc'], action: 'Clear the selection' },
      { keys: ['←', '↑', '→', '↓'], action: 'Move the selected nodes one grid step' },
      { keys: ['Shift+Arrow'], action: 'Move the selected nodes five grid steps' },
      { keys: ['C'], action: 'Connect the focused or selected node to another node' },
    ],
  },
  {
    title: 'View',
    shortcuts: [
      { keys: ['F', 'Shift+1'], action: 'Fit the whole workflow in view' },
      { keys: ['Shift+L'], action: 'Auto-layout the workflow' },
      { keys: ['?'], action: 'Show these shortcuts' },
    ],
  },
  {
    title: 'File',
    shortcuts: [
      { keys: ['Mod+O'], action: 'Open a workflow file' },
      { keys: ['Mod+S'], action: 'Download the workflow as YAML' },
    ],
  },
];

/** `Mod` spelled for this platform: ⌘ on Apple systems, Ctrl elsewhere. */
export function spellKeys(keys: string, apple: boolean): string {
  return keys.replace('Mod', apple ? '⌘' : 'Ctrl');
}
