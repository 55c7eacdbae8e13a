import { useId } from 'react';
import { optionLabel, type Draft, type FormField } from '../../run/schemaForm.ts';

interface SchemaFieldProps {
  field: FormField;
  draft: Draft;
  onChange: (draft: Draft) => void;
  /** Messages by field path (`''` is this field). */
  errors: Readonly<Record<string, string>>;
  /** The label when the schema has no title. */
  fallbackLabel: string;
  /** Prefix of the `data-testid`s (`run.input`, `run.request.q1`). */
  testId: string;
  path?: string;
  required?: boolean;
}

/** One field of a generated form (an object draws its properties as nested fields). */
export function SchemaField({ field, draft, onChange, errors, fallbackLabel, testId, path = '', required = true }: SchemaFieldProps) {
  const id = useId();
  const label = field.title ?? fallbackLabel;
  const error = errors[path];
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const described =
    [field.description === undefined ? '' : hintId, error === undefined ? '' : errorId].filter(Boolean).join(' ') || undefined;
  const fieldTestId = path === '' ? testId : `${testId}.${path}`;

  const common = {
    id,
    'aria-invalid': error !== undefined,
    'aria-describedby': described,
    'data-testid': fieldTestId,
  };

  let control;
  switch (field.kind) {
    case 'string':
    case 'number':
    case 'json': {
      const text = draft.kind === 'text' ? draft.text : '';
      const set = (value: string) => {
        onChange({ kind: 'text', text: value });
      };
      control =
        field.kind === 'json' || (field.kind === 'string' && field.multiline) ? (
          <textarea
            {...common}
            className={`input${field.kind === 'json' ? ' code' : ''}`}
            rows={field.kind === 'json' ? 4 : 3}
            spellCheck={field.kind !== 'json'}
            value={text}
            onChange={(event) => {
              set(event.target.value);
            }}
          />
        ) : (
          <input
            {...common}
            className="input"
            type="text"
            inputMode={field.kind === 'number' ? 'decimal' : undefined}
            autoComplete="off"
            value={text}
            onChange={(event) => {
              set(event.target.value);
            }}
          />
        );
      break;
    }
    case 'boolean':
      return (
        <div className="schema-field schema-field-boolean">
          <label htmlFor={id}>
            <input
              {...common}
              type="checkbox"
              checked={draft.kind === 'boolean' && draft.value}
              onChange={(event) => {
                onChange({ kind: 'boolean', value: event.target.checked });
              }}
            />{' '}
            {label}
          </label>
          {field.description !== undefined && (
            <p id={hintId} className="schema-hint">
              {field.description}
            </p>
          )}
        </div>
      );
    case 'enum':
      control = (
        <select
          {...common}
          className="input"
          value={String(draft.kind === 'choice' ? draft.index : 0)}
          onChange={(event) => {
            onChange({ kind: 'choice', index: Number(event.target.value) });
          }}
        >
          {field.options.map((option, index) => (
            <option key={index} value={index}>
              {optionLabel(option)}
            </option>
          ))}
        </select>
      );
      break;
    case 'object': {
      const drafts = draft.kind === 'object' ? draft.fields : {};
      return (
        <fieldset className="schema-field schema-object" data-testid={fieldTestId}>
          <legend>{label}</legend>
          {field.description !== undefined && <p className="schema-hint">{field.description}</p>}
          {field.properties.map((property) => {
            const inner = drafts[property.name];
            if (inner === undefined) return null;
            return (
              <SchemaField
                key={property.name}
                field={property.field}
                draft={inner}
                errors={errors}
                fallbackLabel={property.name}
                testId={testId}
                path={path === '' ? property.name : `${path}.${property.name}`}
                required={property.required}
                onChange={(next) => {
                  onChange({ kind: 'object', fields: { ...drafts, [property.name]: next } });
                }}
              />
            );
          })}
          {error !== undefined && <p className="field-error">{error}</p>}
        </fieldset>
      );
    }
    case 'any': {
      const any = draft.kind === 'any' ? draft : { kind: 'any' as const, text: '', asJson: false };
      control = (
        <>
          <textarea
            {...common}
            className={`input${any.asJson ? ' code' : ''}`}
            rows={2}
            spellCheck={!any.asJson}
            value={any.text}
            onChange={(event) => {
              onChange({ ...any, text: event.target.value });
            }}
          />
          <label className="schema-json-toggle">
            <input
              type="checkbox"
              data-testid={`${fieldTestId}.asJson`}
              checked={any.asJson}
              onChange={(event) => {
                onChange({ ...any, asJson: event.target.checked });
              }}
            />{' '}
            Read as JSON
          </label>
        </>
      );
      break;
    }
  }

  return (
    <div className="schema-field">
      <label htmlFor={id} className="schema-label">
        {label}
        {!required && <span className="schema-optional"> (optional)</span>}
      </label>
      {control}
      {field.description !== undefined && (
        <p id={hintId} className="schema-hint">
          {field.description}
        </p>
      )}
      {error !== undefined && (
        <p id={errorId} className="field-error" data-testid={`${fieldTestId}.error`}>
          {error}
        </p>
      )}
    </div>
  );
}
