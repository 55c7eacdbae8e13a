import type { Problem } from '@trellis/engine';
import { useCallback, useId, useMemo, useState } from 'react';
import { answerOfSchema } from '../../designer/inspector/answerSchema.ts';
import { keepsSchemaDraft, parseSchemaText, refusesSchemaText, schemaText } from '../../designer/inspector/rawSchema.ts';
import { unwrittenDraftKey, unwrittenDrafts } from '../../designer/inspector/unwrittenDrafts.ts';
import { useDesigner } from '../../designer/useDesigner.ts';
import type { DesignerState } from '../../store/index.ts';
import { AnswerForm } from './AnswerForm.tsx';
import { TextField } from './TextField.tsx';
import type { NodeEdits } from './useNodeEdits.ts';

interface AnswerSchemaEditorProps {
  /** The node's `response` schema (undefined: any answer). */
  readonly response: Readonly<Record<string, unknown>> | undefined;
  readonly edits: NodeEdits;
  readonly problems: readonly Problem[];
}

type View = 'form' | 'json';

const checkSchemaText = (text: string): string | undefined => {
  const parsed = parseSchemaText(text);
  return parsed.kind === 'error' ? `${parsed.message} Not saved: the text stays here until it is fixed.` : undefined;
};

const selectDocumentId = (state: DesignerState) => state.documentId;

/**
 * The answer a human-input node asks for: a small form (text, yes/no, number, a choice, or an
 * object of named fields of those) that writes the `response` JSON Schema, and the raw JSON for
 * anything else. A schema the form cannot show whole opens in the JSON view, untouched, and the
 * view stays JSON (once the form can show the schema, the user's toggle switches back).
 */
export function AnswerSchemaEditor({ response, edits, problems }: AnswerSchemaEditorProps) {
  const headingId = useId();
  const documentId = useDesigner(selectDocumentId);
  const answer = useMemo(() => answerOfSchema(response), [response]);
  // The view changes only when the user toggles it: a JSON edit that makes the schema simple
  // enough for the form must not swap the textarea being typed in for the form.
  const draftKey = unwrittenDraftKey(documentId, edits.node, 'response');
  // JSON that could not be saved reopens where it was typed
  const [chosen, setChosen] = useState<View>(() => (answer === undefined || unwrittenDrafts.get(draftKey) !== undefined ? 'json' : 'form'));
  if (answer === undefined && chosen === 'form') setChosen('json');
  const view: View = answer === undefined ? 'json' : chosen;
  const writeText = useCallback(
    (text: string) => {
      const parsed = parseSchemaText(text);
      if (parsed.kind === 'none') edits.typed('response', { response: null });
      else if (parsed.kind === 'schema') edits.typed('response', { response: parsed.schema });
      // an error is shown under the field; the text stays there until it can be written
    },
    [edits],
  );

  return (
    <fieldset className="answer-editor" aria-labelledby={headingId}>
      <div className="answer-editor-head">
        <span id={headingId} className="field-label">
          Answer
        </span>
        <div className="segmented" role="group" aria-label="Answer view">
          {(['form', 'json'] as const).map((option) => (
            <button
              key={option}
              type="button"
              className="segmented-option"
              data-testid={`inspector.answer.view.${option}`}
              aria-pressed={view === option}
              disabled={option === 'form' && answer === undefined}
              onClick={() => {
                setChosen(option);
              }}
            >
              {option === 'form' ? 'Form' : 'JSON Schema'}
            </button>
          ))}
        </div>
      </div>
      {view === 'form' && answer !== undefined ? (
        <AnswerForm answer={answer} edits={edits} />
      ) : (
        <TextField
          label="Answer schema (JSON)"
          name="response"
          value={schemaText(response)}
          write={writeText}
          multiline
          code
          rows={6}
          placeholder="Empty: any answer"
          check={checkSchemaText}
          keepsDraft={keepsSchemaDraft}
          unwritable={refusesSchemaText}
          draftKey={draftKey}
          problems={problems}
          {...(answer === undefined && response !== undefined
            ? { hint: 'This schema has parts the form cannot show, so it is edited as JSON.' }
            : {})}
        />
      )}
      {view === 'form' && problems.length > 0 && (
        <ul className="field-problems" data-testid="inspector.problems.response">
          {problems.map((problem, index) => (
            <li key={`${String(index)}:${problem.code}`} className="field-error">
              {problem.message}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
