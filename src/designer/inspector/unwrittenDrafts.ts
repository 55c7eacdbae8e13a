/** Text a field could not write, with the store's value it was typed over. */
export interface UnwrittenDraft {
  readonly text: string;
  readonly base: string;
}

/**
 * Drafts the store refused (invalid JSON), kept while their field is not on screen, so deselecting
 * a node and coming back shows the text as typed instead of losing it. Keyed by document, node and
 * field (see {@link unwrittenDraftKey}); held in memory only, like the field's own draft.
 */
export class UnwrittenDrafts {
  readonly #drafts = new Map<string, UnwrittenDraft>();

  get(key: string): UnwrittenDraft | undefined {
    return this.#drafts.get(key);
  }

  keep(key: string, draft: UnwrittenDraft): void {
    this.#drafts.set(key, draft);
  }

  forget(key: string): void {
    this.#drafts.delete(key);
  }
}

/** The key of one field of one node of one document. */
export function unwrittenDraftKey(documentId: string, nodeId: string, field: string): string {
  return JSON.stringify([documentId, nodeId, field]);
}

/** The app's drafts (one designer per page). */
export const unwrittenDrafts = new UnwrittenDrafts();
