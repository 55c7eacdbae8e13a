import type { PathSegment, Problem } from '@trellis/engine';

/**
 * The part of a problem's path inside its executor or edge: `['code']` for
 * `workflow.executors[2].code`, `['switch', 0, 'when']` for `workflow.edges[1].switch[0].when`,
 * `[]` for the executor or edge as a whole (or a problem without a path).
 */
export function pathInTarget(problem: Problem): readonly PathSegment[] {
  const path = problem.path ?? [];
  const [root, list, index] = path;
  if (root === 'workflow' && (list === 'executors' || list === 'edges') && typeof index === 'number') return path.slice(3);
  return [];
}

function startsWith(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  return prefix.length <= path.length && prefix.every((segment, i) => path[i] === segment);
}

/**
 * The engine's problems (already placed on this node or edge by the store) that concern one
 * field: those whose path inside the target starts with `field`.
 *
 * @example
 * problemsOfField(state.problems.byNode.get(id) ?? [], ['expression']); // the transform's CEL problems
 */
export function problemsOfField(problems: readonly Problem[], field: readonly PathSegment[]): readonly Problem[] {
  return problems.filter((problem) => startsWith(pathInTarget(problem), field));
}

/** The problems no shown field claims (a missing key, the node as a whole), for the form's top. */
export function problemsOfNoField(problems: readonly Problem[], shownFields: readonly string[]): readonly Problem[] {
  return problems.filter((problem) => {
    const [first] = pathInTarget(problem);
    return typeof first !== 'string' || !shownFields.includes(first);
  });
}
