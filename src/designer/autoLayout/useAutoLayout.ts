import { useNodesInitialized, useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useRef } from 'react';
import type { FlowPosition, NodeId } from '../../model/index.ts';
import { selectCanvasEdges, selectCanvasNodes, type HistoryMode } from '../../store/index.ts';
import { FIT_VIEW_OPTIONS, type Size } from '../flowElements.ts';
import { selectDocumentId } from '../selectors.ts';
import { useDesigner, useDesignerStore } from '../useDesigner.ts';
import { elkGraphOf, hasNoLayout, movesFromElk } from './elkGraph.ts';
import { isLayingOut, whileLayingOut } from './layoutProgress.ts';
import { runElkLayout } from './runElkLayout.ts';
import { unmovedSince, type StoredPositions } from './unmovedSince.ts';

/**
 * Auto-layout with ELK, run in a Web Worker (`runElkLayout.ts`). On demand, the answered function lays the workflow out as one recorded
 * `moveNodes` change (one undo puts every node back). On its own, when a document is opened and
 * none of its nodes has a stored position (a file without `layout`), it lays that document out
 * once its nodes are measured, with `history: 'ignore'`: the layout is part of opening the file,
 * not an edit to undo, so it is dropped if the document was edited meanwhile. Either way a node
 * moved or added while ELK worked keeps the author's place. Must be used under React Flow's provider.
 */
export function useAutoLayout(report: (message: string | undefined) => void): () => Promise<void> {
  const store = useDesignerStore();
  const { getInternalNode, fitView } = useReactFlow();
  const documentId = useDesigner(selectDocumentId);
  const nodes = useDesigner(selectCanvasNodes);
  const nodesInitialized = useNodesInitialized();
  // the document waiting to be laid out once React Flow has measured its nodes
  const pending = useRef<string | undefined>(undefined);

  const layOut = useCallback(
    async (mode: HistoryMode): Promise<void> => {
      const before = store.getState();
      if (!before.yamlParsed) {
        report('Fix the YAML errors before laying the workflow out.');
        return;
      }
      const canvasNodes = selectCanvasNodes(before);
      if (canvasNodes.length === 0) return;
      const sizes = new Map<string, Size>(canvasNodes.map((node) => [node.id, getInternalNode(node.id)?.measured ?? {}]));
      if (isLayingOut()) {
        report('A layout is already under way.');
        return;
      }
      const atStart: StoredPositions = new Map(canvasNodes.map((node) => [node.id, node.position]));
      let laidOut;
      try {
        // in a worker: the canvas stays usable, and shows "Laying out…" meanwhile
        const graph = elkGraphOf(canvasNodes, selectCanvasEdges(before), sizes);
        laidOut = await whileLayingOut(() => runElkLayout(graph));
      } catch (error) {
        report(error instanceof Error ? error.message : String(error));
        return;
      }
      const state = store.getState();
      if (state.documentId !== before.documentId) return; // another document was opened meanwhile
      // the layout on opening a file is no edit of the author's: once they have edited, it is too late
      if (mode.history === 'ignore' && state.yamlText !== before.yamlText) return;
      const now: StoredPositions = new Map(selectCanvasNodes(state).map((node) => [node.id, node.position]));
      // compared with stored positions only, so a node drawn at its fallback place still gets one
      const stored = new Map<NodeId, FlowPosition>();
      for (const [id, position] of now) if (position !== undefined) stored.set(id, position);
      // a node moved or added while ELK worked stays where the author put it
      const moves = unmovedSince(movesFromElk(laidOut, stored), atStart, now);
      if (moves.length > 0) {
        const result = state.applyChanges([{ type: 'moveNodes', moves }], mode);
        if (!result.ok) {
          report(`Could not apply the layout: ${result.error}.`);
          return;
        }
      }
      report(undefined);
      void fitView(FIT_VIEW_OPTIONS);
    },
    [store, report, getInternalNode, fitView],
  );

  useEffect(() => {
    pending.current = hasNoLayout(selectCanvasNodes(store.getState())) ? documentId : undefined;
  }, [store, documentId]);

  useEffect(() => {
    if (pending.current !== documentId || !nodesInitialized) return;
    // React Flow may still report the previous document's nodes as measured for one render
    if (!nodes.every((node) => getInternalNode(node.id)?.measured.width !== undefined)) return;
    pending.current = undefined;
    void layOut({ history: 'ignore' });
  }, [documentId, nodes, nodesInitialized, getInternalNode, layOut]);

  return useCallback(() => layOut({ history: 'record' }), [layOut]);
}
