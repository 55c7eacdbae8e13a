import type { Problem } from '@trellis/engine';
import type { EdgeRef, NodeId, ProblemIndex } from '../model/index.ts';
import type { DesignerSlice, DesignerState } from './designerState.ts';
import type { OpenedState } from './documentState.ts';

/**
 * The validation problems of the canvas document, placed on nodes, edges or the workflow. They
 * are derived state: the document transitions recompute them in the same `set()` as the
 * document (`problemsAfter`, so a drag does not re-validate on every tick), and nothing else
 * writes them. The YAML text's own problems, with lines, are `yamlProblems` (document slice).
 */
export interface ProblemsSlice {
  /** The engine's problems of `definition`, grouped by node, edge and workflow. */
  problems: ProblemIndex;
  /** The problems badged on a node (empty when none). */
  problemsForNode: (id: NodeId) => readonly Problem[];
  /** The problems badged on a canvas edge (empty when none), dangling edges included. */
  problemsForEdge: (id: EdgeRef) => readonly Problem[];
}

const NONE: readonly Problem[] = [];

/** The problems of a node: a selector (`useStore(store, (s) => selectNodeProblems(s, id))`). */
export function selectNodeProblems(state: DesignerState, id: NodeId): readonly Problem[] {
  return state.problems.byNode.get(id) ?? NONE;
}

/** The problems of a canvas edge: a selector like {@link selectNodeProblems}. */
export function selectEdgeProblems(state: DesignerState, id: EdgeRef): readonly Problem[] {
  return state.problems.byEdge.get(id) ?? NONE;
}

/** The problems slice. */
export function createProblemsSlice(opened: OpenedState): DesignerSlice<ProblemsSlice> {
  return (_set, get) => ({
    problems: opened.problems,
    problemsForNode: (id) => selectNodeProblems(get(), id),
    problemsForEdge: (id) => selectEdgeProblems(get(), id),
  });
}
