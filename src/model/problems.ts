import { validateWorkflowDefinition, type Problem, type WorkflowDefinition } from '@trellis/engine';
import type { GraphChange } from './changes.ts';
import { asNodeId, findExecutor, isFanIn, isFanOut, membersOf, type EdgeRef, type NodeId } from './graph.ts';

/**
 * Puts the engine's validation problems where the canvas shows them: on a node, on canvas edges,
 * or on the workflow as a whole. The problems themselves come from `validateWorkflowDefinition`
 * unchanged (no second copy of the rules); this only reads their `path`, `executorId` and `edge`.
 */

/** Where a problem is shown. An edge-level problem of a fan-out or switch badges all its members. */
export type ProblemTarget =
  | { readonly kind: 'node'; readonly nodeId: NodeId }
  | { readonly kind: 'edge'; readonly edgeIndex: number; readonly edgeIds: readonly EdgeRef[] }
  | { readonly kind: 'workflow' };

/** A problem and where it goes. */
export interface TargetedProblem {
  readonly problem: Problem;
  readonly target: ProblemTarget;
}

/** Every problem (none dropped), and the same problems grouped for badges. */
export interface ProblemIndex {
  readonly all: readonly TargetedProblem[];
  readonly byNode: ReadonlyMap<NodeId, readonly Problem[]>;
  readonly byEdge: ReadonlyMap<EdgeRef, readonly Problem[]>;
  /** Problems with no node or edge to show them on (a bad `start`, the name, a layout entry of no node). */
  readonly workflow: readonly Problem[];
}

/** Definitions are immutable values, so their validation can be remembered by identity. */
const cache = new WeakMap<WorkflowDefinition, ProblemIndex>();

/**
 * Validates a definition with the engine and places each problem. Memoised per definition object,
 * so a selector calling it on every render validates once per edit.
 *
 * @example
 * problemsByTarget(definition).byNode.get(node.id)?.length; // the node's badge count
 */
export function problemsByTarget(definition: WorkflowDefinition): ProblemIndex {
  const hit = cache.get(definition);
  if (hit !== undefined) return hit;
  const index = indexProblems(definition, validateWorkflowDefinition(definition));
  cache.set(definition, index);
  return index;
}

/**
 * The problems of `next`, reached from `previous` by `changes`: the same index object as
 * `previous`'s when the changes are moves only (a position is never a problem, and a move only
 * touches nodes that exist), so a drag does not run the validator on every tick.
 */
export function problemsAfter(previous: WorkflowDefinition, next: WorkflowDefinition, changes: readonly GraphChange[]): ProblemIndex {
  const known = cache.get(previous);
  if (known !== undefined && changes.every((change) => change.type === 'moveNodes')) {
    cache.set(next, known);
    return known;
  }
  return problemsByTarget(next);
}

/** Places problems already found (e.g. the YAML parser's, which carry lines) on `definition`. */
export function indexProblems(definition: WorkflowDefinition, problems: readonly Problem[]): ProblemIndex {
  const all = problems.map((problem) => ({ problem, target: targetOf(definition, problem) }));
  const byNode = new Map<NodeId, Problem[]>();
  const byEdge = new Map<EdgeRef, Problem[]>();
  const workflow: Problem[] = [];
  const add = <K>(map: Map<K, Problem[]>, key: K, problem: Problem): void => {
    map.set(key, [...(map.get(key) ?? []), problem]);
  };
  for (const { problem, target } of all) {
    if (target.kind === 'node') add(byNode, target.nodeId, problem);
    else if (target.kind === 'edge') for (const id of target.edgeIds) add(byEdge, id, problem);
    else workflow.push(problem);
  }
  return { all, byNode, byEdge, workflow };
}

/** Where one problem is shown. */
export function targetOf(definition: WorkflowDefinition, problem: Problem): ProblemTarget {
  const [root, list, index, key, member] = problem.path ?? [];
  if (root === 'workflow' && list === 'edges' && typeof index === 'number') return edgeTarget(definition, index, key, member);
  if (problem.path === undefined && problem.edge !== undefined) return edgeTarget(definition, problem.edge, undefined, undefined);
  const nodeId =
    root === 'workflow' && list === 'executors' && typeof index === 'number'
      ? definition.workflow.executors[index]?.id
      : (problem.executorId ?? (root === 'layout' && typeof list === 'string' ? list : undefined));
  // a layout entry of a node that does not exist has no node to badge
  return nodeId !== undefined && findExecutor(definition, nodeId) !== undefined
    ? { kind: 'node', nodeId: asNodeId(nodeId) }
    : { kind: 'workflow' };
}

/**
 * The canvas edges a problem at `workflow.edges[index].key[member]` concerns: the one member when
 * the path names one (`to[1]` of a fan-out, `from[0]` of a fan-in, `switch[2]`), else every member.
 */
function edgeTarget(definition: WorkflowDefinition, index: number, key: unknown, member: unknown): ProblemTarget {
  const edge = definition.workflow.edges?.[index];
  if (edge === undefined) return { kind: 'workflow' };
  const members = membersOf(edge, index);
  const list =
    key === 'switch' && 'switch' in edge
      ? 'switch'
      : key === 'to' && isFanOut(edge)
        ? 'to'
        : key === 'from' && isFanIn(edge)
          ? 'from'
          : undefined;
  const one = members.find((m) => m.slot.list !== 'none' && m.slot.list === list && m.slot.index === member);
  const edgeIds = one === undefined ? members.map((m) => m.id) : [one.id];
  return edgeIds.length === 0 ? { kind: 'workflow' } : { kind: 'edge', edgeIndex: index, edgeIds };
}
