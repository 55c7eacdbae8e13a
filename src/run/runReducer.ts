import { assertNever, type WorkflowEvent } from '@trellis/engine';
import type { RunEndedMessage, RunMessage, TimedEvent } from '../engine-host/protocol.ts';
import { eventExecutorId } from './describeEvent.ts';
import { arrive, beginSuperstep, endSuperstep, offer, type TrafficEdge } from './edgeTraffic.ts';
import type { RunBacklog } from './runBacklog.ts';
import { appendToLog, logCountKey } from './runLog.ts';
import {
  edgeKey,
  IDLE_NODE,
  type EdgeRun,
  type LogEntry,
  type NodeRun,
  type Continuation,
  type PendingRequest,
  type RunOutput,
  type RunState,
  type SuperstepSpan,
} from './runState.ts';

/**
 * Applies one delivered batch of run messages to the run state, all at once (the store applies its
 * queue with {@link applyBacklog}, which bounds the work per frame; both go through the same draft). Pure (the input is never changed; untouched nodes and edges keep their identity,
 * so their selectors answer the same object), and linear in the batch: each changed node or edge
 * is copied once per batch, the log grows once per batch. Messages for another run are ignored.
 */
export function applyRunMessages(state: RunState, messages: readonly RunMessage[]): RunState {
  if (state.runId === undefined) return state;
  const draft = new RunDraft(state);
  for (const message of messages) draft.message(message);
  return draft.finish();
}

/** How many events are applied between two looks at the clock (a few hundred µs of work). */
const SLICE_EVENTS = 256;

/**
 * Applies what waits in `backlog`, in slices, while `hasTime()` says so (at least one slice, so
 * a run always moves on); the rest stays queued. One new state, however many slices it took.
 */
export function applyBacklog(state: RunState, backlog: RunBacklog, hasTime: () => boolean): RunState {
  if (state.runId === undefined || backlog.size === 0) return state;
  const draft = new RunDraft(state);
  do {
    const piece = backlog.take(SLICE_EVENTS);
    if (piece === undefined) break;
    draft.message(piece);
  } while (hasTime());
  return draft.finish();
}

/** A mutable working copy of one batch's changes, copied on first write. */
class RunDraft {
  #state: RunState;
  readonly #nodes: Record<string, NodeRun>;
  readonly #touchedNodes = new Set<string>();
  #edges: Record<string, EdgeRun> | undefined;
  readonly #log: LogEntry[] = [];
  #logCounts: Record<string, number> | undefined;
  readonly #outputs: RunOutput[] = [];
  #pending: PendingRequest[] | undefined;
  #continuations: Continuation[] | undefined;
  #supersteps: SuperstepSpan[] | undefined;
  #firstAt: number | undefined;
  #lastAt: number | undefined;
  readonly #outgoing: ReadonlyMap<string, readonly TrafficEdge[]>;
  readonly #fanInTargets: ReadonlySet<string>;

  constructor(state: RunState) {
    this.#state = state;
    this.#nodes = { ...state.nodes };
    const outgoing = new Map<string, TrafficEdge[]>();
    const fanInTargets = new Set<string>();
    for (const edge of state.graph) {
      const list = outgoing.get(edge.source) ?? [];
      list.push({ ...edge, key: edgeKey(edge.source, edge.target) });
      outgoing.set(edge.source, list);
      if (edge.kind === 'fan_in') fanInTargets.add(edge.target);
    }
    this.#outgoing = outgoing;
    this.#fanInTargets = fanInTargets;
  }

  /** Applies one message (one of another run is ignored). */
  message(message: RunMessage): void {
    if (message.runId !== this.#state.runId) return;
    if (message.type === 'events') {
      if (message.events.length > 0) this.#taken();
      for (const timed of message.events) this.#apply(timed);
    } else this.#end(message);
  }

  /** The oldest continuation sent events: the engine took its answers, whose questions are now closed. */
  #taken(): void {
    const continuations = this.#continuationList();
    const head = continuations[0];
    if (head === undefined || head.taken) return;
    continuations[0] = { ...head, taken: true };
    if (head.requestIds.length === 0) return;
    const answered = new Set(head.requestIds);
    this.#pending = this.#pendingList().filter((request) => !answered.has(request.requestId));
  }

  #apply({ at, event }: TimedEvent): void {
    this.#log.push({ seq: this.#state.logTotal + this.#log.length, at, event });
    const counts = (this.#logCounts ??= { ...this.#state.logCounts });
    const key = logCountKey(event.type, eventExecutorId(event));
    counts[key] = (counts[key] ?? 0) + 1;
    this.#firstAt ??= at;
    this.#lastAt = at;
    this.#event(event, at);
  }

