/**
 * The structured answer editor of a human-input node: a small model of the answers most prompts
 * need, and the `response` JSON Schema each one writes. `answerOfSchema` reads a schema back only
 * when the model can show all of it; any other schema stays in the raw JSON view, unchanged.
 */

/** The answer types the structured editor offers for one value. */
export type ScalarAnswer =
  | { readonly kind: 'text' }
  | { readonly kind: 'yes_no' }
  | { readonly kind: 'number' }
  | { readonly kind: 'choice'; readonly options: readonly string[] };

/** One named field of an object answer. */
export interface AnswerField {
  readonly name: string;
  readonly answer: ScalarAnswer;
  readonly required: boolean;
}

/** What a person answers: anything (no schema), one value, or an object of named values. */
export type AnswerShape = { readonly kind: 'any' } | ScalarAnswer | { readonly kind: 'object'; readonly fields: readonly AnswerField[] };

/** An answer shape and the top-level `title` the schema carries (a form label), if any. */
export interface Answer {
  readonly shape: AnswerShape;
  readonly title?: string;
}

export type AnswerKind = AnswerShape['kind'];
export type ScalarKind = ScalarAnswer['kind'];

/** The kinds in the order the editor lists them, with their labels. */
export const ANSWER_KINDS: readonly { readonly kind: AnswerKind; readonly label: string }[] = [
  { kind: 'any', label: 'Anything (no schema)' },
  { kind: 'text', label: 'Text' },
  { kind: 'yes_no', label: 'Yes / no' },
  { kind: 'number', label: 'Number' },
  { kind: 'choice', label: 'Choice from a list' },
  { kind: 'object', label: 'Object with named fields' },
];

type Schema = Readonly<Record<string, unknown>>;

/** The JSON Schema of one value. */
function scalarSchema(answer: ScalarAnswer): Schema {
  switch (answer.kind) {
    case 'text':
      return { type: 'string' };
    case 'yes_no':
      return { type: 'boolean' };
    case 'number':
      return { type: 'number' };
    case 'choice':
      return { type: 'string', enum: [...answer.options] };
  }
}

/** The `response` schema of an answer; `null` for "anything" (the key is removed). */
export function schemaOfAnswer(answer: Answer): Schema | null {
  const { shape } = answer;
  if (shape.kind === 'any') return null;
  const title = answer.title === undefined ? {} : { title: answer.title };
  if (shape.kind !== 'object') return { ...scalarSchema(shape), ...title };
  const properties = Object.fromEntries(shape.fields.map((field) => [field.name, scalarSchema(field.answer)]));
  const required = shape.fields.filter((field) => field.required).map((field) => field.name);
  return { type: 'object', ...title, properties, ...(required.length === 0 ? {} : { required }) };
}

function isRecord(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasOnlyKeys(record: Schema, allowed: readonly string[]): boolean {
  return Object.keys(record).every((key) => allowed.includes(key));
}

function isStringList(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** One value's schema as the editor models it; undefined when some part of it would be lost. */
function scalarOfSchema(schema: Schema): ScalarAnswer | undefined {
  if (schema.type === 'string' && 'enum' in schema) {
    const options = schema.enum;
    return hasOnlyKeys(schema, ['type', 'enum']) && isStringList(options) && new Set(options).size === options.length
      ? { kind: 'choice', options }
      : undefined;
  }
  if (!hasOnlyKeys(schema, ['type'])) return undefined;
  if (schema.type === 'string') return { kind: 'text' };
  if (schema.type === 'boolean') return { kind: 'yes_no' };
  if (schema.type === 'number') return { kind: 'number' };
  return undefined;
}

function objectOfSchema(schema: Schema): AnswerShape | undefined {
  if (!hasOnlyKeys(schema, ['type', 'properties', 'required']) || !isRecord(schema.properties)) return undefined;
  const required = schema.required ?? [];
  if (!isStringList(required) || new Set(required).size !== required.length) return undefined;
  const fields: AnswerField[] = [];
  for (const [name, property] of Object.entries(schema.properties)) {
    const answer = isRecord(property) ? scalarOfSchema(property) : undefined;
    if (answer === undefined) return undefined;
    fields.push({ name, answer, required: required.includes(name) });
  }
  // a required name with no property would be dropped by the editor
  if (required.some((name) => !fields.some((field) => field.name === name))) return undefined;
  // the editor writes `required` in field order; another order would not round-trip
  if (
    required.join('\u0000') !==
    fields
      .filter((f) => f.required)
      .map((f) => f.name)
      .join('\u0000')
  )
    return undefined;
  // the editor writes no `required: []`
  if ('required' in schema && required.length === 0) return undefined;
  return { kind: 'object', fields };
}

/**
 * The structured form of a `response` schema (`undefined` in the file: anything), or undefined
 * when the editor cannot show all of it: then `schemaOfAnswer(answerOfSchema(s))` equals `s`.
 *
 * @example
 * answerOfSchema({ type: 'boolean', title: 'Publish' }); // { shape: { kind: 'yes_no' }, title: 'Publish' }
 * answerOfSchema({ type: 'string', minLength: 3 }); // undefined: the raw view shows it
 */
export function answerOfSchema(schema: unknown): Answer | undefined {
  if (schema === undefined) return { shape: { kind: 'any' } };
  if (!isRecord(schema)) return undefined;
  const { title, ...rest } = schema;
  if (title !== undefined && typeof title !== 'string') return undefined;
  const shape = rest.type === 'object' ? objectOfSchema(rest) : scalarOfSchema(rest);
  if (shape === undefined) return undefined;
  return title === undefined ? { shape } : { shape, title };
}

/** The shape a kind starts with when the author picks it (an object keeps nothing of a scalar). */
export function blankShape(kind: AnswerKind): AnswerShape {
  switch (kind) {
    case 'choice':
      return { kind, options: ['yes', 'no'] };
    case 'object':
      return { kind, fields: [{ name: 'answer', answer: { kind: 'text' }, required: true }] };
    default:
      return { kind };
  }
}

/** The scalar a field's kind starts with. */
export function blankScalar(kind: ScalarKind): ScalarAnswer {
  return kind === 'choice' ? { kind, options: ['yes', 'no'] } : { kind };
}

/** A field name not yet used in `fields` (`field`, `field_2`, ...). */
export function freeFieldName(fields: readonly AnswerField[]): string {
  const taken = new Set(fields.map((field) => field.name));
  if (!taken.has('field')) return 'field';
  let n = 2;
  while (taken.has(`field_${String(n)}`)) n++;
  return `field_${String(n)}`;
}

/** The options of a choice as the author types them: one per line, blank lines ignored. */
export function optionsOfText(text: string): string[] {
  return [
    ...new Set(
      text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    ),
  ];
}

/** Whether typed choices still mean the stored ones (a trailing newline is kept while typing). */
export function sameOptions(draft: string, value: string): boolean {
  return optionsOfText(draft).join('\n') === optionsOfText(value).join('\n');
}
