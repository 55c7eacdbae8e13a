import { useEffect, useId, useRef, useState, type KeyboardEvent, type SubmitEvent } from 'react';
import { checkedTitle, type WorkflowRow as Row } from '../../designer/files/workflowRows.ts';

/** What a row shows: its line, its rename field, or its delete confirmation. */
export type RowMode = 'view' | 'rename' | 'delete';

const SAVED_AT = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

interface WorkflowRowProps {
  row: Row;
  mode: RowMode;
  onModeChange: (mode: RowMode) => void;
  onOpen: () => void;
  /** Stores the new title (trimmed, not empty). */
  onRename: (title: string) => void;
  onDelete: () => void;
}

/**
 * One stored workflow in the Workflows list: its title and last save, the open one marked; open,
 * rename in place (Enter saves, Escape cancels) and delete after a confirmation. When a rename or
 * a confirmation ends, the focus goes back to the button that started it.
 */
export function WorkflowRow({ row, mode, onModeChange, onOpen, onRename, onDelete }: WorkflowRowProps) {
  const inputId = useId();
  const errorId = useId();
  const questionId = useId();
  const [draft, setDraft] = useState(row.title);
  const [error, setError] = useState<string | undefined>();
  const rowRef = useRef<HTMLLIElement>(null);
  const renameRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const previousMode = useRef(mode);

  useEffect(() => {
    const before = previousMode.current;
    previousMode.current = mode;
    if (mode !== 'view' || before === 'view') return;
    // only when the focus left with the closed field (not when another row took it)
    const active = document.activeElement;
    if (active !== null && active !== document.body && rowRef.current?.contains(active) !== true) return;
    (before === 'rename' ? renameRef : deleteRef).current?.focus();
  }, [mode]);

  const startRename = () => {
    setDraft(row.title);
    setError(undefined);
    onModeChange('rename');
  };

  const save = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkedTitle(draft);
    if (!checked.ok) {
      setError(checked.error);
      return;
    }
    if (checked.title !== row.title) onRename(checked.title);
    onModeChange('view');
  };

  const onFieldKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Escape') return;
    // Escape cancels the rename, and must not also close the dialog
    event.preventDefault();
    event.stopPropagation();
    onModeChange('view');
  };

  const saved = row.updatedAt === undefined ? 'Not saved yet' : `Saved ${SAVED_AT.format(row.updatedAt)}`;

  return (
    <li
      ref={rowRef}
      className={`workflow-row${row.isOpen ? ' is-open' : ''}`}
      data-testid="workflows.row"
      data-workflow-id={row.id}
      aria-current={row.isOpen ? 'true' : undefined}
    >
      {mode === 'rename' ? (
        <form className="workflow-rename" onSubmit={save}>
          <label className="visually-hidden" htmlFor={inputId}>
            New name for {row.title}
          </label>
          <input
            id={inputId}
            className="input"
            data-testid="workflows.rename-input"
            value={draft}
            autoFocus
            autoComplete="off"
            spellCheck={false}
            aria-invalid={error !== undefined}
            aria-describedby={error === undefined ? undefined : errorId}
            onChange={(event) => {
              setDraft(event.target.value);
              setError(undefined);
            }}
            onKeyDown={onFieldKeyDown}
          />
          <button type="submit" className="button" data-testid="workflows.rename-save">
            Save
          </button>
          <button
            type="button"
            className="button"
            data-testid="workflows.rename-cancel"
            onClick={() => {
              onModeChange('view');
            }}
          >
            Cancel
          </button>
          {error !== undefined && (
            <p id={errorId} className="field-error workflow-rename-error" role="alert">
              {error}
            </p>
          )}
        </form>
      ) : (
        <>
          <button
            type="button"
            className="workflow-open"
            data-testid="workflows.open"
            disabled={mode === 'delete'}
            aria-describedby={mode === 'delete' ? questionId : undefined}
            onClick={onOpen}
          >
            <span className="workflow-title" data-testid="workflows.title">
              {row.title}
            </span>
            <span className="workflow-saved">{saved}</span>
          </button>
          {row.isOpen && (
            <span className="workflow-badge" data-testid="workflows.current">
              Open
            </span>
          )}
          {mode === 'delete' ? (
            <div className="workflow-confirm" role="group" aria-labelledby={questionId}>
              <span id={questionId} className="workflow-question">
                Delete “{row.title}”? This cannot be undone.
              </span>
              <button type="button" className="button is-danger" data-testid="workflows.delete-confirm" onClick={onDelete}>
                Delete
              </button>
              <button
                type="button"
                className="button"
                data-testid="workflows.delete-cancel"
                autoFocus
                onClick={() => {
                  onModeChange('view');
                }}
              >
                Cancel
              </button>
            </div>
          ) : (
            <>
              <button
                ref={renameRef}
                type="button"
                className="button"
                data-testid="workflows.rename"
                aria-label={`Rename ${row.title}`}
                onClick={startRename}
              >
                Rename
              </button>
              <button
                ref={deleteRef}
                type="button"
                className="button"
                data-testid="workflows.delete"
                aria-label={`Delete ${row.title}`}
                onClick={() => {
                  onModeChange('delete');
                }}
              >
                Delete
              </button>
            </>
          )}
        </>
      )}
    </li>
  );
}
