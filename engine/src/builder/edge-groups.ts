import type { Agent } from '../agents/types.js';
import type { Executor } from '../executors/executor.js';

/** An edge condition: receives the message data; a falsy answer means "not along this edge". */
export type EdgeCondition = (message: unknown) => boolean | Promise<boolean>;

/** A fan-out selection: receives the message and the group's target ids, returns the ids to deliver to. */
export type SelectionFunction = (message: unknown, targetIds: readonly string[]) => readonly string[] | Promise<readonly string[]>;

/**
 * Something that names an executor in builder calls: the executor itself, its id, or an agent
 * (wrapped in an `AgentExecutor` whose id is the agent's name; one agent, one wrapper).
 */
export type ExecutorRef = Executor | Agent | string;

/** One case of a switch-case group: the first case whose condition is truthy wins. */
export class Case {
  readonly kind = 'case';
  constructor(
    readonly condition: EdgeCondition,
    readonly target: ExecutorRef,
  ) {
    if (typeof condition !== 'function') throw new TypeError('Case(condition, target): condition must be a function');
  }
}

/** The fallback of a switch-case group, taken when no case matched; exactly one, last. */
export class Default {
  readonly kind = 'default';
  constructor(readonly target: ExecutorRef) {}
}

/** A plain edge, optionally conditional. */
export interface SingleEdgeGroup {
  readonly kind: 'single';
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly condition: EdgeCondition | undefined;
  readonly conditionName: string | undefined;
}

/** One source broadcasting to several targets, optionally through a selection function. */
export interface FanOutEdgeGroup {
  readonly kind: 'fan_out';
  readonly id: string;
  readonly source: string;
  readonly targets: readonly string[];
  readonly selection: SelectionFunction | undefined;
  readonly selectionName: string | undefined;
}

/** Several sources whose messages are collected into one list for the target. */
export interface FanInEdgeGroup {
  readonly kind: 'fan_in';
  readonly id: string;
  readonly sources: readonly string[];
  readonly target: string;
}

/** One source routed to exactly one of several targets by ordered cases. */
export interface SwitchCaseEdgeGroup {
  readonly kind: 'switch_case';
  readonly id: string;
  readonly source: string;
  readonly cases: readonly { readonly condition: EdgeCondition; readonly conditionName: string; readonly target: string }[];
  readonly defaultTarget: string;
}

/** Every kind of edge group, a discriminated union on `kind`. */
export type EdgeGroup = SingleEdgeGroup | FanOutEdgeGroup | FanInEdgeGroup | SwitchCaseEdgeGroup;

/** The sources of a group. */
export function groupSources(group: EdgeGroup): readonly string[] {
  return group.kind === 'fan_in' ? group.sources : [group.source];
}

/** The targets of a group, in declaration order. */
export function groupTargets(group: EdgeGroup): readonly string[] {
  switch (group.kind) {
    case 'single':
      return [group.target];
    case 'fan_out':
      return group.targets;
    case 'fan_in':
      return [group.target];
    case 'switch_case':
      // two cases may share a target; the group still has one edge to it
      return [...new Set([...group.cases.map((c) => c.target), group.defaultTarget])];
  }
}

/** Every (source, target) pair of a group. */
export function groupEdges(group: EdgeGroup): { source: string; target: string }[] {
  const edges: { source: string; target: string }[] = [];
  for (const source of groupSources(group)) for (const target of groupTargets(group)) edges.push({ source, target });
  return edges;
}

/** A function's name for diagrams and graph hashes (`<anonymous>` for lambdas). */
export function functionName(fn: ((...args: never[]) => unknown) | undefined): string | undefined {
  if (fn === undefined) return undefined;
  return fn.name || '<anonymous>';
}
