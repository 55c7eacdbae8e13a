import { useCallback, useId, type ChangeEvent } from 'react';
import { conditionChange, switchWhenChange } from '../../designer/edgeEdits.ts';
import { useDesigner, useDesignerStore } from '../../designer/useDesigner.ts';
import { parseEdgeRef, type EdgeRef, type GraphChange } from '../../model/index.ts';
import { selectCanvasEdges, type DesignerState } from '../../store/index.ts';

const EDGE_KIND_TITLE = {
  plain: 'Edge',
  conditional: 'Conditional edge',
  fan_out: 'Fan-out member',
  fan_in: 'Fan-in member',
  switch_case: 'Switch case',
  switch_default: 'Switch default',
} as const;

/** The form of one edge: its condition, or its switch case's `when`. */
export function EdgeInspector({ id }: { id: EdgeRef }) {
  const store = useDesignerStore();
  const inputId = useId();
  const canvasEdge = useDesigner(useCallback((state: DesignerState) => selectCanvasEdges(state).find((edge) => edge.id === id), [id]));
  const parsed = parseEdgeRef(id);
  const edgeIndex = parsed?.edgeIndex ?? -1;
  const edge = useDesigner(useCallback((state: DesignerState) => state.definition.workflow.edges?.[edgeIndex], [edgeIndex]));
  if (canvasEdge === undefined || edge === undefined || parsed === undefined) return null;

  const apply = (change: GraphChange | undefined, field: string, event: ChangeEvent<HTMLTextAreaElement>) => {
    if (change === undefined) return;
    const state = store.getState();
    const result = state.applyChanges([change], { history: 'merge', mergeKey: `type:${id}:${field}`, at: event.timeStamp });
    // the edge list changed, which clears edge selection; this edit keeps every edge id, so keep editing it
    if (result.ok) store.getState().select({ edges: [id] });
  };

  return (
    <div className="inspector-form" data-edge-id={id}>
      <p className={`inspector-kind edge-${canvasEdge.kind}`}>{EDGE_KIND_TITLE[canvasEdge.kind]}</p>
      <p className="edge-ends">
        <code>{canvasEdge.source}</code> → <code>{canvasEdge.target}</code>
      </p>
      {parsed.part === 'whole' && 'to' in edge && !Array.isArray(edge.to) && !Array.isArray(edge.from) && (
        <div className="field">
          <label className="field-label" htmlFor={inputId}>
            Condition (CEL)
          </label>
          <textarea
            id={inputId}
            rows={3}
            className="input code"
            data-testid="inspector.field.condition"
            spellCheck={false}
            placeholder="Always taken when empty"
            value={'condition' in edge ? (edge.condition ?? '') : ''}
            onChange={(event) => {
              apply(conditionChange(edgeIndex, event.target.value), 'condition', event);
            }}
          />
        </div>
      )}
      {parsed.part === 'case' && canvasEdge.kind === 'switch_case' && (
        <div className="field">
          <label className="field-label" htmlFor={inputId}>
            When (CEL)
          </label>
          <textarea
            id={inputId}
            rows={3}
            className="input code"
            data-testid="inspector.field.when"
            spellCheck={false}
            value={canvasEdge.label ?? ''}
            onChange={(event) => {
              apply(switchWhenChange(edgeIndex, edge, parsed.index, event.target.value), 'when', event);
            }}
          />
        </div>
      )}
    </div>
  );
}
