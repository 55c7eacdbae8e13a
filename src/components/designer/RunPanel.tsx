import { useEffect, useMemo } from 'react';
import { selectDocumentId } from '../../designer/selectors.ts';
import { useDesigner, useDesignerStore } from '../../designer/useDesigner.ts';
import { useRun, useRunStore } from '../../run/runContext.ts';
import { runDocumentOf } from '../../run/runDocument.ts';
import type { RunState } from '../../run/runState.ts';
import { selectCanvasNodes, type DesignerState } from '../../store/index.ts';
import { EventLogView } from '../run/EventLogView.tsx';
import { NodeRunDetails } from '../run/NodeRunDetails.tsx';
import { PendingRequests } from '../run/PendingRequests.tsx';
import { RunInputForm } from '../run/RunInputForm.tsx';
import { RunOutputs } from '../run/RunOutputs.tsx';
import { RunSummary } from '../run/RunSummary.tsx';
import { SuperstepTimeline } from '../run/SuperstepTimeline.tsx';
import '../run/run.css';

const selectInputSchema = (state: DesignerState): unknown => state.definition.workflow.input;
const selectPhase = (run: RunState) => run.phase;

/**
 * The run section: runs the open workflow in the engine host and shows it live: the input form,
 * Run and Stop, how it is going or ended, questions waiting for a person, the outputs, the
 * supersteps, the selected node's values and the event log. Opening a document that left a run
 * waiting for a person resumes that run.
 */
export function RunPanel() {
  const designer = useDesignerStore();
  const store = useRunStore();
  const documentId = useDesigner(selectDocumentId);
  const schema = useDesigner(selectInputSchema);
  const canvasNodes = useDesigner(selectCanvasNodes);
  const nodeIds = useMemo(() => canvasNodes.map((node) => node.id), [canvasNodes]);
  const phase = useRun(selectPhase);

  useEffect(() => {
    store.getState().openDocument(runDocumentOf(designer.getState()));
  }, [documentId, designer, store]);

  const busy = phase === 'starting' || phase === 'running';
  return (
    <section className="run-panel" aria-labelledby="run-panel-heading" data-testid="run.panel">
      <div className="run-panel-head">
        <h2 id="run-panel-heading">Run</h2>
        <p className="run-panel-note">Runs the workflow on the canvas in your browser.</p>
      </div>
      <div className="run-panel-grid">
        <div className="run-column">
          <RunInputForm
            key={`${documentId}:${schema === undefined ? '' : JSON.stringify(schema)}`}
            schema={schema}
            busy={busy}
            stoppable={busy || phase === 'waiting'}
            onRun={(input) => {
              store.getState().start(runDocumentOf(designer.getState()), input);
            }}
            onStop={() => {
              store.getState().stop();
            }}
          />
          <RunSummary />
          <PendingRequests />
          <RunOutputs />
        </div>
        <div className="run-column">
          <NodeRunDetails />
          <SuperstepTimeline />
        </div>
        <EventLogView nodeIds={nodeIds} />
      </div>
    </section>
  );
}
