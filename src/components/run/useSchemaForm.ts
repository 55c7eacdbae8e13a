import { useMemo, useState } from 'react';
import { fieldOf, initialDraft, readDraft, type Draft, type FormField } from '../../run/schemaForm.ts';

export interface SchemaForm {
  readonly field: FormField;
  readonly draft: Draft;
  readonly errors: Readonly<Record<string, string>>;
  readonly setDraft: (draft: Draft) => void;
  /** The value, or `undefined` after showing what is wrong (`ok` tells the two apart). */
  readonly read: () => { ok: true; value: unknown } | { ok: false };
}

const NO_ERRORS: Readonly<Record<string, string>> = {};

/**
 * A form over a schema: the draft the user edits and the messages of the last failed read. The
 * caller remounts it (a `key`) when the schema changes.
 */
export function useSchemaForm(schema: unknown, initial: unknown): SchemaForm {
  const field = useMemo(() => fieldOf(schema), [schema]);
  const [draft, setDraftState] = useState<Draft>(() => initialDraft(field, initial));
  const [errors, setErrors] = useState(NO_ERRORS);
  return {
    field,
    draft,
    errors,
    setDraft: (next) => {
      setDraftState(next);
      if (errors !== NO_ERRORS) setErrors(NO_ERRORS);
    },
    read: () => {
      const result = readDraft(field, draft);
      if (result.ok) return result;
      setErrors(result.errors);
      return { ok: false };
    },
  };
}
