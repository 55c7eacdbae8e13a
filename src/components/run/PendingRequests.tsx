import { prettyValue } from '../../run/describeOutcome.ts';
import { useRun, useRunStore } from '../../run/runContext.ts';
import { requestPrompt, requestSubject } from '../../run/requestPrompt.ts';
import type { RunState } from '../../run/runState.ts';
import { RequestAnswerForm } from './RequestAnswerForm.tsx';

const selectPending = (run: RunState) => run.pending;

/** The questions the run waits on, each with a form generated from its answer type. */
export function PendingRequests() {
  const pending = useRun(selectPending);
  const store = useRunStore();
  if (pending.length === 0) return null;
  return (
    <section className="run-section run-requests" aria-labelledby="run-requests-heading" data-testid="run.requests">
      <h3 id="run-requests-heading">Waiting for you</h3>
      {pending.map((request) => {
        const subject = requestSubject(request);
        return (
          <article key={request.requestId} className="run-request" data-testid="run.request" data-request-id={request.requestId}>
            <p className="run-request-prompt" data-testid="run.request.prompt">
              <strong>{request.executorId}</strong> asks: {requestPrompt(request)}
            </p>
            {subject !== undefined && <pre className="run-request-subject">{prettyValue(subject.value)}</pre>}
            <RequestAnswerForm
              request={request}
              onAnswer={(requestId, answer) => {
                store.getState().respond({ [requestId]: answer });
              }}
            />
          </article>
        );
      })}
    </section>
  );
}
