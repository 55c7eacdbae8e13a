import { useCallback } from 'react';
import { conditionChange, switchWhenChange, writeEdgeText } from '../../designer/edgeEdits.ts';
import { CONDITION_CEL_VARIABLES } from '../../designer/inspector/celCheck.ts';
import { problemsOfField } from '../../designer/inspector/fieldProblems.ts';
import { selectEditable } from '../../designer/selectors.ts';
import { useDesigner, useDesignerStore } from '../../designer/useDesigner.ts';
import { parseEdgeRef, type EdgeRef } from '../../model/index.ts';
import { selectCanvasEdges, selectEdgeProblems, type DesignerState } from '../../store/index.ts';
import { CelField } from '../inspector/CelField.tsx';
import { ProblemList } from '../inspector/ProblemList.tsx';

const EDGE_KIND_TITLE = {
  plain: 'Edge',
  conditional: 'Conditional edge',
  fan_out: 'Fan-out member',
  fan_in: 'Fan-in member',
  switch_case: 'Switch case',
  switch_default: 'Switch default',
} as const;

const CONDITION_HINT = 'Sees message, state and inputs; the edge is taken when it is true.';

/** The form of one edge: its condition, or its switch case's `when`, both CEL checked as typed. */
export function EdgeInspector({ id }: { id: EdgeRef }) {
  const store = useDesignerStore();
  const canvasEdge = useDesigner(useCallback((state: DesignerState) => selectCanvasEdges(state).find((edge) => edge.id === id), [id]));
  const problems = useDesigner(useCallback((state: DesignerState) => selectEdgeProblems(state, id), [id]));
  const editable = useDesigner(selectEditable);
  const parsed = parseEdgeRef(id);
  const edgeIndex = parsed?.edgeIndex ?? -1;
  const edge = useDesigner(useCallback((state: DesignerState) => state.definition.workflow.edges?.[edgeIndex], [edgeIndex]));
  const source = canvasEdge?.source;
  const target = canvasEdge?.target;
  const caseIndex = parsed?.part === 'case' ? parsed.index : -1;

  const writeCondition = useCallback(
    (text: string) => {
      if (source === undefined || target === undefined) return;
      writeEdgeText(store, id, { source, target }, 'condition', (_edge, index) => conditionChange(index, text));
    },
    [store, id, source, target],
  );
  const writeWhen = useCallback(
    (text: string) => {
      if (source === undefined || target === undefined) return;
      writeEdgeText(store, id, { source, target }, 'when', (current, index) => switchWhenChange(index, current, caseIndex, text));
    },
    [store, id, source, target, caseIndex],
  );
  if (canvasEdge === undefined || edge === undefined || parsed === undefined) return null;

  const hasCondition = parsed.part === 'whole' && 'to' in edge && !Array.isArray(edge.to) && !Array.isArray(edge.from);
  const isCase = parsed.part === 'case' && canvasEdge.kind === 'switch_case';
  const fieldProblems = hasCondition || isCase ? problemsOfField(problems, isCase ? ['switch', caseIndex, 'when'] : ['condition']) : [];
  const otherProblems = problems.filter((problem) => !fieldProblems.includes(problem));
  return (
    <div className="inspector-form" data-edge-id={id}>
      <p className={`inspector-kind edge-${canvasEdge.kind}`}>{EDGE_KIND_TITLE[canvasEdge.kind]}</p>
      <p className="edge-ends">
        <code>{canvasEdge.source}</code> → <code>{canvasEdge.target}</code>
      </p>
      {!editable && (
        <p className="inspector-notice" role="status" data-testid="inspector.readonly">
          The YAML has errors: fix them in the YAML panel to edit here.
        </p>
      )}
      <ProblemList problems={otherProblems} testId="inspector.problems.edge" />
      <fieldset className="inspector-fields" disabled={!editable}>
        {hasCondition && (
          <CelField
            label="Condition (CEL)"
            name="condition"
            value={'condition' in edge ? (edge.condition ?? '') : ''}
            write={writeCondition}
            variables={CONDITION_CEL_VARIABLES}
            problems={fieldProblems}
            placeholder="Always taken when empty"
            hint={CONDITION_HINT}
          />
        )}
        {isCase && (
          <CelField
            label="When (CEL)"
            name="when"
            value={canvasEdge.label ?? ''}
            write={writeWhen}
            variables={CONDITION_CEL_VARIABLES}
            problems={fieldProblems}
            hint={CONDITION_HINT}
          />
        )}
      </fieldset>
    </div>
  );
}
