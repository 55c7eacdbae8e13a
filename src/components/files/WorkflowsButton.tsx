import { useRef, useState } from 'react';
import { WorkflowsDialog } from './WorkflowsDialog.tsx';
import './files.css';

/** The toolbar's "Workflows" button: opens the list of stored workflows, and takes the focus back when it closes. */
export function WorkflowsButton() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="button"
        data-testid="toolbar.workflows"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => {
          setOpen(true);
        }}
      >
        Workflows
      </button>
      {open && (
        <WorkflowsDialog
          onClose={() => {
            setOpen(false);
            buttonRef.current?.focus();
          }}
        />
      )}
    </>
  );
}
