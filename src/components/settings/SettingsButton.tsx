import { lazy, useRef, useState } from 'react';
import { useRunStoreState } from '../../run/runContext.ts';
import { LazyPart } from '../lazy/LazyPart.tsx';
import './settings.css';

// loaded when first opened: the first page does not need the settings form
const SettingsDialog = lazy(() => import('./SettingsDialog.tsx').then((module) => ({ default: module.SettingsDialog })));

/**
 * The toolbar's Settings button and its modal dialog (a native `<dialog>`: it keeps the focus
 * inside, Escape closes it, and the focus returns to the button).
 */
export function SettingsButton() {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const model = useRunStoreState((state) => state.model);

  const close = () => {
    dialogRef.current?.close();
  };

  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="toolbar.settings"
        aria-haspopup="dialog"
        title={model.kind === 'mock' ? 'Model: offline mock' : `Model: ${model.model} at ${model.baseUrl}`}
        onClick={() => {
          setOpen(true);
          dialogRef.current?.showModal();
        }}
      >
        Settings
      </button>
      <dialog
        ref={dialogRef}
        className="settings-dialog"
        data-testid="settings.dialog"
        aria-label="Model settings"
        onClose={() => {
          setOpen(false);
        }}
      >
        {open && (
          <LazyPart what="the settings" testId="settings" onClose={close}>
            <SettingsDialog onClose={close} />
          </LazyPart>
        )}
      </dialog>
    </>
  );
}
