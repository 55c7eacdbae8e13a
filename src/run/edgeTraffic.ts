import type { CanvasEdgeKind } from '../model/index.ts';

/**
 * Which edges a message passed. The engine says who sent a message (`executor_output`) and, for a
 * targeted send, to whom; it does not say which edge's condition let it through. So:
 *
 * - an edge without a condition (plain, fan-out, fan-in) carries every message its source sends
 *   (or every one sent to its target): counted at once, exactly;
 * - an edge whose condition decides (conditional, switch case or default) is only a candidate. In
 *   the next superstep the targets start; a target's starts beyond what its unconditional edges
 *   brought came through its conditional edges. With one candidate edge into that target the
 *   count is exact; with several (two senders, or a fan-in that may deliver later) they cannot be
 *   told apart, and the candidates are marked `uncertain` rather than guessed.
 */

/** The edges a source's messages may take, as far as counting needs them. */
export interface TrafficEdge {
  readonly key: string;
  readonly source: string;
  readonly target: string;
  readonly kind: CanvasEdgeKind;
}

/** Messages sent during one superstep, by target. */
export interface Offers {
  /** Target → the conditional edges (keys) that may have carried messages into it. */
  readonly conditional: Readonly<Record<string, readonly string[]>>;
  /** Target → messages that reached it over unconditional, non-fan-in edges (each is one start). */
  readonly exact: Readonly<Record<string, number>>;
}

export interface EdgeTraffic {
  /** Sent in the current superstep, delivered in the next. */
  readonly sending: Offers;
  /** Sent in the previous superstep, delivered in this one. */
  readonly arriving: Offers;
  /** Handler starts in this superstep, for targets in `arriving.conditional`. */
  readonly arrivals: Readonly<Record<string, number>>;
}

const NO_OFFERS: Offers = { conditional: {}, exact: {} };

export function emptyTraffic(): EdgeTraffic {
  return { sending: NO_OFFERS, arriving: NO_OFFERS, arrivals: {} };
}

/** Whether a condition on the edge decides if a message passes. */
export function isConditional(kind: CanvasEdgeKind): boolean {
  return kind === 'conditional' || kind === 'switch_case' || kind === 'switch_default';
}

/** What `offer` found: the edges that surely carried the message, and the traffic to remember. */
export interface OfferResult {
  readonly certain: readonly string[];
  readonly traffic: EdgeTraffic;
}

/** A message sent by `source` (to `targetId` only, when given) during the current superstep. */
export function offer(traffic: EdgeTraffic, outgoing: readonly TrafficEdge[], targetId: string | undefined): OfferResult {
  const certain: string[] = [];
  let conditional: Record<string, readonly string[]> | undefined;
  let exact: Record<string, number> | undefined;
  for (const edge of outgoing) {
    if (targetId !== undefined && edge.target !== targetId) continue;
    if (isConditional(edge.kind)) {
      conditional ??= { ...traffic.sending.conditional };
      const known = conditional[edge.target] ?? [];
      if (!known.includes(edge.key)) conditional[edge.target] = [...known, edge.key];
      continue;
    }
    certain.push(edge.key);
    if (edge.kind !== 'fan_in') {
      exact ??= { ...traffic.sending.exact };
      exact[edge.target] = (exact[edge.target] ?? 0) + 1;
    }
  }
  if (conditional === undefined && exact === undefined) return { certain, traffic };
  const sending = { conditional: conditional ?? traffic.sending.conditional, exact: exact ?? traffic.sending.exact };
  return { certain, traffic: { ...traffic, sending } };
}

/** A superstep begins: what was sent in the previous one arrives now. */
export function beginSuperstep(traffic: EdgeTraffic): EdgeTraffic {
  return { sending: NO_OFFERS, arriving: traffic.sending, arrivals: {} };
}

/** A handler of `executorId` started (counted only where a conditional edge may explain it). */
export function arrive(traffic: EdgeTraffic, executorId: string): EdgeTraffic {
  if (!Object.hasOwn(traffic.arriving.conditional, executorId)) return traffic;
  return { ...traffic, arrivals: { ...traffic.arrivals, [executorId]: (traffic.arrivals[executorId] ?? 0) + 1 } };
}

/** What a finished superstep tells about its conditional edges. */
export interface Resolution {
  /** Edge key → messages it surely carried. */
  readonly passed: ReadonlyMap<string, number>;
  /** Edges that may have carried messages that cannot be attributed. */
  readonly uncertain: readonly string[];
  readonly traffic: EdgeTraffic;
}

/**
 * The superstep ended: attributes its starts to the conditional edges that could explain them.
 * `fanInTargets` are executors some fan-in feeds: a fan-in delivers when its last source has sent,
 * possibly supersteps later, so starts there cannot be attributed.
 */
export function endSuperstep(traffic: EdgeTraffic, fanInTargets: ReadonlySet<string>): Resolution {
  const passed = new Map<string, number>();
  const uncertain: string[] = [];
  for (const [target, candidates] of Object.entries(traffic.arriving.conditional)) {
    const extra = (traffic.arrivals[target] ?? 0) - (traffic.arriving.exact[target] ?? 0);
    if (extra <= 0) continue;
    const only = candidates.length === 1 && !fanInTargets.has(target) ? candidates[0] : undefined;
    if (only === undefined) uncertain.push(...candidates);
    else passed.set(only, extra);
  }
  return { passed, uncertain, traffic: { ...traffic, arriving: NO_OFFERS, arrivals: {} } };
}
