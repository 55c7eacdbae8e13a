import { describe, expect, it } from 'vitest';
import { keepsSchemaDraft, parseSchemaText, schemaText } from './rawSchema.ts';

describe('raw schema text', () => {
  it('shows a schema as indented JSON, and nothing for no schema', () => {
    expect(schemaText({ type: 'boolean' })).toBe('{\n  "type": "boolean"\n}');
    expect(schemaText(undefined)).toBe('');
  });

  it('reads a schema, an empty text, and explains what it cannot write', () => {
    expect(parseSchemaText('{"type":"string","minLength":2}')).toEqual({ kind: 'schema', schema: { type: 'string', minLength: 2 } });
    expect(parseSchemaText('  ')).toEqual({ kind: 'none' });
    const broken = parseSchemaText('{"type": }');
    expect(broken.kind).toBe('error');
    expect(broken.kind === 'error' && broken.message).toMatch(/^Not JSON: .+/);
    expect(parseSchemaText('[1]')).toEqual({ kind: 'error', message: expect.stringMatching(/is an object/) as unknown });
    expect(parseSchemaText('"string"').kind).toBe('error');
  });

  it("keeps the author's text while it means the stored schema or cannot be written", () => {
    const stored = schemaText({ type: 'boolean' });
    expect(keepsSchemaDraft('{ "type": "boolean" }', stored)).toBe(true);
    expect(keepsSchemaDraft('{ "type": ', stored)).toBe(true);
    expect(keepsSchemaDraft('{ "type": "string" }', stored)).toBe(false);
    expect(keepsSchemaDraft('', '')).toBe(true);
    expect(keepsSchemaDraft('', stored)).toBe(false);
  });
});
