import type { ExecutorDefinition, Problem } from '@trellis/engine';
import { useCallback, useId } from 'react';
import { fieldPatch, fieldValue, type InspectorField } from '../../designer/inspectorFields.ts';
import { FieldMessages } from '../inspector/FieldMessages.tsx';
import { TextField } from '../inspector/TextField.tsx';
import type { NodeEdits } from '../inspector/useNodeEdits.ts';

interface NodeFieldProps {
  readonly executor: ExecutorDefinition;
  readonly spec: InspectorField;
  readonly edits: NodeEdits;
  /** The engine's problems of this field. */
  readonly problems: readonly Problem[];
}

/** One text field of a node; each typing burst is one undo step and one YAML rewrite. */
export function NodeField({ executor, spec, edits, problems }: NodeFieldProps) {
  const messagesId = useId();
  const value = fieldValue(executor, spec.field);
  const write = useCallback((text: string) => edits.typed(spec.field, fieldPatch(spec, text)), [edits, spec]);
  const testId = `inspector.field.${spec.field}`;

  if (value !== undefined && typeof value !== 'string') {
    // a type spec given as a JSON Schema (an object): shown whole, edited in the YAML
    return (
      <div className="field">
        <span className="field-label">{spec.label}</span>
        <pre className="field-readonly" data-testid={testId} aria-describedby={problems.length > 0 ? messagesId : undefined}>
          {JSON.stringify(value, null, 2)}
        </pre>
        <FieldMessages id={messagesId} error={undefined} problems={problems} testName={spec.field} />
        <span className="field-hint">A structured value: edit it in the YAML.</span>
      </div>
    );
  }

  return (
    <TextField
      label={spec.label}
      name={spec.field}
      value={value ?? ''}
      write={write}
      multiline={spec.multiline}
      code={spec.code}
      problems={problems}
      {...(spec.placeholder === undefined ? {} : { placeholder: spec.placeholder })}
    />
  );
}
