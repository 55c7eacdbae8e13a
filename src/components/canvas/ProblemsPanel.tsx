import { useReactFlow } from '@xyflow/react';
import { FIT_VIEW_OPTIONS } from '../../designer/flowElements.ts';
import { useDesigner, useDesignerStore } from '../../designer/useDesigner.ts';
import type { CanvasEdge, ProblemTarget, TargetedProblem } from '../../model/index.ts';
import { selectCanvasEdges } from '../../store/index.ts';
import { useDocumentProblems } from './useDocumentProblems.ts';
import './canvas.css';

interface ProblemsPanelProps {
  /** Shows the YAML panel: where a problem of the workflow as a whole (or of text that does not parse) is fixed. */
  onShowYaml: () => void;
}

/** Where a problem is, in words: its node, its edge's ends, or the workflow. */
function placeOf(target: ProblemTarget, edges: readonly CanvasEdge[]): string {
  if (target.kind === 'node') return `node ${target.nodeId}`;
  if (target.kind === 'workflow') return 'workflow';
  const edge = edges.find((candidate) => candidate.id === target.edgeIds[0]);
  return edge === undefined ? `edge ${target.edgeIndex + 1}` : `edge ${edge.source} → ${edge.target}`;
}

/**
 * The Problems tab: every problem of the document (the engine's, from the store) with its code
 * and line. Choosing one selects its node or edge on the canvas and brings it into view; a
 * problem of the workflow as a whole opens the YAML panel instead.
 */
export function ProblemsPanel({ onShowYaml }: ProblemsPanelProps) {
  const store = useDesignerStore();
  const edges = useDesigner(selectCanvasEdges);
  const { problems, parsed } = useDocumentProblems();
  const { fitView } = useReactFlow();

  const reveal = ({ target }: TargetedProblem): void => {
    const state = store.getState();
    if (target.kind === 'node') {
      state.select({ nodes: [target.nodeId] });
      void fitView({ ...FIT_VIEW_OPTIONS, nodes: [{ id: target.nodeId }], duration: 300 });
    } else if (target.kind === 'edge') {
      state.select({ edges: target.edgeIds });
      const ends = edges.filter((edge) => target.edgeIds.includes(edge.id)).flatMap((edge) => [{ id: edge.source }, { id: edge.target }]);
      if (ends.length > 0) void fitView({ ...FIT_VIEW_OPTIONS, nodes: ends, duration: 300 });
    } else {
      onShowYaml();
    }
  };

  return (
    <section className="problems-panel" aria-label="Problems" data-testid="problems">
      {!parsed && (
        <p className="problems-note" data-testid="problems.unparsed">
          The YAML does not parse: the canvas shows the last valid graph until these are fixed.
        </p>
      )}
      {problems.length === 0 ? (
        <p className="problems-none" role="status" data-testid="problems.none">
          No problems: the workflow is valid.
        </p>
      ) : (
        <ul className="problems-list" aria-label={`${problems.length} problems`}>
          {problems.map((entry, index) => (
            // problems have no identity of their own; their order is the engine's, stable per document
            <li key={`${index}:${entry.problem.code}`}>
              <button
                type="button"
                className="problems-item"
                data-testid="problems.item"
                data-code={entry.problem.code}
                data-target={entry.target.kind === 'node' ? entry.target.nodeId : entry.target.kind}
                onClick={() => {
                  reveal(entry);
                }}
              >
                <span className="problems-message">{entry.problem.message}</span>
                <span className="problems-meta">
                  <code className="problems-code">{entry.problem.code}</code>
                  <span className="problems-place">{placeOf(entry.target, edges)}</span>
                  {entry.problem.line > 0 && <span className="problems-line">line {entry.problem.line}</span>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
