import type { SubmitEvent } from 'react';
import { schemaDefault } from '../../run/schemaForm.ts';
import { SchemaField } from './SchemaField.tsx';
import { useSchemaForm } from './useSchemaForm.ts';

interface RunInputFormProps {
  /** The workflow's `input` JSON Schema; undefined when it has none. */
  schema: unknown;
  /** Whether Run is refused now (a run is starting or running). */
  busy: boolean;
  /** Whether Stop has something to stop. */
  stoppable: boolean;
  onRun: (input: unknown) => void;
  onStop: () => void;
}

/** The run's input, as a form generated from the workflow's `input` schema, with Run and Stop. */
export function RunInputForm({ schema, busy, stoppable, onRun, onStop }: RunInputFormProps) {
  const form = useSchemaForm(schema, schemaDefault(schema));

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    const result = form.read();
    if (result.ok) onRun(result.value);
  };

  return (
    <form className="run-input-form" onSubmit={submit} noValidate data-testid="run.form">
      <SchemaField
        field={form.field}
        draft={form.draft}
        errors={form.errors}
        onChange={form.setDraft}
        fallbackLabel="Input"
        testId="run.input"
      />
      <div className="run-buttons">
        <button type="submit" className="button primary" data-testid="run.run" disabled={busy}>
          {busy ? 'Running…' : 'Run'}
        </button>
        <button type="button" className="button" data-testid="run.stop" disabled={!stoppable} onClick={onStop}>
          Stop
        </button>
      </div>
    </form>
  );
}
