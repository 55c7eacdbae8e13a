import { useRef, useState, type KeyboardEvent } from 'react';
import { fetchExample, fetchExampleIndex, type ExampleEntry } from '../../designer/examples.ts';
import { useDesigner } from '../../designer/useDesigner.ts';
import type { DesignerState } from '../../store/index.ts';

const selectLoadDocument = (state: DesignerState) => state.loadDocument;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "Open example": the bundled examples, listed from `/examples/index.json`; one opens as a new document. */
export function ExampleMenu() {
  const loadDocument = useDesigner(selectLoadDocument);
  const [open, setOpen] = useState(false);
  const [entries, setEntries] = useState<readonly ExampleEntry[] | undefined>();
  const [error, setError] = useState<string | undefined>();
  const buttonRef = useRef<HTMLButtonElement>(null);

  const toggle = () => {
    setOpen(!open);
    if (!open && entries === undefined) {
      fetchExampleIndex().then(setEntries, (reason: unknown) => {
        setError(messageOf(reason));
      });
    }
  };

  const choose = (entry: ExampleEntry) => {
    fetchExample(entry.file).then(
      (yamlText) => {
        loadDocument({ yamlText, title: entry.title });
        setOpen(false);
        buttonRef.current?.focus();
      },
      (reason: unknown) => {
        setError(messageOf(reason));
      },
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && open) {
      setOpen(false);
      buttonRef.current?.focus();
    }
  };

  return (
    <div className="example-menu" onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="button"
        data-testid="toolbar.examples"
        aria-expanded={open}
        aria-controls="example-menu-list"
        onClick={toggle}
      >
        Open example ▾
      </button>
      {open && (
        <div id="example-menu-list" className="example-menu-list" data-testid="examples.menu">
          {error !== undefined && <p className="field-error">{error}</p>}
          {entries === undefined && error === undefined && <p className="empty">Loading…</p>}
          <ul>
            {entries?.map((entry) => (
              <li key={entry.file}>
                <button
                  type="button"
                  className="example-item"
                  data-testid={`examples.item.${entry.file}`}
                  onClick={() => {
                    choose(entry);
                  }}
                >
                  <span className="example-title">{entry.title}</span>
                  <span className="example-description">{entry.description}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
