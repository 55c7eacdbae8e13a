import type { Problem } from '@trellis/engine';

interface FieldMessagesProps {
  /** The id the field's `aria-describedby` names. */
  readonly id: string;
  /** The field's own check of the text as typed (a CEL or JSON error). */
  readonly error: string | undefined;
  /** The engine's validation problems of this field (from the store). */
  readonly problems: readonly Problem[];
  /** Names the messages for tests: `inspector.error.<testName>`, `inspector.problems.<testName>`. */
  readonly testName: string;
}

/** Whether a field has anything to say (then it is `aria-invalid` and described by the messages). */
export function hasMessages(error: string | undefined, problems: readonly Problem[]): boolean {
  return error !== undefined || problems.length > 0;
}

/** Under a field: its own error for the text as typed, then the engine's problems of the field. */
export function FieldMessages({ id, error, problems, testName }: FieldMessagesProps) {
  if (!hasMessages(error, problems)) return null;
  return (
    <div id={id} className="field-messages">
      {error !== undefined && (
        <p className="field-error" role="alert" data-testid={`inspector.error.${testName}`}>
          {error}
        </p>
      )}
      {problems.length > 0 && (
        <ul className="field-problems" data-testid={`inspector.problems.${testName}`}>
          {problems.map((problem, index) => (
            <li key={`${String(index)}:${problem.code}`} className="field-error">
              {problem.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
