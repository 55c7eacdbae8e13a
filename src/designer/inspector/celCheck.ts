import { CelExpressionError, compileCel } from '@trellis/engine';

/**
 * The variables a CEL field sees (spec, workflow-yaml.md: "A condition sees `message`; a transform
 * sees `input`; both see `state` and `inputs`"). These are the lists the engine compiles with; a
 * unit test holds them to the engine's own constants.
 */
export const TRANSFORM_CEL_VARIABLES: readonly string[] = ['input', 'state', 'inputs'];
export const CONDITION_CEL_VARIABLES: readonly string[] = ['message', 'state', 'inputs'];

/** Why an expression would not compile, and where (1-based line and column within the field's text). */
export interface CelFieldError {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/**
 * Checks an expression as the engine will when it compiles the workflow: with the engine's own
 * `compileCel` (parse, then type-check over `variables`), not a second parser. Answers undefined
 * when it compiles, or when it is empty (an empty field is the caller's concern: a condition may
 * be absent, a required expression is reported by validation).
 *
 * @example
 * celFieldError('size(input) >', TRANSFORM_CEL_VARIABLES); // { message: 'Does not parse: Unexpected token: EOF', line: 1, column: 14 }
 */
export function celFieldError(expression: string, variables: readonly string[]): CelFieldError | undefined {
  if (expression.trim() === '') return undefined;
  try {
    compileCel(expression, variables);
    return undefined;
  } catch (error) {
    if (!(error instanceof CelExpressionError)) throw error;
    return { message: reasonOf(error, expression), ...positionAt(expression, error.offset ?? 0) };
  }
}

/** The engine's message without the expression it repeats (the field shows that already). */
function reasonOf(error: CelExpressionError, expression: string): string {
  const prefix = `The CEL expression '${expression}' `;
  const reason = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}

/** The 1-based line and column of a 0-based offset into a text. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 };
}

/** "line 2, column 5", or "column 5" for a one-line text. */
export function describePosition(error: CelFieldError, text: string): string {
  return text.includes('\n') ? `line ${error.line}, column ${error.column}` : `column ${error.column}`;
}
