import { useCallback } from 'react';
import { addNodeOf, asNodeId, type FlowPosition, type NodeKind } from '../model/index.ts';
import { freeSpot } from './layout.ts';
import { selectPositions } from './positions.ts';
import { useDesignerStore } from './useDesigner.ts';

/** Adds a node of a kind at a position (default: a free spot right of the drawing) and selects it. */
export function useAddNode(): (kind: NodeKind, position?: FlowPosition) => void {
  const store = useDesignerStore();
  return useCallback(
    (kind, position) => {
      const state = store.getState();
      const change = addNodeOf(state.definition, kind, position ?? freeSpot(selectPositions(state).values()));
      const result = state.applyChanges([change], { history: 'record' });
      if (result.ok) store.getState().select({ nodes: [asNodeId(change.node.id)] });
    },
    [store],
  );
}
