import { useId, useState } from 'react';
import {
  ANSWER_KINDS,
  blankShape,
  freeFieldName,
  optionsOfText,
  sameOptions,
  schemaOfAnswer,
  type Answer,
  type AnswerField,
  type AnswerKind,
  type AnswerShape,
} from '../../designer/inspector/answerSchema.ts';
import { NO_ROW_KEYS, fitRowKeys, removeRowKey } from '../../designer/inspector/rowKeys.ts';
import { AnswerFieldRow } from './AnswerFieldRow.tsx';
import { TextField } from './TextField.tsx';
import type { NodeEdits } from './useNodeEdits.ts';

interface AnswerFormProps {
  readonly answer: Answer;
  readonly edits: NodeEdits;
}

/** The structured answer editor: the answer's type, its label, and its choices or fields. */
export function AnswerForm({ answer, edits }: AnswerFormProps) {
  const typeId = useId();
  const { shape } = answer;
  const withShape = (next: AnswerShape): Answer => (answer.title === undefined ? { shape: next } : { shape: next, title: answer.title });
  const recorded = (next: Answer) => edits.recorded({ response: schemaOfAnswer(next) });
  const typed = (next: Answer) => edits.typed('response', { response: schemaOfAnswer(next) });

  const setFields = (fields: readonly AnswerField[]) => recorded(withShape({ kind: 'object', fields }));
  const fieldCount = shape.kind === 'object' ? shape.fields.length : 0;
  const [rowKeys, setRowKeys] = useState(() => fitRowKeys(NO_ROW_KEYS, fieldCount));
  const fittedKeys = fitRowKeys(rowKeys, fieldCount);
  // fields added or removed elsewhere (undo, the YAML): adjusting state while rendering, as React advises
  if (fittedKeys !== rowKeys) setRowKeys(fittedKeys);

  return (
    <div className="answer-form">
      <div className="field">
        <label className="field-label" htmlFor={typeId}>
          Answer type
        </label>
        <select
          id={typeId}
          className="input"
          data-testid="inspector.field.answerType"
          value={shape.kind}
          onChange={(event) => {
            const kind = event.target.value as AnswerKind;
            // "anything" has no schema, so no label either
            recorded(kind === 'any' ? { shape: blankShape(kind) } : withShape(blankShape(kind)));
          }}
        >
          {ANSWER_KINDS.map((entry) => (
            <option key={entry.kind} value={entry.kind}>
              {entry.label}
            </option>
          ))}
        </select>
      </div>
      {shape.kind !== 'any' && (
        <TextField
          label="Label (optional)"
          name="answerTitle"
          value={answer.title ?? ''}
          placeholder="Shown above the answer"
          write={(text) => typed(text === '' ? { shape } : { shape, title: text })}
        />
      )}
      {shape.kind === 'choice' && (
        <TextField
          label="Choices (one per line)"
          name="answerChoices"
          value={shape.options.join('\n')}
          multiline
          rows={4}
          keepsDraft={sameOptions}
          write={(text) => typed(withShape({ kind: 'choice', options: optionsOfText(text) }))}
          {...(shape.options.length === 0 ? { hint: 'With no choices, no answer is accepted.' } : {})}
        />
      )}
      {shape.kind === 'object' && (
        <div className="answer-fields" role="group" aria-label="Answer fields">
          {shape.fields.map((field, index) => (
            <AnswerFieldRow
              key={fittedKeys.keys[index]}
              index={index}
              field={field}
              fields={shape.fields}
              onRecorded={(next) => setFields(shape.fields.map((f, i) => (i === index ? next : f)))}
              onTyped={(next) => typed(withShape({ kind: 'object', fields: shape.fields.map((f, i) => (i === index ? next : f)) }))}
              onRemove={() => {
                if (setFields(shape.fields.filter((_, i) => i !== index)).ok) setRowKeys(removeRowKey(fittedKeys, index));
              }}
            />
          ))}
          <button
            type="button"
            className="button"
            data-testid="inspector.answer.addField"
            onClick={() => {
              setFields([...shape.fields, { name: freeFieldName(shape.fields), answer: { kind: 'text' }, required: true }]);
            }}
          >
            Add field
          </button>
        </div>
      )}
    </div>
  );
}
