import { useEffect, useId, useRef, useState } from 'react';
import { messageOf, useNotify } from '../../designer/files/noticeContext.ts';
import { workflowRows, type WorkflowRow as Row, type WorkflowRowsSource } from '../../designer/files/workflowRows.ts';
import { useDesignerShallow } from '../../designer/useDesigner.ts';
import type { DesignerState } from '../../store/index.ts';
import { WorkflowRow, type RowMode } from './WorkflowRow.tsx';

const selectRowsSource = (state: DesignerState): WorkflowRowsSource => ({
  documents: state.documents,
  documentId: state.documentId,
  title: state.title,
  lastSavedAt: state.lastSavedAt,
});

const selectActions = (state: DesignerState) => ({
  listDocuments: state.listDocuments,
  openDocument: state.openDocument,
  renameDocument: state.renameDocument,
  deleteDocument: state.deleteDocument,
  newDocument: state.newDocument,
});

/** Which row is being renamed or confirmed for deletion (one at a time). */
type Editing = { readonly id: string; readonly mode: Exclude<RowMode, 'view'> } | undefined;

/**
 * The Workflows list, a modal dialog: every workflow kept in this browser, most recent first, the
 * open one marked. Open one, rename it, delete it (after a confirmation), or start a new one; all
 * through the store's actions. Escape or Close ends it.
 */
export function WorkflowsDialog({ onClose }: { onClose: () => void }) {
  const headingId = useId();
  const notify = useNotify();
  const rows = workflowRows(useDesignerShallow(selectRowsSource));
  const actions = useDesignerShallow(selectActions);
  const [editing, setEditing] = useState<Editing>();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    dialogRef.current?.showModal();
  }, []);

  // the list as stored now (another tab may have saved since the app started)
  useEffect(() => {
    actions.listDocuments().catch((error: unknown) => {
      notify({ kind: 'error', message: `The workflow list could not be read: ${messageOf(error)}` });
    });
  }, [actions, notify]);

  // closing goes through the dialog itself: its `close` event then unmounts it, and by then the page
  // is no longer inert, so the opener can take the focus back
  const close = () => {
    dialogRef.current?.close();
  };

  const failed = (what: string) => (error: unknown) => {
    notify({ kind: 'error', message: `${what}: ${messageOf(error)}` });
  };

  const open = ({ id, title, isOpen }: Row) => {
    if (isOpen) {
      close();
      return;
    }
    actions.openDocument(id).then(
      (found) => {
        if (found) {
          notify({ kind: 'success', message: `Opened ${title}` });
          close();
        } else {
          notify({ kind: 'error', message: `${title} is no longer stored in this browser` });
          void actions.listDocuments();
        }
      },
      failed(`${title} could not be opened`),
    );
  };

  const rename = (id: string, title: string) => {
    actions.renameDocument(id, title).catch(failed('The workflow could not be renamed'));
  };

  const remove = (id: string, title: string) => {
    setEditing(undefined);
    actions.deleteDocument(id).then(
      () => {
        notify({ kind: 'success', message: `Deleted ${title}` });
        headingRef.current?.focus();
      },
      failed(`${title} could not be deleted`),
    );
  };

  return (
    <dialog ref={dialogRef} className="workflows-dialog" data-testid="workflows.dialog" aria-labelledby={headingId} onClose={onClose}>
      <div className="workflows-head">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          Workflows
        </h2>
        <button
          type="button"
          className="button"
          data-testid="workflows.new"
          onClick={() => {
            actions.newDocument();
            close();
          }}
        >
          New workflow
        </button>
        <button type="button" className="button" data-testid="workflows.close" onClick={close}>
          Close
        </button>
      </div>
      <p className="workflows-hint">Kept in this browser. The open workflow is saved as you edit.</p>
      <ul className="workflows-list" data-testid="workflows.list">
        {rows.map((row) => (
          <WorkflowRow
            key={row.id}
            row={row}
            mode={editing?.id === row.id ? editing.mode : 'view'}
            onModeChange={(mode) => {
              setEditing(mode === 'view' ? undefined : { id: row.id, mode });
            }}
            onOpen={() => {
              open(row);
            }}
            onRename={(title) => {
              rename(row.id, title);
            }}
            onDelete={() => {
              remove(row.id, row.title);
            }}
          />
        ))}
      </ul>
    </dialog>
  );
}
