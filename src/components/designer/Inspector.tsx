import { lazy, useEffect } from 'react';
import { selectSelectedEdgeIds, selectSelectedNodeIds } from '../../designer/selectors.ts';
import { useDesigner, useDesignerStore } from '../../designer/useDesigner.ts';
import '../inspector/inspector.css';
import { LazyPart } from '../lazy/LazyPart.tsx';

// The forms (and the CEL checker, schema editors and code field they bring) are needed only once
// something is selected: they load after the first screen, and are fetched ahead when the page is
// idle, so a first selection rarely waits for them.
const loadNodeInspector = () => import('./NodeInspector.tsx');
const loadEdgeInspector = () => import('./EdgeInspector.tsx');
const NodeInspector = lazy(async () => ({ default: (await loadNodeInspector()).NodeInspector }));
const EdgeInspector = lazy(async () => ({ default: (await loadEdgeInspector()).EdgeInspector }));

/** Fetches the forms' code once the page is idle (a hint: a failure here shows when a form is opened). */
function usePrefetchForms(): void {
  useEffect(() => {
    const prefetch = () => {
      void loadNodeInspector().catch(() => undefined);
      void loadEdgeInspector().catch(() => undefined);
    };
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(prefetch, { timeout: 3000 });
      return () => {
        cancelIdleCallback(handle);
      };
    }
    const timer = setTimeout(prefetch, 1000);
    return () => {
      clearTimeout(timer);
    };
  }, []);
}

/**
 * The right-hand panel: the form of the selected node or edge. Each form is keyed by what it
 * edits, so selecting something else unmounts it, and its fields write what they hold first.
 */
export function Inspector() {
  usePrefetchForms();
  const store = useDesignerStore();
  const nodes = useDesigner(selectSelectedNodeIds);
  const edges = useDesigner(selectSelectedEdgeIds);
  const count = nodes.length + edges.length;
  const [node] = nodes;
  const [edge] = edges;
  const deselect = () => {
    store.getState().select({});
  };
  return (
    <aside className="inspector" data-testid="inspector" aria-labelledby="inspector-heading">
      <h2 id="inspector-heading" className="side-heading">
        Inspector
      </h2>
      {count === 0 && <p className="empty">Select a node or an edge to edit it.</p>}
      {count > 1 && <p className="empty">{count} items selected.</p>}
      {count === 1 && node !== undefined && (
        <LazyPart key={node} what="the node's form" testId="inspector.form" onClose={deselect}>
          <NodeInspector key={node} id={node} />
        </LazyPart>
      )}
      {count === 1 && edge !== undefined && (
        <LazyPart key={edge} what="the edge's form" testId="inspector.form" onClose={deselect}>
          <EdgeInspector key={edge} id={edge} />
        </LazyPart>
      )}
    </aside>
  );
}
