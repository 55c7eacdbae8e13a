import { prettyValue } from '../../run/describeOutcome.ts';
import { useRun } from '../../run/runContext.ts';
import type { RunState } from '../../run/runState.ts';

const selectOutputs = (run: RunState) => run.outputs;

/** The run's workflow outputs, in full: strings as they are, anything else pretty-printed. */
export function RunOutputs() {
  const outputs = useRun(selectOutputs);
  return (
    <section className="run-section" aria-labelledby="run-outputs-heading">
      <h3 id="run-outputs-heading">Outputs</h3>
      {outputs.length === 0 ? (
        <p className="empty">No outputs yet.</p>
      ) : (
        <ol className="run-outputs" data-testid="run.outputs">
          {outputs.map((output) => (
            <li key={output.seq} data-testid="run.output" data-executor-id={output.executorId} title={`From ${output.executorId}`}>
              <pre>{prettyValue(output.value)}</pre>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
