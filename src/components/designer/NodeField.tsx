import type { ExecutorDefinition } from '@trellis/engine';
import { useId, type ChangeEvent } from 'react';
import { fieldPatch, fieldValue, type InspectorField } from '../../designer/inspectorFields.ts';
import { selectApplyChanges } from '../../designer/selectors.ts';
import { useDesigner } from '../../designer/useDesigner.ts';
import type { NodeId } from '../../model/index.ts';

interface NodeFieldProps {
  nodeId: NodeId;
  executor: ExecutorDefinition;
  spec: InspectorField;
}

/** One text field of a node; each typing burst is one undo step. */
export function NodeField({ nodeId, executor, spec }: NodeFieldProps) {
  const inputId = useId();
  const applyChanges = useDesigner(selectApplyChanges);
  const value = fieldValue(executor, spec.field);
  const testId = `inspector.field.${spec.field}`;

  if (value !== undefined && typeof value !== 'string') {
    return (
      <div className="field">
        <span className="field-label">{spec.label}</span>
        <pre className="field-readonly" data-testid={testId}>
          {JSON.stringify(value, null, 2)}
        </pre>
        <span className="field-hint">A structured value: edit it in the YAML.</span>
      </div>
    );
  }

  const onChange = (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    applyChanges([{ type: 'updateNode', id: nodeId, patch: fieldPatch(spec, event.target.value) }], {
      history: 'merge',
      mergeKey: `type:${nodeId}:${spec.field}`,
      at: event.timeStamp,
    });
  };
  const common = {
    id: inputId,
    'data-testid': testId,
    value: value ?? '',
    onChange,
    spellCheck: !spec.code,
    className: spec.code ? 'input code' : 'input',
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={inputId}>
        {spec.label}
      </label>
      {spec.multiline ? <textarea rows={spec.code ? 6 : 3} {...common} /> : <input type="text" autoComplete="off" {...common} />}
    </div>
  );
}
