import { useCallback } from 'react';
import { selectSelectedNodeIds } from '../../designer/selectors.ts';
import { useDesigner } from '../../designer/useDesigner.ts';
import { formatDuration, prettyValue } from '../../run/describeOutcome.ts';
import { NODE_STATUS_LABEL } from '../../run/nodeStatus.ts';
import { useRun } from '../../run/runContext.ts';
import type { Held, RunState } from '../../run/runState.ts';

/** The selected node's run in full: its last input and output pretty-printed, its reply, its error and stack. */
export function NodeRunDetails() {
  const selected = useDesigner(selectSelectedNodeIds);
  const nodeId = selected.length === 1 ? selected[0] : undefined;
  const node = useRun(useCallback((run: RunState) => (nodeId === undefined ? undefined : run.nodes[nodeId]), [nodeId]));
  return (
    <section className="run-section run-node" aria-labelledby="run-node-heading" data-testid="run.node">
      <h3 id="run-node-heading">{nodeId === undefined ? 'Selected node' : `Node “${nodeId}”`}</h3>
      {nodeId === undefined ? (
        <p className="empty">Select one node to see its values in full.</p>
      ) : node === undefined ? (
        <p className="empty">It has not run.</p>
      ) : (
        <dl className="run-node-facts">
          <dt>State</dt>
          <dd data-testid="run.node.status">{NODE_STATUS_LABEL[node.status]}</dd>
          <dt>Runs</dt>
          <dd>
            {node.runs}
            {node.lastDurationMs === undefined ? '' : `, the last took ${formatDuration(node.lastDurationMs)}`}
          </dd>
          <Value label="Last input" held={node.lastInput} testId="run.node.input" />
          <Value label="Last output" held={node.lastOutput} testId="run.node.output" />
          {node.reply !== '' && <Value label="Reply" held={{ value: node.reply }} testId="run.node.reply" />}
          {node.error !== undefined && (
            <>
              <dt>Error</dt>
              <dd className="run-node-error">
                <pre data-testid="run.node.error">{node.error.stack ?? `${node.error.name}: ${node.error.message}`}</pre>
              </dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}

function Value({ label, held, testId }: { label: string; held: Held | undefined; testId: string }) {
  if (held === undefined) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <pre data-testid={testId}>{prettyValue(held.value)}</pre>
      </dd>
    </>
  );
}
