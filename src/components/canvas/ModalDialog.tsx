import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import './canvas.css';

interface ModalDialogProps {
  /** The dialog's visible heading, which also names it. */
  title: string;
  testId: string;
  onClose: () => void;
  /** The element to focus when the dialog opens (default: its first focusable element). */
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
  children: ReactNode;
}

const FOCUSABLE =
  'button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: the native `<dialog>` opened with `showModal()` (the page behind is inert and the
 * dialog sits on the top layer), labelled by its heading, with the focus moved in on open, kept in
 * (Tab and Shift+Tab wrap around), Esc to close, and the focus given back to what had it before.
 * Rendered only while open: mounting opens it, unmounting closes it.
 */
export function ModalDialog({ title, testId, onClose, initialFocus, className, children }: ModalDialogProps) {
  const titleId = useId();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element === null) return;
    const opener = document.activeElement;
    if (!element.open) element.showModal();
    (initialFocus?.current ?? element.querySelector<HTMLElement>(FOCUSABLE))?.focus();
    return () => {
      element.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, [initialFocus]);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>): void => {
    if (event.key !== 'Tab' || dialog.current === null) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (first === undefined || last === undefined) return;
    const active = document.activeElement;
    if (event.shiftKey && (active === first || !dialog.current.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !dialog.current.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={dialog}
      className={`modal-dialog${className === undefined ? '' : ` ${className}`}`}
      aria-modal="true"
      aria-labelledby={titleId}
      data-testid={testId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault(); // Esc: the owner unmounts the dialog, which closes it and returns the focus
        onClose();
      }}
      onClose={() => {
        // the browser closed it on its own (a repeated Esc); a close that a re-open followed is stale
        if (dialog.current?.open === false) onClose();
      }}
    >
      <div className="modal-dialog-head">
        <h2 id={titleId} className="modal-dialog-title">
          {title}
        </h2>
        <button type="button" className="button modal-dialog-close" aria-label="Close" data-testid={`${testId}.close`} onClick={onClose}>
          ×
        </button>
      </div>
      {children}
    </dialog>
  );
}
