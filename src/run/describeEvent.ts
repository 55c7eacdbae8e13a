import { assertNever, type WorkflowEvent } from '@trellis/engine';

/** The executor an event is about, if any. */
export function eventExecutorId(event: WorkflowEvent): string | undefined {
  switch (event.type) {
    case 'executor_start':
    case 'executor_output':
    case 'executor_complete':
    case 'workflow_output':
    case 'request_info':
    case 'agent_update':
    case 'executor_bypassed':
    case 'error':
    case 'custom':
      return event.executorId;
    case 'message_dropped':
      return event.sourceId;
    case 'workflow_start':
    case 'workflow_status':
    case 'superstep_start':
    case 'superstep_complete':
    case 'checkpoint_saved':
    case 'workflow_complete':
      return undefined;
    default:
      return assertNever(event, 'event');
  }
}

/** A short, human-readable summary of an event's fields (everything but its `type`). */
export function describeEvent(event: WorkflowEvent): string {
  switch (event.type) {
    case 'workflow_start':
      return `${event.workflowName} (${event.runId})`;
    case 'workflow_status':
    case 'workflow_complete':
      return `state ${event.state}`;
    case 'superstep_start':
    case 'superstep_complete':
      return `superstep ${event.superstep}`;
    case 'executor_start':
      return `${event.executorId} ← ${preview(event.data)}`;
    case 'executor_output':
      return `${event.executorId} → ${event.targetId === undefined ? '' : `${event.targetId}: `}${preview(event.data)}`;
    case 'executor_complete':
      return `${event.executorId} in ${event.durationMs} ms`;
    case 'workflow_output':
    case 'executor_bypassed':
      return `${event.executorId}: ${preview(event.data)}`;
    case 'request_info':
      return `${event.executorId} asks (${event.requestId}): ${preview(event.data)}`;
    case 'agent_update':
      return `${event.executorId}: ${event.delta}`;
    case 'message_dropped':
      return `${event.sourceId} → ${event.targetId ?? '?'}: ${event.reason}`;
    case 'checkpoint_saved':
      return `${event.checkpointId} at superstep ${event.superstep}`;
    case 'error':
      return `${event.executorId === undefined ? '' : `${event.executorId}: `}${event.error.name}: ${event.error.message}`;
    case 'custom':
      return `${event.executorId}: ${event.name} ${preview(event.data)}`;
    default:
      return assertNever(event, 'event');
  }
}

const MAX_PREVIEW = 80;

/** A value as short JSON-ish text, for display only. */
export function preview(value: unknown): string {
  let json: string | undefined;
  try {
    // `undefined`, functions and symbols have no JSON.
    json = JSON.stringify(value);
  } catch {
    json = undefined; // cycles, BigInt
  }
  const text = json ?? String(value);
  return text.length > MAX_PREVIEW ? `${text.slice(0, MAX_PREVIEW - 1)}…` : text;
}
