/**
 * Forms generated from a JSON Schema (a workflow's `input`, a request's answer type): which field
 * to draw, the text the user edits (a draft), and the value read back with messages for what does
 * not fit. Pure; the components in `src/components/run/` draw the fields.
 *
 * Covered: string (with `enum`, `minLength`, `maxLength`), number and integer (`minimum`,
 * `maximum`), boolean, enum, an object of those (`properties`, `required`); anything else is typed
 * as JSON. With no schema at all the value is text, or JSON on request. The engine checks the whole
 * schema again when the value reaches the workflow.
 */

type Schema = Readonly<Record<string, unknown>>;

interface FieldBase {
  readonly title: string | undefined;
  readonly description: string | undefined;
}

export type FormField =
  | (FieldBase & { readonly kind: 'string'; readonly multiline: boolean; readonly minLength?: number; readonly maxLength?: number })
  | (FieldBase & { readonly kind: 'number'; readonly integer: boolean; readonly minimum?: number; readonly maximum?: number })
  | (FieldBase & { readonly kind: 'boolean' })
  | (FieldBase & { readonly kind: 'enum'; readonly options: readonly unknown[] })
  | (FieldBase & { readonly kind: 'object'; readonly properties: readonly ObjectProperty[] })
  | (FieldBase & { readonly kind: 'json' })
  /** No schema: text, or JSON when the user says so. */
  | (FieldBase & { readonly kind: 'any' });

export interface ObjectProperty {
  readonly name: string;
  readonly required: boolean;
  readonly field: FormField;
}

/** What the user edits. Text for typed-in values; an option index for an enum. */
export type Draft =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'choice'; readonly index: number }
  | { readonly kind: 'object'; readonly fields: Readonly<Record<string, Draft>> }
  | { readonly kind: 'any'; readonly text: string; readonly asJson: boolean };

/** A value read from a draft, or messages keyed by field path (`''` is the field itself, `a.b` a property). */
export type ReadResult =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly errors: Readonly<Record<string, string>> };

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function optional<K extends string>(key: K, value: number | undefined): { [P in K]?: number } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: number };
}

/**
 * The field for a schema: a JSON Schema object, or a type name as the engine describes answer
 * types (`'string'`, `'boolean'`, `'any'`...). `undefined` means no schema.
 */
export function fieldOf(schema: unknown): FormField {
  if (typeof schema === 'string') return fieldOf(schema === 'any' ? undefined : { type: schema });
  if (!isSchema(schema)) return { kind: 'any', title: undefined, description: undefined };
  const base: FieldBase = { title: text(schema.title), description: text(schema.description) };
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return { ...base, kind: 'enum', options: schema.enum };
  if ('const' in schema) return { ...base, kind: 'enum', options: [schema.const] };
  switch (schema.type) {
    case 'string': {
      const maxLength = num(schema.maxLength);
      const multiline = schema.format === 'textarea' || (maxLength !== undefined && maxLength > 200);
      return { ...base, kind: 'string', multiline, ...optional('minLength', num(schema.minLength)), ...optional('maxLength', maxLength) };
    }
    case 'number':
    case 'integer':
      return {
        ...base,
        kind: 'number',
        integer: schema.type === 'integer',
        ...optional('minimum', num(schema.minimum)),
        ...optional('maximum', num(schema.maximum)),
      };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'object': {
      if (!isSchema(schema.properties)) return { ...base, kind: 'json' };
      const required = new Set(Array.isArray(schema.required) ? schema.required.filter((key) => typeof key === 'string') : []);
      const properties = Object.entries(schema.properties).map(([name, property]) => ({
        name,
        required: required.has(name),
        field: fieldOf(property ?? {}),
      }));
      return { ...base, kind: 'object', properties };
    }
    default:
      return { ...base, kind: 'json' };
  }
}

