import { useDesignerShallow } from '../../designer/useDesigner.ts';
import { selectSaveStatus } from '../../store/index.ts';

/** Whether the open workflow is saved in this browser. */
export function SaveStatus() {
  const { dirty, saveError } = useDesignerShallow(selectSaveStatus);
  const text = saveError !== undefined ? `Not saved: ${saveError}` : dirty ? 'Saving…' : 'Saved';
  return (
    <span className={`save-status${saveError === undefined ? '' : ' is-error'}`} data-testid="toolbar.saveStatus" role="status">
      {text}
    </span>
  );
}
