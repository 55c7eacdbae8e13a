import { lazy, useRef, useState } from 'react';
import { LazyPart } from '../lazy/LazyPart.tsx';
import './files.css';

// loaded when first opened: the first page does not need the list of stored workflows
const WorkflowsDialog = lazy(() => import('./WorkflowsDialog.tsx').then((module) => ({ default: module.WorkflowsDialog })));

/** The toolbar's "Workflows" button: opens the list of stored workflows, and takes the focus back when it closes. */
export function WorkflowsButton() {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
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
        <LazyPart what="the workflow list" testId="workflows" onClose={close}>
          <WorkflowsDialog onClose={close} />
        </LazyPart>
      )}
    </>
  );
}
