import type { WorkflowMessage } from './message.js';
import type { PendingRequest } from './pending-requests.js';
import { SharedState } from './shared-state.js';

/**
 * What a workflow instance keeps between runs (Agent Framework: instances are stateful): shared
 * state, messages not yet delivered, the superstep count of the current budget, and fan-in buffers.
 * All of it is plain data or maps of plain data, so a checkpoint can capture it.
 */
export class InstanceState {
  readonly state = new SharedState();
  /** Messages sent in the last superstep, in send order, waiting for the next one. */
  outbox: WorkflowMessage[] = [];
  /** Supersteps completed in the current budget (reset by a fresh run). */
  superstep = 0;
  /** Fan-in buffers: group id -> source id -> messages received, in arrival order. */
  readonly fanIn = new Map<string, Map<string, unknown[]>>();
  /** Human requests waiting for an answer, by request id, in the order they were made. */
  readonly pending = new Map<string, PendingRequest>();
}
