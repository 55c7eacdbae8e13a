import { describe, expect, it } from 'vitest';
import {
  ANSWER_KINDS,
  answerOfSchema,
  blankShape,
  freeFieldName,
  optionsOfText,
  sameOptions,
  schemaOfAnswer,
  type Answer,
} from './answerSchema.ts';

describe('schemaOfAnswer', () => {
  it('writes each scalar kind', () => {
    expect(schemaOfAnswer({ shape: { kind: 'text' } })).toEqual({ type: 'string' });
    expect(schemaOfAnswer({ shape: { kind: 'yes_no' } })).toEqual({ type: 'boolean' });
    expect(schemaOfAnswer({ shape: { kind: 'number' } })).toEqual({ type: 'number' });
    expect(schemaOfAnswer({ shape: { kind: 'choice', options: ['low', 'high'] } })).toEqual({ type: 'string', enum: ['low', 'high'] });
    expect(schemaOfAnswer({ shape: { kind: 'yes_no' }, title: 'Publish' })).toEqual({ type: 'boolean', title: 'Publish' });
  });

  it('removes the schema for "anything"', () => {
    expect(schemaOfAnswer({ shape: { kind: 'any' } })).toBeNull();
  });

  it('writes an object with its required fields in order, and no empty `required`', () => {
    const answer: Answer = {
      shape: {
        kind: 'object',
        fields: [
          { name: 'ok', answer: { kind: 'yes_no' }, required: true },
          { name: 'note', answer: { kind: 'text' }, required: false },
          { name: 'level', answer: { kind: 'choice', options: ['a', 'b'] }, required: true },
        ],
      },
    };
    expect(schemaOfAnswer(answer)).toEqual({
      type: 'object',
      properties: { ok: { type: 'boolean' }, note: { type: 'string' }, level: { type: 'string', enum: ['a', 'b'] } },
      required: ['ok', 'level'],
    });
    const optional: Answer = { shape: { kind: 'object', fields: [{ name: 'n', answer: { kind: 'number' }, required: false }] } };
    expect(schemaOfAnswer(optional)).toEqual({ type: 'object', properties: { n: { type: 'number' } } });
  });
});

describe('answerOfSchema', () => {
  it('reads back every schema it writes (round trip)', () => {
    for (const { kind } of ANSWER_KINDS) {
      for (const title of [undefined, 'Label']) {
        const answer: Answer = title === undefined ? { shape: blankShape(kind) } : { shape: blankShape(kind), title };
        const schema = schemaOfAnswer(answer);
        if (schema === null) {
          expect(answerOfSchema(undefined)).toEqual({ shape: { kind: 'any' } });
          continue;
        }
        expect(answerOfSchema(schema)).toEqual(answer);
      }
    }
  });

  it("reads the approval example's schema", () => {
    expect(answerOfSchema({ type: 'boolean', title: 'Publish' })).toEqual({ shape: { kind: 'yes_no' }, title: 'Publish' });
  });

  it('refuses any schema it could not write back whole, so the raw view keeps it', () => {
    for (const schema of [
      { type: 'string', minLength: 3 },
      { type: 'integer' },
      { type: 'string', enum: ['a', 'a'] },
      { type: 'string', enum: [1, 2] },
      { enum: ['a'] },
      { type: 'object', properties: { a: { type: 'array' } } },
      { type: 'object', properties: { a: { type: 'string' } }, required: ['b'] },
      { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } }, required: ['b', 'a'] },
      { type: 'object', properties: { a: { type: 'string' } }, required: [] },
      { type: 'object', properties: { a: { type: 'string', description: 'why' } } },
      { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false },
      { type: 'boolean', title: 3 },
      { anyOf: [{ type: 'string' }, { type: 'number' }] },
      'string',
      null,
      [],
    ]) {
      expect(answerOfSchema(schema), JSON.stringify(schema)).toBeUndefined();
    }
  });
});

describe('editing helpers', () => {
  it('finds a free field name', () => {
    expect(freeFieldName([])).toBe('field');
    const field = { answer: { kind: 'text' as const }, required: true };
    expect(
      freeFieldName([
        { name: 'field', ...field },
        { name: 'field_2', ...field },
      ]),
    ).toBe('field_3');
  });

  it('reads choice options one per line, trimmed, without blanks or repeats', () => {
    expect(optionsOfText(' low \n\nhigh\nlow\n')).toEqual(['low', 'high']);
    expect(sameOptions('low\nhigh\n', 'low\nhigh')).toBe(true);
    expect(sameOptions('low\nhig', 'low\nhigh')).toBe(false);
  });
});
