import { useEffect, useEffectEvent } from 'react';

/** What the file shortcuts do. */
export interface FileShortcutActions {
  /** Ctrl/Cmd+O. */
  readonly open: () => void;
  /** Ctrl/Cmd+S. */
  readonly download: () => void;
}

/**
 * Ctrl/Cmd+O opens a workflow file and Ctrl/Cmd+S downloads the open one, from anywhere in the
 * page (text fields and the YAML editor included: the browser's own "open" and "save page" are
 * never what a designer user means here).
 */
export function useFileShortcuts(actions: FileShortcutActions): void {
  const onShortcut = useEffectEvent((key: 'o' | 's') => {
    if (key === 'o') actions.open();
    else actions.download();
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.altKey || event.shiftKey || !(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key !== 'o' && key !== 's') return;
      event.preventDefault();
      onShortcut(key);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
  }, []);
}
