import type { DesignerState, DocumentSummary } from '../../store/index.ts';

/** One line of the Workflows list. */
export interface WorkflowRow {
  readonly id: string;
  readonly title: string;
  /** When it was last saved; undefined for the open workflow before its first save. */
  readonly updatedAt: number | undefined;
  /** Whether it is the workflow open in the designer. */
  readonly isOpen: boolean;
}

/** What the rows are built from (the store's fields of the same names). */
export type WorkflowRowsSource = Pick<DesignerState, 'documents' | 'documentId' | 'title' | 'lastSavedAt'>;

/**
 * The Workflows list: the stored workflows, most recent first, with the open one marked and shown
 * with its live title (a rename shows before the save lands). The open workflow is listed even
 * before autosave first stores it, at the top.
 */
export function workflowRows(source: WorkflowRowsSource): WorkflowRow[] {
  const rowOf = (summary: DocumentSummary): WorkflowRow =>
    summary.id === source.documentId
      ? { id: summary.id, title: source.title, updatedAt: source.lastSavedAt ?? summary.updatedAt, isOpen: true }
      : { id: summary.id, title: summary.title, updatedAt: summary.updatedAt, isOpen: false };
  const rows = source.documents.map(rowOf);
  if (rows.some((row) => row.isOpen)) return rows;
  return [{ id: source.documentId, title: source.title, updatedAt: source.lastSavedAt, isOpen: true }, ...rows];
}

/** Checks a new title: trimmed, not empty. Answers the title to store, or why it cannot be. */
export function checkedTitle(
  input: string,
): { readonly ok: true; readonly title: string } | { readonly ok: false; readonly error: string } {
  const title = input.trim();
  return title === '' ? { ok: false, error: 'A workflow needs a name' } : { ok: true, title };
}
