import { selectSelectedEdgeIds, selectSelectedNodeIds } from '../../designer/selectors.ts';
import { useDesigner } from '../../designer/useDesigner.ts';
import '../inspector/inspector.css';
import { EdgeInspector } from './EdgeInspector.tsx';
import { NodeInspector } from './NodeInspector.tsx';

/**
 * The right-hand panel: the form of the selected node or edge. Each form is keyed by what it
 * edits, so selecting something else unmounts it, and its fields write what they hold first.
 */
export function Inspector() {
  const nodes = useDesigner(selectSelectedNodeIds);
  const edges = useDesigner(selectSelectedEdgeIds);
  const count = nodes.length + edges.length;
  const [node] = nodes;
  const [edge] = edges;
  return (
    <aside className="inspector" data-testid="inspector" aria-labelledby="inspector-heading">
      <h2 id="inspector-heading" className="side-heading">
        Inspector
      </h2>
      {count === 0 && <p className="empty">Select a node or an edge to edit it.</p>}
      {count > 1 && <p className="empty">{count} items selected.</p>}
      {count === 1 && node !== undefined && <NodeInspector key={node} id={node} />}
      {count === 1 && edge !== undefined && <EdgeInspector key={edge} id={edge} />}
    </aside>
  );
}
