import { useCallback } from 'react';
import { INSPECTOR_FIELDS } from '../../designer/inspectorFields.ts';
import { KIND_LOOK } from '../../designer/kinds.ts';
import { selectApplyChanges, selectStart } from '../../designer/selectors.ts';
import { useDesigner } from '../../designer/useDesigner.ts';
import { findExecutor, type NodeId } from '../../model/index.ts';
import type { DesignerState } from '../../store/index.ts';
import { NodeField } from './NodeField.tsx';
import { NodeIdField } from './NodeIdField.tsx';

/** The form of one node: its id, the fields of its kind, and "Set as start". */
export function NodeInspector({ id }: { id: NodeId }) {
  const executor = useDesigner(useCallback((state: DesignerState) => findExecutor(state.definition, id), [id]));
  const start = useDesigner(selectStart);
  const applyChanges = useDesigner(selectApplyChanges);
  if (executor === undefined) return null;
  const look = KIND_LOOK[executor.type];
  return (
    <div className="inspector-form" data-node-id={id}>
      <p className={`inspector-kind kind-${executor.type}`}>
        <span className="kind-icon" aria-hidden="true">
          {look.icon}
        </span>
        {look.title}
      </p>
      <NodeIdField id={id} />
      {INSPECTOR_FIELDS[executor.type].map((spec) => (
        <NodeField key={spec.field} nodeId={id} executor={executor} spec={spec} />
      ))}
      <button
        type="button"
        className="button"
        data-testid="inspector.setStart"
        disabled={start === id}
        onClick={() => {
          applyChanges([{ type: 'setStart', start: id }], { history: 'record' });
        }}
      >
        {start === id ? 'This is the start node' : 'Set as start'}
      </button>
    </div>
  );
}
