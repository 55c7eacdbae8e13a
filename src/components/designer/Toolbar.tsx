import { useId } from 'react';
import { selectApplyChanges, selectEditable, selectWorkflowName } from '../../designer/selectors.ts';
import { useDesigner, useDesignerShallow } from '../../designer/useDesigner.ts';
import { selectHistoryFlags, type DesignerState } from '../../store/index.ts';
import { FileMenu } from '../files/FileMenu.tsx';
import { WorkflowsButton } from '../files/WorkflowsButton.tsx';
import { ExampleMenu } from './ExampleMenu.tsx';
import { SaveStatus } from './SaveStatus.tsx';
import { SettingsButton } from '../settings/SettingsButton.tsx';

const NAME_READ_ONLY = 'The YAML has errors: fix them in the YAML panel to rename the workflow.';

const selectNewDocument = (state: DesignerState) => state.newDocument;
const selectUndo = (state: DesignerState) => state.undo;
const selectRedo = (state: DesignerState) => state.redo;

/** The top bar: the product, New, the File menu, the Workflows list, Undo, Redo, the workflow's name, the examples and the save state. */
export function Toolbar() {
  const nameId = useId();
  const nameNoticeId = useId();
  const editable = useDesigner(selectEditable);
  const { canUndo, canRedo } = useDesignerShallow(selectHistoryFlags);
  const name = useDesigner(selectWorkflowName);
  const applyChanges = useDesigner(selectApplyChanges);
  const newDocument = useDesigner(selectNewDocument);
  const undo = useDesigner(selectUndo);
  const redo = useDesigner(selectRedo);
  return (
    <header className="toolbar" role="toolbar" aria-label="Designer">
      <span className="brand">Trellis</span>
      <button
        type="button"
        className="button"
        data-testid="toolbar.new"
        onClick={() => {
          newDocument();
        }}
      >
        New
      </button>
      <FileMenu />
      <WorkflowsButton />
      <button type="button" className="button" data-testid="toolbar.undo" disabled={!canUndo} onClick={undo} title="Undo (Ctrl+Z)">
        Undo
      </button>
      <button type="button" className="button" data-testid="toolbar.redo" disabled={!canRedo} onClick={redo} title="Redo (Ctrl+Shift+Z)">
        Redo
      </button>
      <label className="toolbar-name" htmlFor={nameId}>
        <span className="visually-hidden">Workflow name</span>
        <input
          id={nameId}
          type="text"
          className="input"
          data-testid="toolbar.name"
          autoComplete="off"
          spellCheck={false}
          value={name}
          placeholder="Workflow name"
          // the store refuses edits while the YAML does not parse: say so instead of dropping keystrokes
          readOnly={!editable}
          title={editable ? undefined : NAME_READ_ONLY}
          aria-describedby={editable ? undefined : nameNoticeId}
          onChange={(event) => {
            applyChanges([{ type: 'setWorkflowMeta', patch: { name: event.target.value } }], {
              history: 'merge',
              mergeKey: 'type:workflow:name',
              at: event.timeStamp,
            });
          }}
        />
        {!editable && (
          <span id={nameNoticeId} className="visually-hidden">
            {NAME_READ_ONLY}
          </span>
        )}
      </label>
      <ExampleMenu />
      <SaveStatus />
      <SettingsButton />
    </header>
  );
}
