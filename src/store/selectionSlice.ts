import type { WorkflowDefinition } from '@trellis/engine';
import { asNodeId, edgesOf, type EdgeRef, type NodeId } from '../model/index.ts';
import type { DesignerSlice, DesignerState } from './designerState.ts';

/**
 * What is selected on the canvas. Selection is not a document change: these actions never touch
 * the history (so they never clear redo), the text or autosave.
 */
export interface SelectionSlice {
  /** Selected nodes, in selection order. */
  selectedNodeIds: readonly NodeId[];
  /** Selected canvas edges. Edge ids shift when edges change, so this is cleared whenever the edge list changes. */
  selectedEdgeIds: readonly EdgeRef[];
  /** Selects these (replacing the selection, or adding to it with `additive`). */
  select: (
    selection: { readonly nodes?: readonly NodeId[]; readonly edges?: readonly EdgeRef[] },
    options?: { readonly additive?: boolean },
  ) => void;
  /** Adds a node or edge to the selection, or takes it out (shift-click). */
  toggle: (item: { readonly node: NodeId } | { readonly edge: EdgeRef }) => void;
  /** Selects nothing. */
  clear: () => void;
  /** Selects every node and every drawable (not dangling) edge. */
  selectAll: () => void;
}

function union<T>(first: readonly T[], second: readonly T[]): T[] {
  return [...new Set([...first, ...second])];
}

function toggled<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/**
 * The selection once the document became `next`: nodes that are gone are dropped; edges are kept
 * only while the edge list is the same object (otherwise their ids may name other edges now).
 * Unchanged lists keep their identity, so subscribers do not re-render.
 */
export function prunedSelection(
  state: DesignerState,
  next: WorkflowDefinition,
): Pick<DesignerState, 'selectedNodeIds' | 'selectedEdgeIds'> {
  const ids = new Set(next.workflow.executors.map((executor) => executor.id));
  const nodes = state.selectedNodeIds.filter((id) => ids.has(id));
  const sameEdges = next.workflow.edges === state.definition.workflow.edges;
  return {
    selectedNodeIds: nodes.length === state.selectedNodeIds.length ? state.selectedNodeIds : nodes,
    selectedEdgeIds: sameEdges || state.selectedEdgeIds.length === 0 ? state.selectedEdgeIds : [],
  };
}

/** The selection slice. */
export function createSelectionSlice(): DesignerSlice<SelectionSlice> {
  return (set, get) => ({
    selectedNodeIds: [],
    selectedEdgeIds: [],

    select: ({ nodes = [], edges = [] }, options = {}) => {
      const state = get();
      set(
        options.additive === true
          ? { selectedNodeIds: union(state.selectedNodeIds, nodes), selectedEdgeIds: union(state.selectedEdgeIds, edges) }
          : { selectedNodeIds: [...new Set(nodes)], selectedEdgeIds: [...new Set(edges)] },
      );
    },

    toggle: (item) => {
      const state = get();
      if ('node' in item) set({ selectedNodeIds: toggled(state.selectedNodeIds, item.node) });
      else set({ selectedEdgeIds: toggled(state.selectedEdgeIds, item.edge) });
    },

    clear: () => {
      const state = get();
      if (state.selectedNodeIds.length > 0 || state.selectedEdgeIds.length > 0) set({ selectedNodeIds: [], selectedEdgeIds: [] });
    },

    selectAll: () => {
      const { definition } = get();
      set({
        selectedNodeIds: definition.workflow.executors.map((executor) => asNodeId(executor.id)),
        selectedEdgeIds: edgesOf(definition)
          .filter((edge) => !edge.dangling)
          .map((edge) => edge.id),
      });
    },
  });
}
