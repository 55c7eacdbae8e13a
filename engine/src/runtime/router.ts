import type { EdgeGroup, FanInEdgeGroup, SwitchCaseEdgeGroup } from '../builder/edge-groups.js';
import type { WorkflowGraph } from '../builder/graph.js';
import { WorkflowRoutingError } from '../errors.js';
import type { MessageDroppedEvent } from '../events.js';
import type { Executor, HandlerRegistration } from '../executors/executor.js';
import type { InstanceState } from './instance-state.js';
import { INTERNAL_SOURCE_PREFIX, type WorkflowMessage } from './message.js';

/** One handler invocation planned for the current superstep. */
export interface Delivery {
  readonly executor: Executor;
  /** The handler to call with `(data, ctx)` (a response handler is wrapped to receive the original request too). */
  readonly fn: HandlerRegistration['fn'];
  readonly data: unknown;
  readonly sourceIds: readonly string[];
  /** Set when the delivery is a human's answer to this request. */
  readonly requestId?: string;
}

/**
 * Turns the messages of one superstep into deliveries, in a deterministic order: messages by
 * sender (injected messages first, then executors in the order they were added), each sender's in
 * send order, and each message through its sender's edge groups in the order they were added.
 * Conditions and selections are evaluated here, one at a time, so their order is stable too.
 */
export class Router {
  readonly #graph: WorkflowGraph;
  readonly #instance: InstanceState;
  readonly #drop: (event: MessageDroppedEvent) => void;
  readonly #singleSource = new Map<string, readonly string[]>();

  constructor(graph: WorkflowGraph, instance: InstanceState, drop: (event: MessageDroppedEvent) => void) {
    this.#graph = graph;
    this.#instance = instance;
    this.#drop = drop;
  }

  /** Sorts a superstep's messages by sender (stable, so each sender's send order is kept). */
  order(messages: WorkflowMessage[]): WorkflowMessage[] {
    const first = messages[0];
    if (first === undefined) return messages;
    let mixed = false;
    for (let i = 1; i < messages.length; i++) {
      if ((messages[i] as WorkflowMessage).sourceId !== first.sourceId) {
        mixed = true;
        break;
      }
    }
    if (!mixed) return messages;
    const rank = (m: WorkflowMessage): number => this.#graph.executorOrder.get(m.sourceId) ?? -1;
    return messages.sort((a, b) => rank(a) - rank(b));
  }

  /**
   * Plans the deliveries of one superstep. Synchronous unless a condition or selection returns a
   * promise: then the rest is routed after it settles, in the same order.
   */
  route(messages: readonly WorkflowMessage[]): Delivery[] | Promise<Delivery[]> {
    const out: Delivery[] = [];
    for (let i = 0; i < messages.length; i++) {
      const pending = this.#routeMessage(messages[i] as WorkflowMessage, out);
      if (pending !== undefined) return this.#routeRest(pending, messages, i + 1, out);
    }
    return out;
  }

