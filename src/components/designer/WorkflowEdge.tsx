import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { WorkflowFlowEdge } from '../../designer/flowElements.ts';

/** An edge on the canvas, styled by kind; conditions and switch cases show their text. */
export function WorkflowEdge(props: EdgeProps<WorkflowFlowEdge>) {
  const { id, data, selected, markerEnd } = props;
  const [path, labelX, labelY] = getBezierPath(props);
  const kind = data?.kind ?? 'plain';
  const label = data?.label;
  return (
    <>
      <g
        className={`wf-edge wf-edge-${kind}${selected === true ? ' is-selected' : ''}`}
        data-testid="canvas.edge"
        data-edge-id={id}
        data-edge-kind={kind}
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
    </>
  );
}
