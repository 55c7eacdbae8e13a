import type { Problem } from '@trellis/engine';
import { useId } from 'react';
import { FieldMessages, hasMessages } from './FieldMessages.tsx';
import { useBufferedText } from './useBufferedText.ts';

export interface TextFieldProps {
  readonly label: string;
  /** `inspector.field.<name>` is the input's test id. */
  readonly name: string;
  /** The value in the store. */
  readonly value: string;
  /** Writes the typed text to the store (debounced; see `useBufferedText`). */
  readonly write: (text: string) => void;
  readonly multiline?: boolean;
  /** Code or an expression: monospace, no spell checking. */
  readonly code?: boolean;
  readonly rows?: number;
  readonly placeholder?: string;
  readonly hint?: string;
  /** Checks the text as typed (shown at once, before the store has it). */
  readonly check?: (text: string) => string | undefined;
  /** The engine's problems of this field, for the stored value. */
  readonly problems?: readonly Problem[];
  /**
   * Whether `check` covers an engine problem: the check sees the text as typed, the engine the
   * stored text (up to one typing pause older), so such a problem is left to the check.
   */
  readonly coveredByCheck?: (problem: Problem) => boolean;
  readonly keepsDraft?: (draft: string, value: string) => boolean;
  /** Text `write` refuses: kept in the field (and under `draftKey` while it is not shown) until fixed. */
  readonly unwritable?: (text: string) => boolean;
  readonly draftKey?: string;
}

const NO_PROBLEMS: readonly Problem[] = [];

/**
 * A labelled text field of the inspector, written to the store as one merged step per typing
 * burst. Its own check and the engine's problems show under it (`aria-invalid`,
 * `aria-describedby`); the text is written as typed either way, so nothing typed is lost.
 */
export function TextField(props: TextFieldProps) {
  const { label, name, value, write, multiline = false, code = false, rows, placeholder, hint, check } = props;
  const inputId = useId();
  const messagesId = useId();
  const hintId = useId();
  const buffered = useBufferedText({
    value,
    write,
    ...(props.keepsDraft === undefined ? {} : { keepsDraft: props.keepsDraft }),
    ...(props.unwritable === undefined ? {} : { unwritable: props.unwritable }),
    ...(props.draftKey === undefined ? {} : { draftKey: props.draftKey }),
  });
  const error = check?.(buffered.text);
  const covered = props.coveredByCheck;
  const problems = covered === undefined ? (props.problems ?? NO_PROBLEMS) : (props.problems ?? NO_PROBLEMS).filter((p) => !covered(p));
  const invalid = hasMessages(error, problems);
  const describedBy = [invalid ? messagesId : undefined, hint === undefined ? undefined : hintId].filter(Boolean).join(' ');
  const common = {
    id: inputId,
    'data-testid': `inspector.field.${name}`,
    value: buffered.text,
    placeholder,
    spellCheck: !code,
    className: code ? 'input code' : 'input',
    'aria-invalid': invalid,
    'aria-describedby': describedBy === '' ? undefined : describedBy,
    onFocus: buffered.onFocus,
    onBlur: buffered.onBlur,
  };
  return (
    <div className="field">
      <label className="field-label" htmlFor={inputId}>
        {label}
      </label>
      {multiline ? (
        <textarea
          rows={rows ?? (code ? 4 : 3)}
          {...common}
          onChange={(event) => {
            buffered.onChange(event.target.value);
          }}
        />
      ) : (
        <input
          type="text"
          autoComplete="off"
          {...common}
          onChange={(event) => {
            buffered.onChange(event.target.value);
          }}
        />
      )}
      <FieldMessages id={messagesId} error={error} problems={problems} testName={name} />
      {hint !== undefined && (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
