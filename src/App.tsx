import { EventLog } from './components/EventLog.tsx';
import { OutputList } from './components/OutputList.tsx';
import { RunForm } from './components/RunForm.tsx';
import { RunStatusLine } from './components/RunStatusLine.tsx';
import { createLinearWorkflow, LINEAR_EXAMPLE_INPUT } from './examples/linearExample.ts';
import { useWorkflowRun } from './run/useWorkflowRun.ts';

export function App() {
  const run = useWorkflowRun(createLinearWorkflow);

  return (
    <main className="app">
      <header className="app-header">
        <h1>Trellis</h1>
        <p className="tagline">
          A visual workflow designer for agent and executor pipelines. The designer canvas is on its way; for now this page runs the linear
          example (upper-case → append “!!!” → reverse) in your browser and streams its events.
        </p>
      </header>
      <RunForm initialInput={LINEAR_EXAMPLE_INPUT} running={run.running} onRun={run.start} />
      <RunStatusLine status={run.status} error={run.error} />
      <div className="panels">
        <OutputList outputs={run.outputs} />
        <EventLog events={run.events} />
      </div>
    </main>
  );
}
