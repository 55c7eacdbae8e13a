import { useId, useState, type KeyboardEvent } from 'react';
import {
  ANSWER_KINDS,
  blankScalar,
  optionsOfText,
  sameOptions,
  type AnswerField,
  type ScalarKind,
} from '../../designer/inspector/answerSchema.ts';
import { TextField } from './TextField.tsx';

interface AnswerFieldRowProps {
  readonly index: number;
  readonly field: AnswerField;
  /** Every field of the object (a name must be unique among them). */
  readonly fields: readonly AnswerField[];
  /** A choice: one undo step. */
  readonly onRecorded: (next: AnswerField) => void;
  /** Typing (the choices): merged per burst. */
  readonly onTyped: (next: AnswerField) => void;
  readonly onRemove: () => void;
}

const SCALAR_KINDS = ANSWER_KINDS.filter(
  (entry): entry is { kind: ScalarKind; label: string } => entry.kind !== 'any' && entry.kind !== 'object',
);

/** One named field of an object answer: its name (set on Enter or leaving), type, choices, and whether it is required. */
export function AnswerFieldRow({ index, field, fields, onRecorded, onTyped, onRemove }: AnswerFieldRowProps) {
  const nameId = useId();
  const typeId = useId();
  const errorId = useId();
  const [draft, setDraft] = useState(field.name);
  const [error, setError] = useState<string | undefined>();
  // the row is keyed by its place in the list, not its name: a name changed elsewhere (undo, the
  // YAML, a row removed before it) replaces the text, adjusting state while rendering as React advises
  const [shownName, setShownName] = useState(field.name);
  if (shownName !== field.name) {
    setShownName(field.name);
    setDraft(field.name);
    setError(undefined);
  }
  const testId = (part: string) => `inspector.field.answerField.${String(index)}.${part}`;

  const commitName = () => {
    const name = draft.trim();
    if (name === field.name) {
      setError(undefined);
      return;
    }
    if (name === '') {
      setError('A field needs a name.');
      return;
    }
    if (fields.some((other, i) => i !== index && other.name === name)) {
      setError(`“${name}” is already a field.`);
      return;
    }
    setError(undefined);
    onRecorded({ ...field, name });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commitName();
    if (event.key === 'Escape') {
      setDraft(field.name);
      setError(undefined);
    }
  };

  return (
    <div className="answer-field" data-testid={`inspector.answerField.${String(index)}`}>
      <div className="answer-field-line">
        <div className="field">
          <label className="field-label" htmlFor={nameId}>
            Field name
          </label>
          <input
            id={nameId}
            type="text"
            className="input code"
            autoComplete="off"
            spellCheck={false}
            data-testid={testId('name')}
            value={draft}
            aria-invalid={error !== undefined}
            aria-describedby={error === undefined ? undefined : errorId}
            onChange={(event) => {
              setDraft(event.target.value);
            }}
            onBlur={commitName}
            onKeyDown={onKeyDown}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={typeId}>
            Type
          </label>
          <select
            id={typeId}
            className="input"
            data-testid={testId('type')}
            value={field.answer.kind}
            onChange={(event) => {
              onRecorded({ ...field, answer: blankScalar(event.target.value as ScalarKind) });
            }}
          >
            {SCALAR_KINDS.map((entry) => (
              <option key={entry.kind} value={entry.kind}>
                {entry.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error !== undefined && (
        <span id={errorId} className="field-error" role="alert" data-testid={testId('error')}>
          {error}
        </span>
      )}
      {field.answer.kind === 'choice' && (
        <TextField
          label={`Choices of ${field.name} (one per line)`}
          name={`answerField.${String(index)}.choices`}
          value={field.answer.options.join('\n')}
          multiline
          rows={3}
          keepsDraft={sameOptions}
          write={(text) => {
            onTyped({ ...field, answer: { kind: 'choice', options: optionsOfText(text) } });
          }}
        />
      )}
      <div className="answer-field-line">
        <label className="checkbox">
          <input
            type="checkbox"
            data-testid={testId('required')}
            checked={field.required}
            onChange={(event) => {
              onRecorded({ ...field, required: event.target.checked });
            }}
          />
          Required
        </label>
        <button type="button" className="button button-small" data-testid={testId('remove')} onClick={onRemove}>
          Remove {field.name}
        </button>
      </div>
    </div>
  );
}
