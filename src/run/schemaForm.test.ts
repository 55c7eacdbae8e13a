import { describe, expect, it } from 'vitest';
import { fieldOf, initialDraft, optionLabel, readDraft, schemaDefault, type Draft } from './schemaForm.ts';

describe('fieldOf', () => {
  it('picks a field per schema shape', () => {
    expect(fieldOf({ type: 'string', title: 'Draft' })).toMatchObject({ kind: 'string', title: 'Draft', multiline: false });
    expect(fieldOf({ type: 'string', format: 'textarea' })).toMatchObject({ kind: 'string', multiline: true });
    expect(fieldOf({ type: 'integer', minimum: 1 })).toMatchObject({ kind: 'number', integer: true, minimum: 1 });
    expect(fieldOf({ type: 'boolean' }).kind).toBe('boolean');
    expect(fieldOf({ enum: ['low', 'high'] })).toMatchObject({ kind: 'enum', options: ['low', 'high'] });
    expect(fieldOf({ type: 'array', items: {} }).kind).toBe('json');
    expect(fieldOf({ type: 'object' }).kind).toBe('json');
    expect(fieldOf(undefined).kind).toBe('any');
  });

  it('reads the engine’s type names', () => {
    expect(fieldOf('boolean').kind).toBe('boolean');
    expect(fieldOf('string').kind).toBe('string');
    expect(fieldOf('any').kind).toBe('any');
    expect(fieldOf(['string', 'number']).kind).toBe('any');
  });

  it('lists object properties with their required flags', () => {
    const field = fieldOf({ type: 'object', properties: { name: { type: 'string' }, age: { type: 'number' } }, required: ['name'] });
    expect(field.kind === 'object' && field.properties.map((p) => [p.name, p.required, p.field.kind])).toEqual([
      ['name', true, 'string'],
      ['age', false, 'number'],
    ]);
  });
});

describe('initialDraft and readDraft', () => {
  it('starts from the default and reads it back', () => {
    const schema = { type: 'string', default: 'hello' };
    const field = fieldOf(schema);
    expect(readDraft(field, initialDraft(field, schemaDefault(schema)))).toEqual({ ok: true, value: 'hello' });
  });

  it('parses numbers and says what is wrong', () => {
    const field = fieldOf({ type: 'integer', minimum: 0, maximum: 10 });
    expect(readDraft(field, { kind: 'text', text: ' 7 ' })).toEqual({ ok: true, value: 7 });
    expect(readDraft(field, { kind: 'text', text: 'seven' })).toEqual({ ok: false, errors: { '': '“seven” is not a number' } });
    expect(readDraft(field, { kind: 'text', text: '2.5' })).toEqual({ ok: false, errors: { '': 'Enter a whole number' } });
    expect(readDraft(field, { kind: 'text', text: '11' })).toEqual({ ok: false, errors: { '': 'At most 10' } });
    expect(readDraft(field, { kind: 'text', text: '' })).toEqual({ ok: false, errors: { '': 'Enter a number' } });
  });

  it('checks string lengths', () => {
    const field = fieldOf({ type: 'string', minLength: 2 });
    expect(readDraft(field, { kind: 'text', text: 'a' })).toEqual({ ok: false, errors: { '': 'At least 2 characters' } });
  });

  it('reads booleans and enum choices', () => {
    expect(readDraft(fieldOf('boolean'), { kind: 'boolean', value: true })).toEqual({ ok: true, value: true });
    const choice = fieldOf({ enum: ['a', 2, { x: 1 }], default: 2 });
    const draft = initialDraft(choice, 2);
    expect(draft).toEqual({ kind: 'choice', index: 1 });
    expect(readDraft(choice, { kind: 'choice', index: 2 })).toEqual({ ok: true, value: { x: 1 } });
    expect(optionLabel({ x: 1 })).toBe('{"x":1}');
  });

  it('reads objects, leaving out empty optional fields and keying errors by path', () => {
    const field = fieldOf({
      type: 'object',
      properties: { name: { type: 'string' }, age: { type: 'number' }, tags: { type: 'array' } },
      required: ['name'],
    });
    const draft = initialDraft(field, { name: 'Ada' });
    expect(readDraft(field, draft)).toEqual({ ok: true, value: { name: 'Ada' } });
    const fields = (draft as Extract<Draft, { kind: 'object' }>).fields;
    expect(readDraft(field, { kind: 'object', fields: { ...fields, tags: { kind: 'text', text: '["x"]' } } })).toEqual({
      ok: true,
      value: { name: 'Ada', tags: ['x'] },
    });
    expect(
      readDraft(field, { kind: 'object', fields: { ...fields, age: { kind: 'text', text: 'old' }, tags: { kind: 'text', text: '[' } } }),
    ).toMatchObject({
      ok: false,
      errors: { age: '“old” is not a number', tags: expect.stringMatching(/^Not valid JSON/) as unknown },
    });
  });

  it('takes text, or JSON on request, when there is no schema', () => {
    const field = fieldOf(undefined);
    expect(readDraft(field, { kind: 'any', text: '{"a":1}', asJson: false })).toEqual({ ok: true, value: '{"a":1}' });
    expect(readDraft(field, { kind: 'any', text: '{"a":1}', asJson: true })).toEqual({ ok: true, value: { a: 1 } });
    expect(initialDraft(field, { a: 1 })).toEqual({ kind: 'any', text: '{\n  "a": 1\n}', asJson: true });
  });
});
