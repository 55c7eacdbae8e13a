/**
 * The raw JSON view of a `response` schema: the text shown for a schema, and what a typed text
 * means. Anything the structured editor cannot show is edited here.
 */

/** The text the raw view shows for the stored schema (empty: no schema, any answer). */
export function schemaText(schema: unknown): string {
  return schema === undefined ? '' : JSON.stringify(schema, null, 2);
}

/** What a typed text means: remove the schema, set one, or an error (then nothing is written). */
export type ParsedSchemaText =
  | { readonly kind: 'none' }
  | { readonly kind: 'schema'; readonly schema: Readonly<Record<string, unknown>> }
  | { readonly kind: 'error'; readonly message: string };

export function parseSchemaText(text: string): ParsedSchemaText {
  if (text.trim() === '') return { kind: 'none' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { kind: 'error', message: `Not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'error', message: 'A JSON Schema is an object, such as { "type": "string" }.' };
  }
  return { kind: 'schema', schema: value as Record<string, unknown> };
}

/**
 * Whether the typed text still stands for the stored schema: it means the same schema (spacing
 * aside), or it cannot be written (so the author's text stays until it is fixed).
 */
export function keepsSchemaDraft(draft: string, storedText: string): boolean {
  const typed = parseSchemaText(draft);
  if (typed.kind === 'error') return true;
  const stored = parseSchemaText(storedText);
  if (typed.kind === 'none' || stored.kind !== 'schema') return typed.kind === stored.kind;
  return JSON.stringify(typed.schema) === JSON.stringify(stored.schema);
}

/** Whether the store refuses this text (it is not a JSON Schema object), so the field keeps it. */
export function refusesSchemaText(text: string): boolean {
  return parseSchemaText(text).kind === 'error';
}
