import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { summariesOf, type DocumentStorage, type DocumentSummary, type StoredDocument } from './documentStorage.ts';

/**
 * The browser's {@link DocumentStorage}: an IndexedDB database (`trellis-designer` by default)
 * with a `documents` store (one record per workflow, keyed by id, holding the YAML text) and a
 * `meta` store (the id of the workflow open last). IndexedDB survives reloads, crashes and closed
 * tabs, and its writes are transactional: a save either lands whole or not at all.
 */

/** The database name the designer uses. */
export const DESIGNER_DB_NAME = 'trellis-designer';

const DB_VERSION = 1;
const LAST_OPENED_KEY = 'lastOpenedId';

interface DesignerDb extends DBSchema {
  documents: { key: string; value: StoredDocument };
  meta: { key: string; value: string };
}

/** Options of {@link IndexedDbDocumentStorage}. */
export interface IndexedDbDocumentStorageOptions {
  /** The database name (default {@link DESIGNER_DB_NAME}); tests use a fresh one each. */
  readonly dbName?: string;
}

/**
 * Workflows kept in IndexedDB. The database opens on first use; {@link close} releases it.
 *
 * @example
 * const store = createDesignerStore({ storage: new IndexedDbDocumentStorage() });
 * await store.getState().restore();
 */
export class IndexedDbDocumentStorage implements DocumentStorage {
  readonly #dbName: string;
  #db: Promise<IDBPDatabase<DesignerDb>> | undefined;

  constructor(options: IndexedDbDocumentStorageOptions = {}) {
    this.#dbName = options.dbName ?? DESIGNER_DB_NAME;
  }

  #open(): Promise<IDBPDatabase<DesignerDb>> {
    this.#db ??= openDB<DesignerDb>(this.#dbName, DB_VERSION, {
      upgrade(db) {
        db.createObjectStore('documents', { keyPath: 'id' });
        db.createObjectStore('meta');
      },
    });
    return this.#db;
  }

  /** @inheritDoc */
  async list(): Promise<DocumentSummary[]> {
    const db = await this.#open();
    return summariesOf(await db.getAll('documents'));
  }

  /** @inheritDoc */
  async load(id: string): Promise<StoredDocument | undefined> {
    const db = await this.#open();
    return db.get('documents', id);
  }

  /** @inheritDoc */
  async save(document: StoredDocument): Promise<void> {
    const db = await this.#open();
    const { id, title, yamlText, updatedAt } = document;
    // only the four plain fields are written, whatever else the caller's object carries
    await db.put('documents', { id, title, yamlText, updatedAt });
  }

  /** @inheritDoc */
  async rename(id: string, title: string): Promise<void> {
    const db = await this.#open();
    const tx = db.transaction('documents', 'readwrite');
    const found = await tx.store.get(id);
    if (found !== undefined) await tx.store.put({ ...found, title });
    await tx.done;
  }

  /** @inheritDoc */
  async delete(id: string): Promise<void> {
    const db = await this.#open();
    await db.delete('documents', id);
  }

  /** @inheritDoc */
  async getLastOpenedId(): Promise<string | undefined> {
    const db = await this.#open();
    return db.get('meta', LAST_OPENED_KEY);
  }

  /** @inheritDoc */
  async setLastOpenedId(id: string): Promise<void> {
    const db = await this.#open();
    await db.put('meta', id, LAST_OPENED_KEY);
  }

  /** Closes the database connection (it reopens on the next call). */
  async close(): Promise<void> {
    const db = this.#db;
    this.#db = undefined;
    if (db !== undefined) (await db).close();
  }
}
