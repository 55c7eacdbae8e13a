import { describe, expect, it } from 'vitest';
import { shownText, type DraftRules, type FieldDraft } from './fieldDraft.ts';
import { keepsSchemaDraft, refusesSchemaText } from './rawSchema.ts';
import { UnwrittenDrafts, unwrittenDraftKey } from './unwrittenDrafts.ts';

const schemaRules: DraftRules = { keepsDraft: keepsSchemaDraft, unwritable: refusesSchemaText };
const stored = '{\n  "type": "boolean"\n}';
const field = (draft: string | null, extra: Partial<FieldDraft> = {}): FieldDraft => ({
  draft,
  base: stored,
  pending: false,
  focused: false,
  ...extra,
});

describe('the text a buffered field shows', () => {
  it("shows the store's value without a draft, and the draft while it waits to be written", () => {
    expect(shownText(field(null), stored, schemaRules)).toEqual({ text: stored, dropDraft: false });
    expect(shownText(field('{ "ty', { pending: true }), '', schemaRules)).toEqual({ text: '{ "ty', dropDraft: false });
  });

  it('keeps text the store refused, focused or not, while the store keeps the value it was typed over', () => {
    expect(shownText(field('{ "type": ', { focused: true }), stored, schemaRules)).toEqual({ text: '{ "type": ', dropDraft: false });
    expect(shownText(field('{ "type": '), stored, schemaRules)).toEqual({ text: '{ "type": ', dropDraft: false });
  });

  it('lets an edit elsewhere replace refused text once the author has left the field', () => {
    const undone = '{\n  "type": "string"\n}';
    expect(shownText(field('{ "type": '), undone, schemaRules)).toEqual({ text: undone, dropDraft: true });
    expect(shownText(field('{ "type": ', { focused: true }), undone, schemaRules)).toEqual({ text: '{ "type": ', dropDraft: false });
  });

  it("keeps a written draft while it means the store's value, and shows an edit from elsewhere", () => {
    expect(shownText(field('{"type":"boolean"}'), stored, schemaRules).text).toBe('{"type":"boolean"}');
    expect(shownText(field('{"type":"boolean"}'), '{\n  "type": "number"\n}', schemaRules).text).toBe('{\n  "type": "number"\n}');
  });
});

describe('unwritten drafts', () => {
  it('keeps a draft per document, node and field until it is forgotten', () => {
    const drafts = new UnwrittenDrafts();
    const key = unwrittenDraftKey('doc-1', 'ask', 'response');
    drafts.keep(key, { text: '{ "type": ', base: stored });
    expect(drafts.get(key)).toEqual({ text: '{ "type": ', base: stored });
    expect(drafts.get(unwrittenDraftKey('doc-2', 'ask', 'response'))).toBeUndefined();
    expect(drafts.get(unwrittenDraftKey('doc-1', 'other', 'response'))).toBeUndefined();
    drafts.forget(key);
    expect(drafts.get(key)).toBeUndefined();
  });
});
