import type { Problem, WorkflowExecutorDefinition } from '@trellis/engine';
import { useCallback, useId, useState } from 'react';
import { problemsOfField } from '../../designer/inspector/fieldProblems.ts';
import {
  describeInline,
  inlineSummary,
  subWorkflowMode,
  switchModePatch,
  type InlineSummary,
  type SetAside,
  type SubWorkflowMode,
} from '../../designer/inspector/subWorkflow.ts';
import { FieldMessages } from './FieldMessages.tsx';
import { TextField } from './TextField.tsx';
import type { NodeEdits } from './useNodeEdits.ts';

interface SubWorkflowSectionProps {
  readonly executor: WorkflowExecutorDefinition;
  readonly edits: NodeEdits;
  readonly problems: readonly Problem[];
}

const MODES: readonly { readonly mode: SubWorkflowMode; readonly label: string }[] = [
  { mode: 'inline', label: 'Inline' },
  { mode: 'reference', label: 'Reference (a file)' },
];

const FLAGS = [
  { field: 'propagate_requests', label: "Pass the child's human requests on to this workflow's caller" },
  { field: 'allow_direct_output', label: "Yield the child's outputs as this workflow's outputs" },
] as const;

/**
 * A sub-workflow node: inline or by reference. Switching to a reference removes the inline
 * workflow in one undo step; the form says so, and switching back to inline (while the node
 * stays selected) or Undo brings it back, so nothing is destroyed silently.
 */
export function SubWorkflowSection({ executor, edits, problems }: SubWorkflowSectionProps) {
  const legendId = useId();
  const messagesId = useId();
  const [setAside, setSetAside] = useState<SetAside>({});
  const [removed, setRemoved] = useState<InlineSummary | undefined>();
  const mode = subWorkflowMode(executor);
  const writeRef = useCallback((text: string) => edits.typed('ref', { ref: text === '' ? null : text }), [edits]);

  const choose = (next: SubWorkflowMode) => {
    const switched = switchModePatch(executor, next, setAside);
    if (switched === undefined) return;
    const result = edits.recorded(switched.patch);
    if (!result.ok) return;
    setSetAside(switched.setAside);
    setRemoved(next === 'reference' && executor.workflow !== undefined ? inlineSummary(executor.workflow) : undefined);
  };

  const inlineProblems = problemsOfField(problems, ['workflow']);
  return (
    <>
      <fieldset className="field radio-group" aria-labelledby={legendId}>
        <legend id={legendId} className="field-label">
          Sub-workflow
        </legend>
        {MODES.map((entry) => (
          <label key={entry.mode} className="radio">
            <input
              type="radio"
              name={`${legendId}-mode`}
              value={entry.mode}
              data-testid={`inspector.field.subWorkflowMode.${entry.mode}`}
              checked={mode === entry.mode}
              onChange={() => {
                choose(entry.mode);
              }}
            />
            {entry.label}
          </label>
        ))}
      </fieldset>
      {removed !== undefined && mode === 'reference' && (
        <p className="inspector-notice" role="status" data-testid="inspector.subWorkflow.notice">
          The inline workflow {describeInline(removed)} was removed. Undo (Ctrl+Z) or choosing Inline again brings it back.
        </p>
      )}
      {mode === 'reference' ? (
        <TextField
          label="Workflow file"
          name="ref"
          value={executor.ref ?? ''}
          write={writeRef}
          code
          placeholder="./other.workflow.yaml"
          hint="A path relative to this workflow's file."
          problems={problemsOfField(problems, ['ref'])}
        />
      ) : (
        <div className="field">
          <span className="field-label">Inline workflow</span>
          {executor.workflow !== undefined && (
            <p className="inline-summary" data-testid="inspector.subWorkflow.summary" aria-describedby={messagesId}>
              {describeInline(inlineSummary(executor.workflow))}
            </p>
          )}
          <FieldMessages id={messagesId} error={undefined} problems={inlineProblems} testName="workflow" />
          <span className="field-hint">Edit the inline workflow in the YAML panel.</span>
        </div>
      )}
      {FLAGS.map((flag) => (
        <label key={flag.field} className="checkbox">
          <input
            type="checkbox"
            data-testid={`inspector.field.${flag.field}`}
            checked={executor[flag.field] ?? false}
            onChange={(event) => {
              edits.recorded({ [flag.field]: event.target.checked ? true : null });
            }}
          />
          {flag.label}
        </label>
      ))}
    </>
  );
}