  async #routeRest(pending: Promise<void>, messages: readonly WorkflowMessage[], from: number, out: Delivery[]): Promise<Delivery[]> {
    await pending;
    for (let i = from; i < messages.length; i++) {
      const next = this.#routeMessage(messages[i] as WorkflowMessage, out);
      if (next !== undefined) await next;
    }
    return out;
  }

  #routeMessage(message: WorkflowMessage, out: Delivery[]): Promise<void> | undefined {
    if (message.sourceId.startsWith(INTERNAL_SOURCE_PREFIX)) {
      if (message.response === undefined) this.#offer(message, message.targetId as string, out);
      else this.#offerResponse(message, message.response, out);
      return undefined;
    }
    const groups = this.#graph.groupsBySource.get(message.sourceId);
    const targetId = message.targetId;
    let reached = targetId === undefined;
    if (groups !== undefined) {
      for (let i = 0; i < groups.length; i++) {
        const group = groups[i] as EdgeGroup;
        if (targetId !== undefined && !hasTarget(group, targetId)) continue;
        reached = true;
        const pending = this.#routeThrough(group, message, out);
        if (pending !== undefined) return this.#routeGroupsAfter(pending, groups, i + 1, message, out);
      }
    }
    if (!reached) this.#dropped(message, targetId, 'no_edge_to_target');
    return undefined;
  }

  async #routeGroupsAfter(
    pending: Promise<void>,
    groups: readonly EdgeGroup[],
    from: number,
    message: WorkflowMessage,
    out: Delivery[],
  ): Promise<void> {
    await pending;
    for (let i = from; i < groups.length; i++) {
      const group = groups[i] as EdgeGroup;
      if (message.targetId !== undefined && !hasTarget(group, message.targetId)) continue;
      const next = this.#routeThrough(group, message, out);
      if (next !== undefined) await next;
    }
  }

  #routeThrough(group: EdgeGroup, message: WorkflowMessage, out: Delivery[]): Promise<void> | undefined {
    switch (group.kind) {
      case 'single': {
        const handler = this.#handlerFor(group.target, message);
        if (handler === undefined) return undefined;
        const deliver = (pass: unknown): void => {
          if (pass)
            out.push({
              executor: this.#executor(group.target),
              fn: handler.fn,
              data: message.data,
              sourceIds: this.#sources(message.sourceId),
            });
        };
        if (group.condition === undefined) {
          deliver(true);
          return undefined;
        }
        return settle(
          callUser(group.condition, message.data, undefined, () => `the condition of edge ${group.source} -> ${group.target}`),
          deliver,
        );
      }
      case 'fan_out': {
        const offerAll = (chosen: unknown): void => {
          const targets = group.selection === undefined ? group.targets : checkSelection(chosen, group.targets, group.source);
          for (const target of targets) {
            if (message.targetId !== undefined && target !== message.targetId) continue;
            this.#offer(message, target, out);
          }
        };
        if (group.selection === undefined) {
          offerAll(undefined);
          return undefined;
        }
        return settle(
          callUser(group.selection, message.data, group.targets, () => `the selection of the fan-out from ${group.source}`),
          offerAll,
        );
      }
      case 'switch_case':
        return this.#switchFrom(group, 0, message, out);
      case 'fan_in':
        this.#collect(group, message, out);
        return undefined;
    }
  }

  /** Evaluates the cases from `index` on; the first truthy one wins, else the Default. */
  #switchFrom(group: SwitchCaseEdgeGroup, index: number, message: WorkflowMessage, out: Delivery[]): Promise<void> | undefined {
    const choose = (target: string): void => {
      if (message.targetId === undefined || target === message.targetId) this.#offer(message, target, out);
    };
    for (let i = index; i < group.cases.length; i++) {
      const entry = group.cases[i] as SwitchCaseEdgeGroup['cases'][number];
      const match = callUser(
        entry.condition,
        message.data,
        undefined,
        () => `the case '${entry.conditionName}' of the switch-case from ${group.source}`,
      );
      if (match instanceof Promise) {
        return match.then((value) => {
          if (value) choose(entry.target);
          else return this.#switchFrom(group, i + 1, message, out);
          return undefined;
        });
      }
      if (match) {
        choose(entry.target);
        return undefined;
      }
    }
    choose(group.defaultTarget);
    return undefined;
  }

  /** Delivers to `target` if one of its handlers takes the message, else reports it dropped. */
  #offer(message: WorkflowMessage, target: string, out: Delivery[]): void {
    const handler = this.#handlerFor(target, message);
    if (handler !== undefined)
      out.push({ executor: this.#executor(target), fn: handler.fn, data: message.data, sourceIds: this.#sources(message.sourceId) });
  }

  /** Delivers a human's answer to the requesting executor's matching response handler. */
  #offerResponse(message: WorkflowMessage, response: NonNullable<WorkflowMessage['response']>, out: Delivery[]): void {
    const target = message.targetId as string;
    const executor = this.#executor(target);
    const handler = executor.findResponseHandler(response.request, message.data);
    if (handler === undefined) {
      this.#dropped(message, target, 'no_matching_handler');
      return;
    }
    const fn = (answer: unknown, ctx: Parameters<HandlerRegistration['fn']>[1]) => handler.fn(response.request, answer, ctx);
    out.push({ executor, fn, data: message.data, sourceIds: this.#sources(message.sourceId), requestId: response.requestId });
  }

  #collect(group: FanInEdgeGroup, message: WorkflowMessage, out: Delivery[]): void {
    const target = this.#executor(group.target);
    if (target.findHandler([message.data]) === undefined) {
      this.#dropped(message, group.target, 'no_matching_handler');
      return;
    }
    let buffers = this.#instance.fanIn.get(group.id);
    if (buffers === undefined) {
      buffers = new Map();
      this.#instance.fanIn.set(group.id, buffers);
    }
    const buffer = buffers.get(message.sourceId);
    if (buffer === undefined) buffers.set(message.sourceId, [message.data]);
    else buffer.push(message.data);
    // sources are distinct and only they reach this group, so a full map means every source sent
    if (buffers.size < group.sources.length) return;
    const list: unknown[] = [];
    for (const source of group.sources) list.push(...(buffers.get(source) as unknown[]));
    this.#instance.fanIn.delete(group.id);
    const handler = target.findHandler(list);
    if (handler === undefined) {
      this.#dropped({ data: list, sourceId: message.sourceId, targetId: group.target }, group.target, 'no_matching_handler');
      return;
    }
    out.push({ executor: target, fn: handler.fn, data: list, sourceIds: group.sources });
  }

  #handlerFor(target: string, message: WorkflowMessage): HandlerRegistration | undefined {
    const handler = this.#executor(target).findHandler(message.data);
    if (handler === undefined) this.#dropped(message, target, 'no_matching_handler');
    return handler;
  }

  #executor(id: string): Executor {
    const executor = this.#graph.executors.get(id);
    if (executor === undefined) throw new WorkflowRoutingError(`No executor '${id}' in workflow '${this.#graph.name}'`);
    return executor;
  }

  #sources(sourceId: string): readonly string[] {
    let ids = this.#singleSource.get(sourceId);
    if (ids === undefined) {
      ids = Object.freeze([sourceId]);
      this.#singleSource.set(sourceId, ids);
    }
    return ids;
  }

  #dropped(message: WorkflowMessage, targetId: string | undefined, reason: MessageDroppedEvent['reason']): void {
    const event: MessageDroppedEvent = { type: 'message_dropped', sourceId: message.sourceId, reason, data: message.data };
    if (targetId !== undefined) event.targetId = targetId;
    this.#drop(event);
  }
}

