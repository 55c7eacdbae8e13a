import type { Problem } from '@trellis/engine';
import { useCallback } from 'react';
import { celFieldError, describePosition } from '../../designer/inspector/celCheck.ts';
import { TextField } from './TextField.tsx';

interface CelFieldProps {
  readonly label: string;
  readonly name: string;
  readonly value: string;
  readonly write: (text: string) => void;
  /** The variables the expression sees (`TRANSFORM_CEL_VARIABLES`, `CONDITION_CEL_VARIABLES`). */
  readonly variables: readonly string[];
  readonly problems: readonly Problem[];
  readonly placeholder?: string;
  readonly hint?: string;
}

const isCelProblem = (problem: Problem): boolean => problem.code === 'cel_syntax';

/**
 * A CEL expression field: checked as typed with the engine's own compiler, the error shown under
 * it with its position; the text is written as typed even when it does not compile.
 */
export function CelField({ variables, ...field }: CelFieldProps) {
  const check = useCallback(
    (text: string) => {
      const error = celFieldError(text, variables);
      return error === undefined ? undefined : `${error.message} (${describePosition(error, text)})`;
    },
    [variables],
  );
  return <TextField {...field} multiline code rows={3} check={check} coveredByCheck={isCelProblem} />;
}