  #event(event: WorkflowEvent, at: number): void {
    switch (event.type) {
      case 'workflow_start':
      case 'checkpoint_saved':
      case 'custom':
        return;
      case 'workflow_status':
      case 'workflow_complete':
        this.#state = { ...this.#state, state: event.state };
        return;
      case 'superstep_start':
        this.#superstepStarted(event.superstep, at);
        return;
      case 'superstep_complete':
        this.#superstepEnded(event.superstep, at);
        return;
      case 'executor_start':
        this.#started(event.executorId, event.data);
        return;
      case 'executor_complete': {
        const node = this.#node(event.executorId);
        const waiting = this.#pendingList().some((request) => request.executorId === event.executorId);
        const status = waiting ? 'waiting' : 'done';
        this.#setNode(event.executorId, { ...node, status, settled: status, lastDurationMs: event.durationMs });
        return;
      }
      case 'executor_output':
        this.#sent(event.executorId, event.data, event.targetId);
        return;
      case 'workflow_output':
        this.#outputs.push({ seq: this.#state.logTotal + this.#log.length - 1, executorId: event.executorId, value: event.data });
        this.#setNode(event.executorId, { ...this.#node(event.executorId), lastOutput: { value: event.data } });
        return;
      case 'request_info':
        this.#asked(event);
        return;
      case 'agent_update': {
        const node = this.#node(event.executorId);
        this.#setNode(event.executorId, { ...node, reply: node.reply + event.delta });
        return;
      }
      case 'message_dropped':
        this.#dropped(event.sourceId, event.targetId);
        return;
      case 'executor_bypassed':
        this.#setNode(event.executorId, {
          ...this.#node(event.executorId),
          status: 'done',
          settled: 'done',
          lastOutput: { value: event.data },
        });
        return;
      case 'error':
        if (event.executorId !== undefined) {
          this.#setNode(event.executorId, { ...this.#node(event.executorId), status: 'failed', settled: 'failed', error: event.error });
        }
        return;
      default:
        assertNever(event, 'event');
    }
  }

  #superstepStarted(superstep: number, at: number): void {
    const spans = this.#spans();
    spans.push({ superstep, startedAt: at, nodeIds: [] });
    this.#state = { ...this.#state, superstep, traffic: beginSuperstep(this.#state.traffic) };
  }

  #superstepEnded(superstep: number, at: number): void {
    const spans = this.#spans();
    for (let index = spans.length - 1; index >= 0; index--) {
      const span = spans[index];
      if (span?.superstep !== superstep) continue;
      spans[index] = { ...span, endedAt: at };
      break;
    }
    const resolution = endSuperstep(this.#state.traffic, this.#fanInTargets);
    this.#state = { ...this.#state, traffic: resolution.traffic };
    for (const [key, count] of resolution.passed) {
      const edge = this.#edge(key);
      this.#setEdge(key, { ...edge, messages: edge.messages + count, lastSuperstep: Math.max(edge.lastSuperstep, superstep - 1) });
    }
    for (const key of resolution.uncertain) this.#setEdge(key, { ...this.#edge(key), uncertain: true });
  }

  #started(executorId: string, data: unknown): void {
    const node = withoutError(this.#node(executorId));
    this.#setNode(executorId, { ...node, status: 'running', runs: node.runs + 1, lastInput: { value: data }, reply: '' });
    this.#state = { ...this.#state, traffic: arrive(this.#state.traffic, executorId) };
    const spans = this.#spans();
    const span = spans.at(-1);
    if (span !== undefined && !span.nodeIds.includes(executorId))
      spans[spans.length - 1] = { ...span, nodeIds: [...span.nodeIds, executorId] };
  }

  #sent(executorId: string, data: unknown, targetId: string | undefined): void {
    this.#setNode(executorId, { ...this.#node(executorId), lastOutput: { value: data } });
    const result = offer(this.#state.traffic, this.#outgoing.get(executorId) ?? [], targetId);
    this.#state = { ...this.#state, traffic: result.traffic };
    const superstep = this.#state.superstep;
    for (const key of result.certain) {
      const edge = this.#edge(key);
      this.#setEdge(key, { ...edge, messages: edge.messages + 1, lastSuperstep: superstep });
      const target = this.#outgoing.get(executorId)?.find((candidate) => candidate.key === key)?.target;
      if (target !== undefined) this.#queue(target);
    }
  }

  /** A message is on its way to `target`: it shows as queued until its handler starts. */
  #queue(target: string): void {
    const node = this.#node(target);
    if (node.status === 'queued' || node.status === 'running') return;
    this.#setNode(target, { ...node, status: 'queued', settled: node.status });
  }

  #asked(event: Extract<WorkflowEvent, { type: 'request_info' }>): void {
    const pending = this.#pendingList();
    const request: PendingRequest = {
      requestId: event.requestId,
      executorId: event.executorId,
      data: event.data,
      responseType: event.responseType,
    };
    const index = pending.findIndex((known) => known.requestId === event.requestId);
    if (index === -1) pending.push(request);
    else pending[index] = request;
    this.#setNode(event.executorId, { ...this.#node(event.executorId), status: 'waiting', settled: 'waiting' });
  }

  #dropped(sourceId: string, targetId: string | undefined): void {
    const key = targetId === undefined ? undefined : edgeKey(sourceId, targetId);
    const known = key === undefined ? undefined : (this.#edges?.[key] ?? this.#state.edges[key]);
    if (key !== undefined && (known !== undefined || this.#state.graph.some((edge) => edgeKey(edge.source, edge.target) === key))) {
      const edge = known ?? this.#edge(key);
      this.#setEdge(key, { ...edge, dropped: edge.dropped + 1 });
      if (targetId !== undefined) {
        const target = this.#node(targetId);
        if (target.status === 'queued') this.#setNode(targetId, { ...target, status: target.settled });
      }
      return;
    }
    const source = this.#node(sourceId);
    this.#setNode(sourceId, { ...source, dropped: source.dropped + 1 });
  }

  /**
   * The oldest continuation ended. One that answered requests and ended refused before any event
   * (a wrong answer: the run still waits, `idle_with_pending_requests`) gives its questions back,
   * with the engine's reason. The run waits or ends only once no later continuation is queued.
   */
  #end(message: RunEndedMessage): void {
    const { outcome } = message;
    const continuations = this.#continuationList();
    const head = continuations.shift();
    const refused =
      head !== undefined &&
      !head.taken &&
      head.requestIds.length > 0 &&
      outcome.reason === 'failed' &&
      outcome.state === 'idle_with_pending_requests';
    if (refused) this.#refused(head, outcome.error?.message ?? 'The engine refused the answer.');
    // After a stop or a lost host no other continuation reports: the run ends with this one.
    const last = outcome.reason === 'cancelled' || outcome.reason === 'host_lost';
    const more = continuations.length > 0 && !last;
    const sending = new Set(this.#pendingList().flatMap((request) => (request.sending === true ? [request.executorId] : [])));
    for (const [id, node] of Object.entries(this.#nodes)) {
      if ((node.status === 'running' || node.status === 'queued') && !(more && sending.has(id))) {
        this.#setNode(id, { ...node, status: node.settled });
      }
    }
    const waiting = !more && outcome.state === 'idle_with_pending_requests' && this.#pendingList().length > 0;
    if (!waiting && !more) this.#pending = [];
    if (last) this.#continuations = [];
    this.#state = {
      ...this.#state,
      phase: more ? 'running' : waiting ? 'waiting' : 'ended',
      state: outcome.state,
      // A refused answer leaves the run as it was: its reason shows at the question, not as the run's end.
      outcome: refused ? this.#state.outcome : outcome,
      totalDurationMs: this.#state.totalDurationMs + outcome.durationMs,
    };
  }

  /** Puts the questions a refused continuation answered back, open again, with the engine's reason. */
  #refused(continuation: Continuation, reason: string): void {
    const answered = new Set(continuation.requestIds);
    this.#pending = this.#pendingList().map((request) => {
      if (!answered.has(request.requestId)) return request;
      this.#setNode(request.executorId, { ...this.#node(request.executorId), status: 'waiting', settled: 'waiting' });
      const reopened: { -readonly [K in keyof PendingRequest]: PendingRequest[K] } = { ...request, refusal: reason };
      delete reopened.sending;
      return reopened;
    });
  }

  finish(): RunState {
    const state = this.#state;
    const seen = this.#lastAt !== undefined;
    return {
      ...state,
      phase: seen && state.phase === 'starting' ? 'running' : state.phase,
      firstEventAt: state.firstEventAt ?? this.#firstAt,
      lastEventAt: this.#lastAt ?? state.lastEventAt,
      nodes: this.#touchedNodes.size === 0 ? state.nodes : this.#nodes,
      edges: this.#edges ?? state.edges,
      log: appendToLog(state.log, this.#log),
      logTotal: state.logTotal + this.#log.length,
      logCounts: this.#logCounts ?? state.logCounts,
      outputs: this.#outputs.length === 0 ? state.outputs : state.outputs.concat(this.#outputs),
      pending: this.#pending ?? state.pending,
      continuations: this.#continuations ?? state.continuations,
      supersteps: this.#supersteps ?? state.supersteps,
    };
  }

  #node(id: string): NodeRun {
    return this.#nodes[id] ?? IDLE_NODE;
  }

  #setNode(id: string, node: NodeRun): void {
    this.#nodes[id] = node;
    this.#touchedNodes.add(id);
  }

  #edge(key: string): EdgeRun {
    return this.#edges?.[key] ?? this.#state.edges[key] ?? { messages: 0, dropped: 0, uncertain: false, lastSuperstep: 0 };
  }

  #setEdge(key: string, edge: EdgeRun): void {
    this.#edges ??= { ...this.#state.edges };
    this.#edges[key] = edge;
  }

  #pendingList(): PendingRequest[] {
    this.#pending ??= [...this.#state.pending];
    return this.#pending;
  }

  #continuationList(): Continuation[] {
    this.#continuations ??= [...this.#state.continuations];
    return this.#continuations;
  }

  #spans(): SuperstepSpan[] {
    this.#supersteps ??= [...this.#state.supersteps];
    return this.#supersteps;
  }
}

/** The node without the error of an earlier invocation (a fresh start clears it). */
function withoutError(node: NodeRun): NodeRun {
  if (node.error === undefined) return node;
  const copy: { -readonly [K in keyof NodeRun]: NodeRun[K] } = { ...node };
  delete copy.error;
  return copy;
}
