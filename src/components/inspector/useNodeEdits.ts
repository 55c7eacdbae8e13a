import { useMemo } from 'react';
import { useDesignerStore } from '../../designer/useDesigner.ts';
import type { ExecutorPatch, NodeId } from '../../model/index.ts';
import type { EditResult } from '../../store/index.ts';

/** The two ways the inspector edits a node. */
export interface NodeEdits {
  /** The node edited. */
  readonly node: NodeId;
  /** Typing into `field`: merged into one undo step per burst (key `type:<node>:<field>`). */
  readonly typed: (field: string, patch: ExecutorPatch) => EditResult;
  /** A click or a choice: one undo step. */
  readonly recorded: (patch: ExecutorPatch) => EditResult;
}

/** The node's edits through the store's typed changes (stable while the node is the same). */
export function useNodeEdits(id: NodeId): NodeEdits {
  const store = useDesignerStore();
  return useMemo(
    () => ({
      node: id,
      typed: (field, patch) =>
        store.getState().applyChanges([{ type: 'updateNode', id, patch }], { history: 'merge', mergeKey: `type:${id}:${field}` }),
      recorded: (patch) => store.getState().applyChanges([{ type: 'updateNode', id, patch }], { history: 'record' }),
    }),
    [store, id],
  );
}
