import { EdgeLabelRenderer } from '@xyflow/react';
import { memo, useCallback } from 'react';
import { useRun } from '../../run/runContext.ts';
import type { RunState } from '../../run/runState.ts';
import './run.css';

interface EdgeRunBadgeProps {
  edgeId: string;
  /** The edge's traffic key (`edgeKey(source, target)`). */
  runKey: string;
  x: number;
  y: number;
}

/**
 * How many messages passed an edge in the run, and how many of them were dropped. A `?` marks a
 * conditional edge whose share of its source's messages could not be told from a sibling's.
 */
export const EdgeRunBadge = memo(function EdgeRunBadge({ edgeId, runKey, x, y }: EdgeRunBadgeProps) {
  const edge = useRun(useCallback((run: RunState) => run.edges[runKey], [runKey]));
  if (edge === undefined) return null;
  const count = `${String(edge.messages)}${edge.uncertain ? '?' : ''}`;
  const title = [
    `${String(edge.messages)} message${edge.messages === 1 ? '' : 's'} passed`,
    edge.uncertain ? 'some messages its condition may have let through could not be attributed' : '',
    edge.dropped > 0 ? `${String(edge.dropped)} dropped: no handler at the target took them` : '',
  ]
    .filter(Boolean)
    .join('; ');
  return (
    <EdgeLabelRenderer>
      <div
        className={`edge-run-badge${edge.dropped > 0 ? ' has-dropped' : ''}`}
        style={{ transform: `translate(-50%, -50%) translate(${String(x)}px, ${String(y)}px)` }}
        data-testid="canvas.edge.run"
        data-edge-id={edgeId}
        data-messages={edge.messages}
        data-dropped={edge.dropped}
        title={title}
        role="img"
        aria-label={title}
      >
        {count}
        {edge.dropped > 0 && <span className="edge-run-dropped"> ✕{edge.dropped}</span>}
      </div>
    </EdgeLabelRenderer>
  );
});
