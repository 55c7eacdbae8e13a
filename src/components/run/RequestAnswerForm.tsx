import type { SubmitEvent } from 'react';
import type { PendingRequest } from '../../run/runState.ts';
import { SchemaField } from './SchemaField.tsx';
import { useSchemaForm } from './useSchemaForm.ts';

interface RequestAnswerFormProps {
  request: PendingRequest;
  onAnswer: (requestId: string, answer: unknown) => void;
  /** On a canvas node: smaller, and marked so dragging and zooming leave it alone. */
  compact?: boolean;
}

/**
 * The answer to a request, as a form generated from its answer type: a yes/no question gets
 * Approve and Reject buttons, a choice its options, anything else fields and a Send button.
 */
export function RequestAnswerForm({ request, onAnswer, compact = false }: RequestAnswerFormProps) {
  const form = useSchemaForm(request.responseType, undefined);
  const testId = 'run.request';
  const className = `request-form${compact ? ' is-compact nodrag nopan nowheel' : ''}`;

  if (form.field.kind === 'boolean') {
    return (
      <div className={`${className} request-buttons`} role="group" aria-label={form.field.title ?? 'Answer'}>
        <button
          type="button"
          className="button primary"
          data-testid={`${testId}.approve`}
          onClick={() => {
            onAnswer(request.requestId, true);
          }}
        >
          Approve
        </button>
        <button
          type="button"
          className="button"
          data-testid={`${testId}.reject`}
          onClick={() => {
            onAnswer(request.requestId, false);
          }}
        >
          Reject
        </button>
      </div>
    );
  }

  if (compact && form.field.kind !== 'enum' && form.field.kind !== 'string' && form.field.kind !== 'number') {
    return <p className="request-elsewhere">Answer in the run panel below.</p>;
  }

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = form.read();
    if (result.ok) onAnswer(request.requestId, result.value);
  };

  return (
    <form className={className} onSubmit={submit} noValidate>
      <SchemaField
        field={form.field}
        draft={form.draft}
        errors={form.errors}
        onChange={form.setDraft}
        fallbackLabel="Answer"
        testId={`${testId}.field`}
      />
      <button type="submit" className="button primary" data-testid={`${testId}.send`}>
        Send answer
      </button>
    </form>
  );
}
