import { Fragment } from 'react';
import { SHORTCUT_GROUPS, spellKeys } from '../../designer/keyboard/shortcuts.ts';
import { ModalDialog } from './ModalDialog.tsx';

const APPLE = /Mac|iPhone|iPad/.test(navigator.platform);

/** The keyboard shortcuts overlay (`?`): every shortcut of the designer, by group. */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  return (
    <ModalDialog title="Keyboard shortcuts" testId="shortcuts" onClose={onClose} className="shortcuts-dialog">
      {/* focusable, so the keyboard can scroll it when it overflows */}
      <div className="shortcuts-groups" role="region" aria-label="Shortcut list" tabIndex={0} data-testid="shortcuts.list">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group.title} className="shortcuts-group" aria-label={group.title}>
            <h3 className="shortcuts-group-title">{group.title}</h3>
            <dl className="shortcuts-list">
              {group.shortcuts.map((shortcut) => (
                <div key={shortcut.action} className="shortcuts-row" data-testid="shortcuts.row">
                  <dt className="shortcuts-keys">
                    {shortcut.keys.map((keys, index) => (
                      <Fragment key={keys}>
                        {index > 0 && <span className="shortcuts-or"> or </span>}
                        <kbd>{spellKeys(keys, APPLE)}</kbd>
                      </Fragment>
                    ))}
                  </dt>
                  <dd className="shortcuts-action">{shortcut.action}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </ModalDialog>
  );
}
