import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { useCallback } from 'react';
import type { WorkflowFlowEdge } from '../../designer/flowElements.ts';
import { useRun } from '../../run/runContext.ts';
import { edgeKey, type RunState } from '../../run/runState.ts';
import { EdgeRunBadge } from '../run/EdgeRunBadge.tsx';

/** Whether messages are passing an edge now: sent in this superstep or the last, while the run is live. */
function isPassing(run: RunState, key: string): boolean {
  const edge = run.edges[key];
  return edge !== undefined && run.phase === 'running' && run.superstep <= edge.lastSuperstep + 1;
}

/**
 * An edge on the canvas, styled by kind; conditions and switch cases show their text. During a
 * run it animates while messages pass and shows how many did (and any dropped).
 */
export function WorkflowEdge(props: EdgeProps<WorkflowFlowEdge>) {
  const { id, data, selected, markerEnd, source, target } = props;
  const [path, labelX, labelY] = getBezierPath(props);
  const kind = data?.kind ?? 'plain';
  const label = data?.label;
  const key = edgeKey(source, target);
  const passing = useRun(useCallback((run: RunState) => isPassing(run, key), [key]));
  return (
    <>
      <g
        className={`wf-edge wf-edge-${kind}${selected === true ? ' is-selected' : ''}${passing ? ' is-passing' : ''}`}
        data-testid="canvas.edge"
        data-edge-id={id}
        data-edge-kind={kind}
        data-passing={passing}
      >
        <BaseEdge id={id} path={path} {...(markerEnd === undefined ? {} : { markerEnd })} />
      </g>
      {label !== undefined && (
        <EdgeLabelRenderer>
          <div
            className={`wf-edge-label wf-edge-label-${kind}${selected === true ? ' is-selected' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${String(labelX)}px, ${String(labelY)}px)` }}
            title={label}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
      <EdgeRunBadge edgeId={id} runKey={key} x={labelX} y={label === undefined ? labelY : labelY + 18} />
    </>
  );
}
