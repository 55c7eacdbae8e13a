import type { ExecutorDefinition, Problem } from '@trellis/engine';
import { useCallback } from 'react';
import { TRANSFORM_CEL_VARIABLES } from '../../designer/inspector/celCheck.ts';
import { problemsOfField, problemsOfNoField } from '../../designer/inspector/fieldProblems.ts';
import { fieldPatch, fieldsOfSection, INSPECTOR_SECTIONS, type InspectorSection } from '../../designer/inspectorFields.ts';
import { KIND_LOOK } from '../../designer/kinds.ts';
import { selectApplyChanges, selectEditable, selectStart } from '../../designer/selectors.ts';
import { useDesigner } from '../../designer/useDesigner.ts';
import { findExecutor, type NodeId } from '../../model/index.ts';
import { selectNodeProblems, type DesignerState } from '../../store/index.ts';
import { AnswerSchemaEditor } from '../inspector/AnswerSchemaEditor.tsx';
import { CelField } from '../inspector/CelField.tsx';
import { CodeField } from '../inspector/CodeField.tsx';
import { ProblemList } from '../inspector/ProblemList.tsx';
import { SubWorkflowSection } from '../inspector/SubWorkflowSection.tsx';
import { TextField } from '../inspector/TextField.tsx';
import { useNodeEdits, type NodeEdits } from '../inspector/useNodeEdits.ts';
import { NodeField } from './NodeField.tsx';
import { NodeIdField } from './NodeIdField.tsx';

/** The form of one node: its id, the form of its kind, its other problems, and "Set as start". */
export function NodeInspector({ id }: { id: NodeId }) {
  const executor = useDesigner(useCallback((state: DesignerState) => findExecutor(state.definition, id), [id]));
  const problems = useDesigner(useCallback((state: DesignerState) => selectNodeProblems(state, id), [id]));
  const start = useDesigner(selectStart);
  const editable = useDesigner(selectEditable);
  const applyChanges = useDesigner(selectApplyChanges);
  const edits = useNodeEdits(id);
  if (executor === undefined) return null;
  const look = KIND_LOOK[executor.type];
  const sections = INSPECTOR_SECTIONS[executor.type];
  const shown = sections.flatMap(fieldsOfSection);
  return (
    <div className="inspector-form" data-node-id={id}>
      <p className={`inspector-kind kind-${executor.type}`}>
        <span className="kind-icon" aria-hidden="true">
          {look.icon}
        </span>
        {look.title}
      </p>
      {!editable && (
        <p className="inspector-notice" role="status" data-testid="inspector.readonly">
          The YAML has errors: fix them in the YAML panel to edit here.
        </p>
      )}
      <fieldset className="inspector-fields" disabled={!editable}>
        <NodeIdField id={id} />
        <ProblemList problems={problemsOfNoField(problems, shown)} testId="inspector.problems.node" />
        {sections.map((section) => (
          <Section
            key={sectionKey(section)}
            id={id}
            section={section}
            executor={executor}
            edits={edits}
            problems={problems}
            readOnly={!editable}
          />
        ))}
      </fieldset>
      <button
        type="button"
        className="button"
        data-testid="inspector.setStart"
        disabled={start === id || !editable}
        onClick={() => {
          applyChanges([{ type: 'setStart', start: id }], { history: 'record' });
        }}
      >
        {start === id ? 'This is the start node' : 'Set as start'}
      </button>
    </div>
  );
}

function sectionKey(section: InspectorSection): string {
  return section.control === 'text' || section.control === 'cel' ? section.spec.field : section.control;
}

interface SectionProps {
  readonly id: NodeId;
  readonly section: InspectorSection;
  readonly executor: ExecutorDefinition;
  readonly edits: NodeEdits;
  readonly problems: readonly Problem[];
  readonly readOnly: boolean;
}

/** One part of the form, by its control. */
function Section({ id, section, executor, edits, problems, readOnly }: SectionProps) {
  switch (section.control) {
    case 'text':
      return <NodeField executor={executor} spec={section.spec} edits={edits} problems={problemsOfField(problems, [section.spec.field])} />;
    case 'cel': {
      const { spec } = section;
      const value = executor.type === 'transform' ? executor.expression : '';
      return (
        <CelField
          label={spec.label}
          name={spec.field}
          value={value}
          variables={TRANSFORM_CEL_VARIABLES}
          write={(text) => edits.typed(spec.field, fieldPatch(spec, text))}
          problems={problemsOfField(problems, [spec.field])}
          hint="Sees input, state and inputs; its value is sent on."
        />
      );
    }
    case 'code':
      return executor.type === 'function' ? (
        <FunctionCode id={id} executor={executor} edits={edits} problems={problems} readOnly={readOnly} />
      ) : null;
    case 'answer':
      return executor.type === 'request_info' ? (
        <AnswerSchemaEditor response={executor.response} edits={edits} problems={problemsOfField(problems, ['response'])} />
      ) : null;
    case 'subWorkflow':
      return executor.type === 'workflow' ? <SubWorkflowSection executor={executor} edits={edits} problems={problems} /> : null;
  }
}

type FunctionExecutor = Extract<ExecutorDefinition, { type: 'function' }>;

/** A function's code, or the name of a function given to the loader (`use`), or both (a problem the engine reports). */
function FunctionCode({
  id,
  executor,
  edits,
  problems,
  readOnly,
}: { executor: FunctionExecutor } & Omit<SectionProps, 'section' | 'executor'>) {
  const showCode = executor.code !== undefined || executor.use === undefined;
  return (
    <>
      {showCode && (
        <CodeField
          nodeId={id}
          code={executor.code ?? ''}
          inputSpec={executor.input}
          edits={edits}
          problems={problemsOfField(problems, ['code'])}
          readOnly={readOnly}
        />
      )}
      {executor.use !== undefined && (
        <TextField
          label="Named function (use)"
          name="use"
          value={executor.use}
          code
          write={(text) => edits.typed('use', { use: text === '' ? null : text })}
          problems={problemsOfField(problems, ['use'])}
          hint="A function the loader is given by this name."
        />
      )}
    </>
  );
}
