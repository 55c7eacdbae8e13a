import { useEffect, useId, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useNotify } from '../../designer/files/noticeContext.ts';
import { useFileExports } from '../../designer/files/useFileExports.ts';
import { useFileShortcuts } from '../../designer/files/useFileShortcuts.ts';
import { useOpenFiles } from '../../designer/files/useOpenFiles.ts';
import './files.css';

type FileAction = 'open' | 'download-yaml' | 'export-mermaid' | 'export-svg' | 'export-png';

interface FileMenuItem {
  readonly action: FileAction;
  readonly label: string;
  /** The shortcut as shown, and as `aria-keyshortcuts` says it. */
  readonly shortcut?: { readonly shown: string; readonly aria: string };
}

const ITEMS: readonly FileMenuItem[] = [
  { action: 'open', label: 'Open…', shortcut: { shown: 'Ctrl+O', aria: 'Control+O Meta+O' } },
  { action: 'download-yaml', label: 'Download YAML', shortcut: { shown: 'Ctrl+S', aria: 'Control+S Meta+S' } },
  { action: 'export-mermaid', label: 'Export Mermaid (.mmd)' },
  { action: 'export-svg', label: 'Export SVG' },
  { action: 'export-png', label: 'Export PNG' },
];

/** The file types the picker offers. */
const ACCEPT = '.yaml,.yml,text/yaml';

/**
 * The toolbar's File menu: open a workflow file, download the YAML, export the diagram and the
 * canvas. A menu button: Enter, Space or ArrowDown opens it on the first item (ArrowUp on the
 * last), arrows, Home and End move, Escape closes it and gives the focus back to the button, Tab
 * or a click elsewhere closes it. Ctrl/Cmd+O and Ctrl/Cmd+S work from anywhere.
 */
export function FileMenu() {
  const menuId = useId();
  const notify = useNotify();
  const openFiles = useOpenFiles(notify);
  const exports = useFileExports();
  const [open, setOpen] = useState(false);
  const [focusIndex, setFocusIndex] = useState(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);

  const pickFile = () => {
    inputRef.current?.click();
  };
  useFileShortcuts({ open: pickFile, download: exports.downloadYaml });

  useEffect(() => {
    if (open) itemRefs.current[focusIndex]?.focus();
  }, [open, focusIndex]);

  // a click outside closes the menu (the focus stays where the click put it)
  useEffect(() => {
    if (!open) return undefined;
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Node && rootRef.current?.contains(event.target) === true)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
    };
  }, [open]);

  const openAt = (index: number) => {
    setFocusIndex(index);
    setOpen(true);
  };

  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };

  const run = (action: FileAction) => {
    close();
    if (action === 'open') pickFile();
    else if (action === 'download-yaml') exports.downloadYaml();
    else if (action === 'export-mermaid') exports.exportMermaid();
    else exports.exportImage(action === 'export-svg' ? 'svg' : 'png');
  };

  const onButtonKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(event.key === 'ArrowDown' ? 0 : ITEMS.length - 1);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = ITEMS.length - 1;
    const moves: Partial<Record<string, number>> = {
      ArrowDown: focusIndex === last ? 0 : focusIndex + 1,
      ArrowUp: focusIndex === 0 ? last : focusIndex - 1,
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next !== undefined) {
      event.preventDefault();
      setFocusIndex(next);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  };

  const onPicked = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = ''; // picking the same file again is a change too
    openFiles(files);
  };

  return (
    <div className="file-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button"
        data-testid="toolbar.file"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => {
          if (open) setOpen(false);
          else openAt(0);
        }}
        onKeyDown={onButtonKeyDown}
      >
        File ▾
      </button>
      {open && (
        <div id={menuId} className="file-menu-list" role="menu" aria-label="File" data-testid="files.menu" onKeyDown={onMenuKeyDown}>
          {ITEMS.map((item, index) => (
            <button
              key={item.action}
              ref={(element) => {
                itemRefs.current[index] = element;
              }}
              type="button"
              role="menuitem"
              className="file-menu-item"
              data-testid={`files.menu.${item.action}`}
              tabIndex={index === focusIndex ? 0 : -1}
              aria-keyshortcuts={item.shortcut?.aria}
              onClick={() => {
                run(item.action);
              }}
            >
              <span>{item.label}</span>
              {item.shortcut !== undefined && <kbd className="file-menu-shortcut">{item.shortcut.shown}</kbd>}
            </button>
          ))}
        </div>
      )}
      <input
        ref={inputRef}
        type="file"
        accept={ACCEPT}
        hidden
        tabIndex={-1}
        aria-label="Open a workflow file"
        data-testid="files.input"
        onChange={onPicked}
      />
    </div>
  );
}
