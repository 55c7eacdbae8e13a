import { memo, useCallback } from 'react';
import { useRun, useRunStore } from '../../run/runContext.ts';
import { preview } from '../../run/describeEvent.ts';
import { formatDuration } from '../../run/describeOutcome.ts';
import { NODE_STATUS_LABEL } from '../../run/nodeStatus.ts';
import { requestPrompt } from '../../run/requestPrompt.ts';
import type { NodeRun, PendingRequest, RunState } from '../../run/runState.ts';
import { RequestAnswerForm } from './RequestAnswerForm.tsx';
import './run.css';

/** How much of a streaming reply a node shows: its latest words. */
const REPLY_TAIL = 160;
const PREVIEW_LENGTH = 36;

function shortPreview(value: unknown): string {
  const text = typeof value === 'string' ? value : preview(value);
  return text.length > PREVIEW_LENGTH ? `${text.slice(0, PREVIEW_LENGTH - 1)}…` : text;
}

/**
 * What a run shows on one canvas node: its state, how often and how long it ran, previews of its
 * last input and output, an agent's streaming reply, an error, a question waiting for a person.
 * Subscribes to this node's own entries only, so other nodes' updates never re-render it.
 */
export const NodeRunOverlay = memo(function NodeRunOverlay({ nodeId }: { nodeId: string }) {
  const node = useRun(useCallback((run: RunState) => run.nodes[nodeId], [nodeId]));
  const request = useRun(useCallback((run: RunState) => firstRequestOf(run.pending, nodeId), [nodeId]));
  const store = useRunStore();
  if (node === undefined && request === undefined) return null;
  return (
    <div className="wf-run" data-testid="canvas.node.run">
      {node !== undefined && <NodeRunFacts node={node} />}
      {node?.reply !== undefined && node.reply !== '' && (
        <p className="wf-run-reply" data-testid="canvas.node.reply" aria-live="off" title={node.reply}>
          {node.reply.length > REPLY_TAIL ? `…${node.reply.slice(-REPLY_TAIL)}` : node.reply}
        </p>
      )}
      {node?.error !== undefined && (
        <p className="wf-run-error" data-testid="canvas.node.error" title={node.error.stack ?? node.error.message}>
          {node.error.name}: {node.error.message}
        </p>
      )}
      {request !== undefined && (
        <div className="wf-run-waiting" data-testid="canvas.node.waiting">
          <p className="wf-run-prompt" data-testid="canvas.node.prompt">
            {requestPrompt(request)}
          </p>
          {/* Keyed by the request: a new question never inherits the draft of the one before. */}
          <RequestAnswerForm
            key={request.requestId}
            compact
            request={request}
            onAnswer={(requestId, answer) => {
              store.getState().respond({ [requestId]: answer });
            }}
          />
        </div>
      )}
    </div>
  );
});

function NodeRunFacts({ node }: { node: NodeRun }) {
  return (
    <>
      <p className="wf-run-line">
        <span className={`run-badge run-badge-${node.status}`} data-testid="canvas.node.runStatus">
          {NODE_STATUS_LABEL[node.status]}
        </span>
        {node.runs > 0 && (
          <span className="wf-run-count" data-testid="canvas.node.runCount" title="Times it ran">
            ×{node.runs}
          </span>
        )}
        {node.lastDurationMs !== undefined && (
          <span className="wf-run-duration" data-testid="canvas.node.duration" title="Last run took">
            {formatDuration(node.lastDurationMs)}
          </span>
        )}
        {node.dropped > 0 && (
          <span className="wf-run-dropped" title="Messages it sent that nothing took">
            {node.dropped} dropped
          </span>
        )}
      </p>
      {node.lastInput !== undefined && (
        <p className="wf-run-value" data-testid="canvas.node.input">
          <span className="wf-run-value-label">in</span> {shortPreview(node.lastInput.value)}
        </p>
      )}
      {node.lastOutput !== undefined && (
        <p className="wf-run-value" data-testid="canvas.node.output">
          <span className="wf-run-value-label">out</span> {shortPreview(node.lastOutput.value)}
        </p>
      )}
    </>
  );
}

/** A node's first open question (the same object until the list changes around it). */
function firstRequestOf(pending: readonly PendingRequest[], nodeId: string): PendingRequest | undefined {
  return pending.find((request) => request.executorId === nodeId);
}
