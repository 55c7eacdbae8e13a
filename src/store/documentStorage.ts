/**
 * Where the designer keeps its workflows. The stored unit is the YAML text exactly as the YAML
 * panel shows it: the text is the document, so a reload gives back what was typed, comments and
 * all, even text that does not parse yet. Everything crossing this interface is plain data (no
 * class instances, no functions), so an implementation may structured-clone or serialize it.
 */

/** What the document list shows for one stored workflow. */
export interface DocumentSummary {
  readonly id: string;
  /** The name in the document list (not the workflow's `name`, which lives in the text). */
  readonly title: string;
  /** When it was last saved, in the store's clock (`Date.now()` by default). */
  readonly updatedAt: number;
}

/** One stored workflow: its summary and its text. */
export interface StoredDocument extends DocumentSummary {
  /** The YAML panel's text, byte for byte. */
  readonly yamlText: string;
}

/**
 * A place to keep several workflows and remember which was open last. Implementations:
 * `IndexedDbDocumentStorage` (the browser) and `MemoryDocumentStorage` (tests, or no persistence).
 */
export interface DocumentStorage {
  /** Every stored workflow, most recently saved first. */
  list(): Promise<DocumentSummary[]>;
  /** A stored workflow; undefined when there is none with this id. */
  load(id: string): Promise<StoredDocument | undefined>;
  /** Creates or overwrites the workflow with this id. */
  save(document: StoredDocument): Promise<void>;
  /** Renames a stored workflow (nothing happens when there is none with this id). */
  rename(id: string, title: string): Promise<void>;
  /** Deletes a stored workflow (nothing happens when there is none with this id). */
  delete(id: string): Promise<void>;
  /** The workflow that was open last, so a reload reopens it. */
  getLastOpenedId(): Promise<string | undefined>;
  /** Remembers the workflow that is open now. */
  setLastOpenedId(id: string): Promise<void>;
}

/** Summaries of stored documents, most recently saved first (ties: by title, then id). */
export function summariesOf(documents: Iterable<StoredDocument>): DocumentSummary[] {
  return [...documents]
    .map(({ id, title, updatedAt }) => ({ id, title, updatedAt }))
    .sort((a, b) => b.updatedAt - a.updatedAt || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

/**
 * A {@link DocumentStorage} in memory: for tests (two stores sharing one instance simulate a
 * reload) and for running the designer without persistence. Copies on the way in and out, like a
 * real storage, so callers never share objects with it.
 */
export class MemoryDocumentStorage implements DocumentStorage {
  readonly #documents = new Map<string, StoredDocument>();
  #lastOpenedId: string | undefined;

  /** @inheritDoc */
  list(): Promise<DocumentSummary[]> {
    return Promise.resolve(summariesOf(this.#documents.values()));
  }

  /** @inheritDoc */
  load(id: string): Promise<StoredDocument | undefined> {
    const found = this.#documents.get(id);
    return Promise.resolve(found === undefined ? undefined : { ...found });
  }

  /** @inheritDoc */
  save(document: StoredDocument): Promise<void> {
    const { id, title, yamlText, updatedAt } = document;
    this.#documents.set(id, { id, title, yamlText, updatedAt });
    return Promise.resolve();
  }

  /** @inheritDoc */
  rename(id: string, title: string): Promise<void> {
    const found = this.#documents.get(id);
    if (found !== undefined) this.#documents.set(id, { ...found, title });
    return Promise.resolve();
  }

  /** @inheritDoc */
  delete(id: string): Promise<void> {
    this.#documents.delete(id);
    return Promise.resolve();
  }

  /** @inheritDoc */
  getLastOpenedId(): Promise<string | undefined> {
    return Promise.resolve(this.#lastOpenedId);
  }

  /** @inheritDoc */
  setLastOpenedId(id: string): Promise<void> {
    this.#lastOpenedId = id;
    return Promise.resolve();
  }
}
