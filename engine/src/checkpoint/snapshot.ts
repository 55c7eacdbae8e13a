import type { WorkflowGraph } from '../builder/graph.js';
import { WorkflowCheckpointError } from '../errors.js';
import type { Executor } from '../executors/executor.js';
import type { InstanceState } from '../runtime/instance-state.js';
import type { WorkflowMessage } from '../runtime/message.js';
import { specFromJson } from '../runtime/pending-requests.js';
import { decodeCheckpointValue, encodeCheckpointValue, isPlainScalar } from './codec.js';
import type { CheckpointMessage, CheckpointRequest, JsonValue, WorkflowCheckpoint } from './types.js';

/** Reserved state key holding executor snapshots (`onCheckpointSave`), as in Agent Framework. */
export const EXECUTOR_STATE_KEY = '_executor_state';
/** Reserved state key holding fan-in buffers (Agent Framework's later `_edge_state`). */
export const EDGE_STATE_KEY = '_edge_state';

/** The run-time part of a checkpoint: what changed while running, never the graph's description. */
export type CheckpointBody = Pick<WorkflowCheckpoint, 'superstep' | 'messages' | 'state' | 'pendingRequests'>;

/**
 * Captures an instance's committed state, messages in flight, fan-in buffers, requests and
 * executor snapshots. Synchronous unless an executor's `onCheckpointSave` is asynchronous.
 */
export function captureInstance(instance: InstanceState, snapshotters: readonly Executor[]): CheckpointBody | Promise<CheckpointBody> {
  if (snapshotters.length === 0) return captureBody(instance, undefined);
  return (async () => {
    const snapshots: Record<string, JsonValue> = {};
    for (const executor of snapshotters) {
      snapshots[executor.id] = encodeCheckpointValue(await executor.onCheckpointSave?.(), `$.state.${EXECUTOR_STATE_KEY}.${executor.id}`);
    }
    return captureBody(instance, snapshots);
  })();
}

function captureBody(instance: InstanceState, snapshots: Record<string, JsonValue> | undefined): CheckpointBody {
  const state: Record<string, JsonValue> = {};
  for (const [key, value] of Object.entries(instance.state.snapshot())) state[key] = encode(value, () => `$.state.${key}`);
  if (snapshots !== undefined) state[EXECUTOR_STATE_KEY] = snapshots;
  if (instance.fanIn.size > 0) {
    const edges: Record<string, JsonValue> = {};
    for (const [groupId, buffers] of instance.fanIn) {
      const bySource: Record<string, JsonValue> = {};
      for (const [source, items] of buffers)
        bySource[source] = encodeCheckpointValue(items, `$.state.${EDGE_STATE_KEY}.${groupId}.${source}`);
      edges[groupId] = bySource;
    }
    state[EDGE_STATE_KEY] = edges;
  }
  return {
    superstep: instance.superstep,
    messages: instance.outbox.map(encodeMessage),
    state,
    pendingRequests: [...instance.pending.values()].map((r, i) => ({
      requestId: r.requestId,
      executorId: r.executorId,
      data: encodeCheckpointValue(r.data, `$.pendingRequests[${String(i)}].data`),
      responseType: r.responseType,
    })),
  };
}

/** Encodes a value, building its path (for error messages) only when the value needs a walk. */
function encode(value: unknown, path: () => string): JsonValue {
  return isPlainScalar(value) ? value : encodeCheckpointValue(value, path());
}

function encodeMessage(message: WorkflowMessage, index: number): CheckpointMessage {
  const encoded: CheckpointMessage = {
    sourceId: message.sourceId,
    data: encode(message.data, () => `$.messages[${String(index)}].data`),
  };
  if (message.targetId !== undefined) encoded.targetId = message.targetId;
  if (message.response !== undefined) {
    encoded.response = {
      requestId: message.response.requestId,
      request: encodeCheckpointValue(message.response.request, `$.messages[${String(index)}].response.request`),
    };
  }
  return encoded;
}

/**
 * Replaces an instance's run-time state with a checkpoint's: shared state, executor snapshots,
 * fan-in buffers, messages in flight, pending requests and the superstep count.
 */
export async function restoreInstance(
  graph: WorkflowGraph,
  instance: InstanceState,
  checkpoint: CheckpointBody,
  where: string,
): Promise<void> {
  const user: Record<string, unknown> = {};
  let snapshots: Record<string, JsonValue> = {};
  const fanIn = new Map<string, Map<string, unknown[]>>();
  for (const [key, value] of Object.entries(checkpoint.state)) {
    if (key === EXECUTOR_STATE_KEY) snapshots = asRecord(value, `${where}: ${EXECUTOR_STATE_KEY}`);
    else if (key === EDGE_STATE_KEY) {
      for (const [groupId, bySource] of Object.entries(asRecord(value, `${where}: ${EDGE_STATE_KEY}`))) {
        const buffers = new Map<string, unknown[]>();
        for (const [source, items] of Object.entries(asRecord(bySource, `${where}: ${EDGE_STATE_KEY}.${groupId}`))) {
          buffers.set(source, decodeCheckpointValue(items, `$.state.${EDGE_STATE_KEY}.${groupId}.${source}`) as unknown[]);
        }
        fanIn.set(groupId, buffers);
      }
    } else user[key] = decodeCheckpointValue(value, `$.state.${key}`);
  }
  for (const id of Object.keys(snapshots)) {
    if (!graph.executors.has(id))
      throw new WorkflowCheckpointError(`${where} holds a snapshot of executor '${id}', which this workflow does not have`);
  }
  const outbox = checkpoint.messages.map((m, i): WorkflowMessage => {
    const data = decodeCheckpointValue(m.data, `$.messages[${String(i)}].data`);
    if (m.response === undefined) return { data, sourceId: m.sourceId, targetId: m.targetId };
    const request = decodeCheckpointValue(m.response.request, `$.messages[${String(i)}].response.request`);
    return { data, sourceId: m.sourceId, targetId: m.targetId, response: { requestId: m.response.requestId, request } };
  });
  const pending = checkpoint.pendingRequests.map((r: CheckpointRequest, i) => ({
    requestId: r.requestId,
    executorId: r.executorId,
    data: decodeCheckpointValue(r.data, `$.pendingRequests[${String(i)}].data`),
    responseType: r.responseType,
    responseSpec: specFromJson(r.responseType),
  }));
  // Every value decoded: only now replace anything, so a bad checkpoint leaves the instance as it was.
  for (const [id, snapshot] of Object.entries(snapshots)) {
    await graph.executors.get(id)?.onCheckpointRestore?.(decodeCheckpointValue(snapshot, `$.state.${EXECUTOR_STATE_KEY}.${id}`));
  }
  instance.state.replace(user);
  instance.fanIn.clear();
  for (const [groupId, buffers] of fanIn) instance.fanIn.set(groupId, buffers);
  instance.outbox = outbox;
  instance.pending.clear();
  for (const request of pending) instance.pending.set(request.requestId, request);
  instance.superstep = checkpoint.superstep;
}

function asRecord(value: JsonValue, what: string): Record<string, JsonValue> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new WorkflowCheckpointError(`${what} must be an object`);
  return value;
}
