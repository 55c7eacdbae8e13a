import { describe, expect, it } from 'vitest';
import { checkedTitle, workflowRows } from './workflowRows.ts';

const documents = [
  { id: 'b', title: 'Second', updatedAt: 2_000 },
  { id: 'a', title: 'First', updatedAt: 1_000 },
];

describe('workflowRows', () => {
  it('lists the stored workflows, the open one marked with its live title and save time', () => {
    expect(workflowRows({ documents, documentId: 'a', title: 'First, renamed', lastSavedAt: 3_000 })).toEqual([
      { id: 'b', title: 'Second', updatedAt: 2_000, isOpen: false },
      { id: 'a', title: 'First, renamed', updatedAt: 3_000, isOpen: true },
    ]);
  });

  it('lists the open workflow first while it has never been saved', () => {
    expect(workflowRows({ documents, documentId: 'new', title: 'Untitled workflow', lastSavedAt: undefined })).toEqual([
      { id: 'new', title: 'Untitled workflow', updatedAt: undefined, isOpen: true },
      { id: 'b', title: 'Second', updatedAt: 2_000, isOpen: false },
      { id: 'a', title: 'First', updatedAt: 1_000, isOpen: false },
    ]);
  });
});

describe('checkedTitle', () => {
  it('trims, and refuses an empty name', () => {
    expect(checkedTitle('  Triage  ')).toEqual({ ok: true, title: 'Triage' });
    expect(checkedTitle('   ')).toEqual({ ok: false, error: 'A workflow needs a name' });
  });
});
