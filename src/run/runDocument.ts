import { selectCanvasEdges, type DesignerState } from '../store/index.ts';
import type { RunGraphEdge } from './runState.ts';
import type { RunDocument } from './runStore.ts';

const graphs = new WeakMap<readonly unknown[], readonly RunGraphEdge[]>();

/** What a run needs from the open document: its YAML, its id (the checkpoint scope), its edges, its start node. */
export function runDocumentOf(state: DesignerState): RunDocument {
  const edges = selectCanvasEdges(state);
  let graph = graphs.get(edges);
  if (graph === undefined) {
    graph = edges.filter((edge) => !edge.dangling).map((edge) => ({ source: edge.source, target: edge.target, kind: edge.kind }));
    graphs.set(edges, graph);
  }
  const start = state.definition.workflow.start;
  return { yamlText: state.yamlText, checkpointScope: state.documentId, graph, startId: start === '' ? undefined : start };
}
