import { createLinearWorkflow, LINEAR_EXAMPLE_INPUT } from '../../examples/linearExample.ts';
import { useWorkflowRun } from '../../run/useWorkflowRun.ts';
import { EventLog } from '../EventLog.tsx';
import { OutputList } from '../OutputList.tsx';
import { RunForm } from '../RunForm.tsx';
import { RunStatusLine } from '../RunStatusLine.tsx';

/** The run section: runs the linear example in the browser and streams its events. */
export function RunPanel() {
  const run = useWorkflowRun(createLinearWorkflow);
  return (
    <section className="run-panel" aria-labelledby="run-panel-heading">
      <div className="run-panel-head">
        <h2 id="run-panel-heading">Run</h2>
        <p className="run-panel-note">The linear example (upper-case → append “!!!” → reverse), run in your browser.</p>
      </div>
      <div className="run-panel-body">
        <div>
          <RunForm initialInput={LINEAR_EXAMPLE_INPUT} running={run.running} onRun={run.start} />
          <RunStatusLine status={run.status} error={run.error} />
        </div>
        <OutputList outputs={run.outputs} />
        <EventLog events={run.events} />
      </div>
    </section>
  );
}