function hasTarget(group: EdgeGroup, targetId: string): boolean {
  switch (group.kind) {
    case 'single':
    case 'fan_in':
      return group.target === targetId;
    case 'fan_out':
      return group.targets.includes(targetId);
    case 'switch_case':
      return group.defaultTarget === targetId || group.cases.some((c) => c.target === targetId);
  }
}

/**
 * Calls user routing code (a condition or a selection). A throw, or a rejected promise, fails the
 * run with an error that says which code failed; `what` builds that text only when needed.
 */
function callUser(
  fn: (message: unknown, targets: readonly string[]) => unknown,
  data: unknown,
  targets: readonly string[] | undefined,
  what: () => string,
): unknown {
  try {
    const result = fn(data, targets ?? NO_TARGETS);
    return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(routingError(what(), error))) : result;
  } catch (error) {
    throw routingError(what(), error);
  }
}

const NO_TARGETS: readonly string[] = Object.freeze([]);

function routingError(what: string, error: unknown): WorkflowRoutingError {
  return new WorkflowRoutingError(`${what} threw: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
}

/** Applies `then` to a value now, or once the promise settles. */
function settle(value: unknown, then: (value: unknown) => void): Promise<void> | undefined {
  if (value instanceof Promise) return value.then(then);
  then(value);
  return undefined;
}

function checkSelection(chosen: unknown, targets: readonly string[], source: string): readonly string[] {
  if (!Array.isArray(chosen)) {
    throw new WorkflowRoutingError(`the selection of the fan-out from ${source} must return an array of target ids, got ${typeof chosen}`);
  }
  const unknown = chosen.filter((id) => typeof id !== 'string' || !targets.includes(id));
  if (unknown.length > 0) {
    throw new WorkflowRoutingError(
      `the selection of the fan-out from ${source} returned ${unknown.map((id) => JSON.stringify(id)).join(', ')}, not among its targets (${targets.join(', ')})`,
    );
  }
  return targets.filter((t) => chosen.includes(t));
}
