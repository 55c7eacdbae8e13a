import { useId, useState, type KeyboardEvent } from 'react';
import { useDesignerStore } from '../../designer/useDesigner.ts';
import { asNodeId, isValidNodeId, takenIds, type NodeId } from '../../model/index.ts';

/** The node's id: renamed (with every reference to it) when the field is left or Enter is pressed. */
export function NodeIdField({ id }: { id: NodeId }) {
  const store = useDesignerStore();
  const inputId = useId();
  const errorId = useId();
  const [draft, setDraft] = useState<string>(id);
  const [error, setError] = useState<string | undefined>();

  const commit = () => {
    if (draft === id) {
      setError(undefined);
      return;
    }
    const state = store.getState();
    if (!isValidNodeId(draft)) {
      setError('Use letters, digits, “_” and “-” only.');
      return;
    }
    if (takenIds(state.definition).has(draft)) {
      setError(`“${draft}” is already used.`);
      return;
    }
    const to = asNodeId(draft);
    const result = state.applyChanges([{ type: 'renameNode', from: id, to }], { history: 'record' });
    if (!result.ok) {
      setError(result.error);
      return;
    }
    store.getState().select({ nodes: [to] });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') {
      setDraft(id);
      setError(undefined);
    }
  };

  return (
    <div className="field">
      <label className="field-label" htmlFor={inputId}>
        Id
      </label>
      <input
        id={inputId}
        type="text"
        className="input code"
        data-testid="inspector.field.id"
        autoComplete="off"
        spellCheck={false}
        value={draft}
        aria-invalid={error !== undefined}
        aria-describedby={error === undefined ? undefined : errorId}
        onChange={(event) => {
          setDraft(event.target.value);
        }}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {error !== undefined && (
        <span id={errorId} className="field-error" role="alert" data-testid="inspector.error.id">
          {error}
        </span>
      )}
    </div>
  );
}
