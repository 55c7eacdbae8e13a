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

/** What a write answers when another document was opened since the form was (see below). */
const DOCUMENT_SWITCHED: EditResult = { ok: false, reason: 'invalid_change', error: 'another workflow was opened meanwhile' };

/**
 * The node's edits through the store's typed changes (stable while the node is the same). Edits
 * go only to the document the form was opened on: a field that flushes its last keystrokes as it
 * unmounts, after a file was dropped or another workflow opened, must not write them into a node
 * of the same id in the newly opened document.
 */
export function useNodeEdits(id: NodeId): NodeEdits {
  const store = useDesignerStore();
  return useMemo(() => {
    const documentId = store.getState().documentId;
    const onSameDocument = (edit: () => EditResult): EditResult =>
      store.getState().documentId === documentId ? edit() : DOCUMENT_SWITCHED;
    return {
      node: id,
      typed: (field, patch) =>
        onSameDocument(() =>
          store.getState().applyChanges([{ type: 'updateNode', id, patch }], { history: 'merge', mergeKey: `type:${id}:${field}` }),
        ),
      recorded: (patch) => onSameDocument(() => store.getState().applyChanges([{ type: 'updateNode', id, patch }], { history: 'record' })),
    };
  }, [store, id]);
}