/** The draft a form starts with: the schema's `default` when it fits, else empty. */
export function initialDraft(field: FormField, initial?: unknown): Draft {
  switch (field.kind) {
    case 'string':
      return { kind: 'text', text: typeof initial === 'string' ? initial : '' };
    case 'number':
      return { kind: 'text', text: typeof initial === 'number' ? String(initial) : '' };
    case 'boolean':
      return { kind: 'boolean', value: initial === true };
    case 'enum':
      return {
        kind: 'choice',
        index: Math.max(
          0,
          field.options.findIndex((option) => JSON.stringify(option) === JSON.stringify(initial)),
        ),
      };
    case 'object': {
      const values = isSchema(initial) ? initial : {};
      return { kind: 'object', fields: Object.fromEntries(field.properties.map((p) => [p.name, initialDraft(p.field, values[p.name])])) };
    }
    case 'json':
      return { kind: 'text', text: initial === undefined ? '' : JSON.stringify(initial, null, 2) };
    case 'any':
      return typeof initial === 'string' || initial === undefined
        ? { kind: 'any', text: initial ?? '', asJson: false }
        : { kind: 'any', text: JSON.stringify(initial, null, 2), asJson: true };
  }
}

/** The schema's `default`, for `initialDraft`. */
export function schemaDefault(schema: unknown): unknown {
  return isSchema(schema) ? schema.default : undefined;
}

/** Reads the value a draft stands for, or says what is wrong with it. */
export function readDraft(field: FormField, draft: Draft, required = true): ReadResult {
  const errors: Record<string, string> = {};
  const value = read(field, draft, '', required, errors);
  return Object.keys(errors).length === 0 ? { ok: true, value } : { ok: false, errors };
}

function read(field: FormField, draft: Draft, path: string, required: boolean, errors: Record<string, string>): unknown {
  // answers `unknown` (always undefined): a failed field has no value
  const fail = (message: string): unknown => {
    errors[path] = message;
    return undefined;
  };
  switch (field.kind) {
    case 'string': {
      const value = draft.kind === 'text' ? draft.text : '';
      if (value === '' && !required && path !== '') return undefined;
      if (field.minLength !== undefined && value.length < field.minLength) return fail(`At least ${field.minLength} characters`);
      if (field.maxLength !== undefined && value.length > field.maxLength) return fail(`At most ${field.maxLength} characters`);
      return value;
    }
    case 'number': {
      const value = draft.kind === 'text' ? draft.text.trim() : '';
      if (value === '') return required ? fail('Enter a number') : undefined;
      const parsed = Number(value);
      if (!Number.isFinite(parsed)) return fail(`“${value}” is not a number`);
      if (field.integer && !Number.isInteger(parsed)) return fail('Enter a whole number');
      if (field.minimum !== undefined && parsed < field.minimum) return fail(`At least ${field.minimum}`);
      if (field.maximum !== undefined && parsed > field.maximum) return fail(`At most ${field.maximum}`);
      return parsed;
    }
    case 'boolean':
      return draft.kind === 'boolean' && draft.value;
    case 'enum':
      return field.options[draft.kind === 'choice' ? draft.index : 0];
    case 'object': {
      const drafts = draft.kind === 'object' ? draft.fields : {};
      const value: Record<string, unknown> = {};
      for (const property of field.properties) {
        const inner = drafts[property.name] ?? initialDraft(property.field);
        const read_ = read(property.field, inner, path === '' ? property.name : `${path}.${property.name}`, property.required, errors);
        if (read_ !== undefined) value[property.name] = read_;
      }
      return value;
    }
    case 'json':
      return parseJson(draft.kind === 'text' ? draft.text : '', required, fail);
    case 'any':
      if (draft.kind !== 'any') return undefined;
      return draft.asJson ? parseJson(draft.text, required, fail) : draft.text;
  }
}

function parseJson(source: string, required: boolean, fail: (message: string) => unknown): unknown {
  if (source.trim() === '') return required ? fail('Enter a JSON value') : undefined;
  try {
    return JSON.parse(source) as unknown;
  } catch (error) {
    return fail(`Not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** An enum option as a label. */
export function optionLabel(option: unknown): string {
  return typeof option === 'string' ? option : JSON.stringify(option);
}
