import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useCallback } from 'react';
import type { WorkflowFlowNode } from '../../designer/flowElements.ts';
import { KIND_LOOK } from '../../designer/kinds.ts';
import { useRun } from '../../run/runContext.ts';
import type { NodeStatus, RunState } from '../../run/runState.ts';
import { NodeRunOverlay } from '../run/NodeRunOverlay.tsx';
import { ProblemBadge } from './ProblemBadge.tsx';

/**
 * A node on the canvas: its kind's icon and colour, its label, a start marker and its problems;
 * during a run, its live state (the run overlay).
 */
export const WorkflowNode = memo(function WorkflowNode({ data, selected }: NodeProps<WorkflowFlowNode>) {
  const { node } = data;
  const look = KIND_LOOK[node.kind];
  const status: NodeStatus = useRun(useCallback((run: RunState) => run.nodes[node.id]?.status ?? 'idle', [node.id]));
  return (
    <div
      className={`wf-node kind-${node.kind} run-${status}${selected ? ' is-selected' : ''}`}
      data-testid="canvas.node"
      data-node-id={node.id}
      data-kind={node.kind}
      data-run-status={status}
    >
      <Handle type="target" position={Position.Left} className="wf-handle" />
      <span className="kind-icon" aria-hidden="true">
        {look.icon}
      </span>
      <span className="wf-node-text">
        <span className="wf-node-label">{node.label}</span>
        <span className="wf-node-kind">{node.label === node.id ? look.title : `${look.title} · ${node.id}`}</span>
      </span>
      {node.isStart && (
        <span className="wf-node-start" data-testid="canvas.node.start" title="The workflow starts here">
          Start
        </span>
      )}
      <ProblemBadge nodeId={node.id} />
      <NodeRunOverlay nodeId={node.id} />
      <Handle type="source" position={Position.Right} className="wf-handle" />
    </div>
  );
});
