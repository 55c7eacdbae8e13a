import { IDLE_NODE, type PendingRequest, type RunState } from './runState.ts';

/**
 * What the page's own commands do to the run state before the engine says anything: answering
 * questions, stopping a run that waits for a person, a command the engine client could not take.
 * Pure, like the reducer that follows the engine (`runReducer.ts`).
 */

/**
 * Of `responses`, those that answer a question still open (asked, not answered yet): they may be
 * sent while the run waits, and while it goes on (the host queues a run's answers in order).
 */
export function answerableResponses(state: RunState, responses: Readonly<Record<string, unknown>>): Record<string, unknown> {
  if (state.runId === undefined || (state.phase !== 'waiting' && state.phase !== 'running')) return {};
  const open = new Set(state.pending.filter((request) => request.sending !== true).map((request) => request.requestId));
  return Object.fromEntries(Object.entries(responses).filter(([requestId]) => open.has(requestId)));
}

/**
 * The user answered these requests. They stay listed, marked as sending, until the engine takes the
 * answers (the continuation's first events) or refuses them (then they are open again); their
 * nodes wait, queued, for the run to go on. The answers' continuation is queued after the others.
 */
export function markAnswered(state: RunState, requestIds: readonly string[]): RunState {
  const answered = new Set(requestIds);
  const sent = state.pending.filter((request) => answered.has(request.requestId) && request.sending !== true);
  if (sent.length === 0) return state;
  const sentIds = new Set(sent.map((request) => request.requestId));
  const nodes = { ...state.nodes };
  for (const request of sent) {
    const node = nodes[request.executorId] ?? IDLE_NODE;
    nodes[request.executorId] = { ...node, status: 'queued', settled: 'done' };
  }
  const pending = state.pending.map((request) => (sentIds.has(request.requestId) ? sending(request) : request));
  const continuations = [...state.continuations, { requestIds: [...sentIds], taken: false }];
  return { ...state, nodes, phase: 'running', pending, continuations };
}

/** The request, marked as sending, without the reason an earlier answer was refused. */
function sending(request: PendingRequest): PendingRequest {
  const copy: { -readonly [K in keyof PendingRequest]: PendingRequest[K] } = { ...request, sending: true };
  delete copy.refusal;
  return copy;
}

/**
 * The user stopped a run that waits for a person. The engine holds nothing for it (the run ended
 * when it went idle), so it ends here: cancelled, its questions withdrawn.
 */
export function stopWaiting(state: RunState): RunState {
  if (state.phase !== 'waiting') return state;
  const nodes = { ...state.nodes };
  for (const request of state.pending) {
    const node = nodes[request.executorId] ?? IDLE_NODE;
    nodes[request.executorId] = { ...node, status: 'done', settled: 'done' };
  }
  return {
    ...state,
    nodes,
    phase: 'ended',
    state: 'cancelled',
    pending: [],
    continuations: [],
    outcome: { reason: 'cancelled', state: 'cancelled', durationMs: 0 },
  };
}

/**
 * The engine client threw on a command (the worker could not be started, a value could not be
 * cloned): no `run_ended` will come, so the run ends here, failed with `message`.
 */
export function endWithEngineError(state: RunState, message: string): RunState {
  if (state.phase === 'none' || state.phase === 'ended') return state;
  const nodes = { ...state.nodes };
  for (const [id, node] of Object.entries(nodes)) {
    if (node.status === 'running' || node.status === 'queued') nodes[id] = { ...node, status: node.settled };
  }
  return {
    ...state,
    nodes,
    phase: 'ended',
    state: 'failed',
    pending: [],
    continuations: [],
    outcome: { reason: 'failed', state: 'failed', durationMs: 0, error: { name: 'EngineError', message } },
  };
}
