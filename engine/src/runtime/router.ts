import type { EdgeGroup, FanInEdgeGroup } from '../builder/edge-groups.js';
import type { WorkflowGraph } from '../builder/graph.js';
import { WorkflowRoutingError } from '../errors.js';
import type { MessageDroppedEvent } from '../events.js';
import type { Executor, HandlerRegistration } from '../executors/executor.js';
import type { InstanceState } from './instance-state.js';
import { INTERNAL_SOURCE_PREFIX, type WorkflowMessage } from './message.js';

/** One handler invocation planned for the current superstep. */
export interface Delivery {
  readonly executor: Executor;
  readonly handler: HandlerRegistration;
  readonly data: unknown;
  readonly sourceIds: readonly string[];
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

  async route(messages: readonly WorkflowMessage[]): Promise<Delivery[]> {
    const deliveries: Delivery[] = [];
    for (const message of messages) {
      if (message.sourceId.startsWith(INTERNAL_SOURCE_PREFIX)) {
        this.#offer(message, message.targetId as string, deliveries);
        continue;
      }
      const groups = this.#graph.groupsBySource.get(message.sourceId);
      let reached = message.targetId === undefined;
      if (groups !== undefined) {
        for (const group of groups) {
          if (message.targetId !== undefined && !hasTarget(group, message.targetId)) continue;
          reached = true;
          await this.#routeThrough(group, message, deliveries);
        }
      }
      if (!reached) this.#dropped(message, message.targetId, 'no_edge_to_target');
    }
    return deliveries;
  }

  async #routeThrough(group: EdgeGroup, message: WorkflowMessage, out: Delivery[]): Promise<void> {
    const { data, targetId } = message;
    switch (group.kind) {
      case 'single': {
        const handler = this.#handlerFor(group.target, message);
        if (handler === undefined) return;
        if (group.condition !== undefined) {
          const pass = await evaluate(() => group.condition?.(data), `the condition of edge ${group.source} -> ${group.target}`);
          if (!pass) return;
        }
        out.push({ executor: this.#executor(group.target), handler, data, sourceIds: this.#sources(message.sourceId) });
        return;
      }
      case 'fan_out': {
        let targets = group.targets;
        if (group.selection !== undefined) {
          const selection = group.selection;
          const chosen = await evaluate(() => selection(data, group.targets), `the selection of the fan-out from ${group.source}`);
          targets = checkSelection(chosen, group.targets, group.source);
        }
        for (const target of targets) {
          if (targetId !== undefined && target !== targetId) continue;
          this.#offer(message, target, out);
        }
        return;
      }
      case 'switch_case': {
        let chosen = group.defaultTarget;
        for (const entry of group.cases) {
          const match = await evaluate(
            () => entry.condition(data),
            `the case '${entry.conditionName}' of the switch-case from ${group.source}`,
          );
          if (match) {
            chosen = entry.target;
            break;
          }
        }
        if (targetId !== undefined && chosen !== targetId) return;
        this.#offer(message, chosen, out);
        return;
      }
      case 'fan_in':
        this.#collect(group, message, out);
        return;
    }
  }

  /** Delivers to `target` if one of its handlers takes the message, else reports it dropped. */
  #offer(message: WorkflowMessage, target: string, out: Delivery[]): void {
    const handler = this.#handlerFor(target, message);
    if (handler !== undefined)
      out.push({ executor: this.#executor(target), handler, data: message.data, sourceIds: this.#sources(message.sourceId) });
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
    for (const source of group.sources) if (!buffers.has(source)) return;
    const list: unknown[] = [];
    for (const source of group.sources) list.push(...(buffers.get(source) as unknown[]));
    this.#instance.fanIn.delete(group.id);
    const handler = target.findHandler(list);
    if (handler === undefined) {
      this.#dropped({ data: list, sourceId: message.sourceId, targetId: group.target }, group.target, 'no_matching_handler');
      return;
    }
    out.push({ executor: target, handler, data: list, sourceIds: group.sources });
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

/** Runs user routing code; a throw fails the run with an error that says which code threw. */
async function evaluate<T>(fn: () => T | Promise<T> | undefined, what: string): Promise<T | undefined> {
  try {
    const result = fn();
    return result instanceof Promise ? await result : result;
  } catch (error) {
    throw new WorkflowRoutingError(`${what} threw: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
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
