import type { SubmitEvent } from 'react';
import { requestPrompt } from '../../run/requestPrompt.ts';
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
 * While the answer is on its way the controls wait; an answer the engine refused says why.
 * Its accessible name says which node asks what, so the forms of several questions differ.
 */
export function RequestAnswerForm({ request, onAnswer, compact = false }: RequestAnswerFormProps) {
  const form = useSchemaForm(request.responseType, undefined);
  const testId = 'run.request';
  const className = `request-form${compact ? ' is-compact nodrag nopan nowheel' : ''}`;
  const label = `${form.field.title ?? 'Answer'} to ${request.executorId}: ${requestPrompt(request)}`;
  const sending = request.sending === true;
  const status = <AnswerStatus request={request} />;

  if (form.field.kind === 'boolean') {
    return (
      <div className={className} role="group" aria-label={label}>
        <div className="request-buttons">
          <button
            type="button"
            className="button primary"
            disabled={sending}
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
            disabled={sending}
            data-testid={`${testId}.reject`}
            onClick={() => {
              onAnswer(request.requestId, false);
            }}
          >
            Reject
          </button>
        </div>
        {status}
      </div>
    );
  }

  if (compact && form.field.kind !== 'enum' && form.field.kind !== 'string' && form.field.kind !== 'number') {
    return <p className="request-elsewhere">Answer in the run panel below.</p>;
  }

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = form.read();
    if (result.ok && !sending) onAnswer(request.requestId, result.value);
  };

  return (
    <form className={className} onSubmit={submit} noValidate aria-label={label}>
      <SchemaField
        field={form.field}
        draft={form.draft}
        errors={form.errors}
        onChange={form.setDraft}
        fallbackLabel="Answer"
        testId={`${testId}.field`}
      />
      <button type="submit" className="button primary" disabled={sending} data-testid={`${testId}.send`}>
        Send answer
      </button>
      {status}
    </form>
  );
}

/** Whether the answer is on its way, or why the engine refused the last one. */
function AnswerStatus({ request }: { request: PendingRequest }) {
  if (request.sending === true) {
    return (
      <p className="request-sending" role="status" data-testid="run.request.sending">
        Sending the answer…
      </p>
    );
  }
  if (request.refusal === undefined) return null;
  return (
    <p className="request-refusal" role="alert" data-testid="run.request.refusal">
      The engine refused the answer: {request.refusal}
    </p>
  );
}
