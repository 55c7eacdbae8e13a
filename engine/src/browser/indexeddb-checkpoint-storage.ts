import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { CheckpointNotFoundError, WorkflowCheckpointError } from '../errors.js';
import { matchesFilter, pickLatest, sortOldestFirst } from '../checkpoint/ordering.js';
import type { CheckpointFilter, CheckpointStorage, WorkflowCheckpoint } from '../checkpoint/types.js';
import { validateCheckpoint } from '../checkpoint/validate-checkpoint.js';

/** Options of {@link IndexedDbCheckpointStorage}. */
export interface IndexedDbCheckpointStorageOptions {
  /** The database's name; one database per name and origin. Default `'trellis-checkpoints'`. */
  dbName?: string;
}

/** A record in the database that could not be read as a checkpoint, and why. */
export interface CheckpointRecordProblem {
  /** The record's key (its `checkpointId`). */
  key: string;
  message: string;
}

const STORE = 'checkpoints';
// Bump with a migration in `upgrade` whenever the store or its indexes change.
const SCHEMA_VERSION = 1;

interface CheckpointDatabase extends DBSchema {
  checkpoints: {
    key: string;
    // Records are untrusted (another version of the app, a devtools edit), so they are read as
    // unknown and validated before use.
    value: unknown;
    indexes: { seriesId: string; workflowName: string };
  };
}

type Database = IDBPDatabase<CheckpointDatabase>;

/**
 * A {@link CheckpointStorage} in the browser's IndexedDB (main thread or worker): object store
 * `checkpoints` keyed by `checkpointId`, with indexes on `seriesId` and `workflowName`. Checkpoints
 * are validated on the way in and on the way out; records that fail are skipped by `list` and
 * `latest` and reported by {@link IndexedDbCheckpointStorage.problems}, never changed or removed.
 * The database opens on first use.
 */
export class IndexedDbCheckpointStorage implements CheckpointStorage {
  /** The name of the IndexedDB database. */
  readonly dbName: string;
  readonly #where: string;
  #db: Promise<Database> | undefined;

  /** @param options Where to keep the checkpoints; see {@link IndexedDbCheckpointStorageOptions}. */
  constructor(options: IndexedDbCheckpointStorageOptions = {}) {
    this.dbName = options.dbName ?? 'trellis-checkpoints';
    this.#where = `the IndexedDB database '${this.dbName}'`;
  }

  /**
   * Stores the checkpoint (a structured clone of it), replacing one with the same id.
   * @throws WorkflowCheckpointError if the checkpoint is malformed or the write fails (quota, ...).
   */
  async save(checkpoint: WorkflowCheckpoint): Promise<string> {
    validateCheckpoint(checkpoint, this.#where);
    await this.#use(`save checkpoint '${checkpoint.checkpointId}'`, (db) => db.put(STORE, checkpoint));
    return checkpoint.checkpointId;
  }

  /**
   * The checkpoint with this id, validated.
   * @throws CheckpointNotFoundError if there is none; WorkflowCheckpointError if the record is not a
   * valid checkpoint.
   */
  async load(checkpointId: string): Promise<WorkflowCheckpoint> {
    const record = await this.#use(`load checkpoint '${checkpointId}'`, (db) => db.get(STORE, checkpointId));
    if (record === undefined) throw new CheckpointNotFoundError(checkpointId, this.#where);
    return validateCheckpoint(record, this.#where);
  }

  /**
   * The valid checkpoints that match the filter, oldest first (timestamp, then sequence, then id).
   * Uses the `seriesId` or `workflowName` index when the filter names one.
   */
  async list(filter?: CheckpointFilter): Promise<WorkflowCheckpoint[]> {
    const records = await this.#use('list checkpoints', (db) => {
      if (filter?.seriesId !== undefined) return db.getAllFromIndex(STORE, 'seriesId', filter.seriesId);
      if (filter?.workflowName !== undefined) return db.getAllFromIndex(STORE, 'workflowName', filter.workflowName);
      return db.getAll(STORE);
    });
    return sortOldestFirst(this.#validRecords(records).filter((checkpoint) => matchesFilter(checkpoint, filter)));
  }

  /** Removes a checkpoint; true if it existed. */
  async delete(checkpointId: string): Promise<boolean> {
    return this.#use(`delete checkpoint '${checkpointId}'`, async (db) => {
      // One transaction, so the answer is about the record this call removed.
      const transaction = db.transaction(STORE, 'readwrite');
      const existed = (await transaction.store.count(checkpointId)) > 0;
      if (existed) await transaction.store.delete(checkpointId);
      await transaction.done;
      return existed;
    });
  }

  /** The series' valid checkpoint with the highest sequence (ties: latest timestamp), or undefined. */
  async latest(filter: { seriesId: string }): Promise<WorkflowCheckpoint | undefined> {
    const records = await this.#use('find the latest checkpoint', (db) => db.getAllFromIndex(STORE, 'seriesId', filter.seriesId));
    return pickLatest(this.#validRecords(records), filter.seriesId);
  }

  /** The records that `list` and `latest` skip because they are not valid checkpoints, with the reason. */
  async problems(): Promise<CheckpointRecordProblem[]> {
    const [keys, records] = await this.#use('check the stored checkpoints', async (db) => {
      const transaction = db.transaction(STORE);
      const both = await Promise.all([transaction.store.getAllKeys(), transaction.store.getAll()]);
      await transaction.done;
      return both;
    });
    const problems: CheckpointRecordProblem[] = [];
    records.forEach((record, index) => {
      try {
        validateCheckpoint(record, this.#where);
      } catch (error) {
        problems.push({ key: String(keys[index]), message: error instanceof Error ? error.message : String(error) });
      }
    });
    return problems;
  }

  /** Closes the database connection (reopened on next use); lets the database be deleted or upgraded. */
  async close(): Promise<void> {
    const db = this.#db;
    this.#db = undefined;
    if (db !== undefined) (await db.catch(() => undefined))?.close();
  }

  #validRecords(records: readonly unknown[]): WorkflowCheckpoint[] {
    const valid: WorkflowCheckpoint[] = [];
    for (const record of records) {
      try {
        valid.push(validateCheckpoint(record, this.#where));
      } catch {
        // Reported by problems(); one bad record must not hide the good ones.
      }
    }
    return valid;
  }

  async #use<T>(what: string, work: (db: Database) => Promise<T>): Promise<T> {
    try {
      return await work(await this.#open());
    } catch (error) {
      if (error instanceof WorkflowCheckpointError) throw error;
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      throw new WorkflowCheckpointError(`Could not ${what} in ${this.#where}: ${reason}`, { cause: error });
    }
  }

  #open(): Promise<Database> {
    if (this.#db !== undefined) return this.#db;
    const opening = openDB<CheckpointDatabase>(this.dbName, SCHEMA_VERSION, {
      upgrade(db, oldVersion) {
        if (oldVersion < 1) {
          const store = db.createObjectStore(STORE, { keyPath: 'checkpointId' });
          store.createIndex('seriesId', 'seriesId');
          store.createIndex('workflowName', 'workflowName');
        }
      },
      // Another tab wants a newer schema: step aside rather than block it; we reopen on next use.
      blocking: () => void this.close(),
      terminated: () => {
        this.#db = undefined;
      },
    });
    this.#db = opening;
    // A failed open is not cached, so the next call tries again.
    opening.catch(() => {
      if (this.#db === opening) this.#db = undefined;
    });
    return opening;
  }
}
