import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { CheckpointNotFoundError, WorkflowCheckpointError } from '../errors.js';
import { matchesFilter, pickLatest, sortOldestFirst } from '../checkpoint/ordering.js';
import type { CheckpointFilter, CheckpointStorage, WorkflowCheckpoint } from '../checkpoint/types.js';
import { validateCheckpoint } from '../checkpoint/validate-checkpoint.js';

/** A file in the checkpoint folder that could not be read as a checkpoint, and why. */
export interface CheckpointFileProblem {
  file: string;
  message: string;
}

// Ids become file names, so they may not contain path separators or start a hidden or relative name.
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const MAX_ID_LENGTH = 200;
// Files read at once by list(): enough to overlap I/O, few enough to stay clear of EMFILE.
const READ_BATCH = 32;

/**
 * A {@link CheckpointStorage} that keeps one pretty-printed JSON file per checkpoint,
 * `<dir>/<checkpointId>.json`, readable and diffable by hand. Writes are atomic (a temporary file
 * in the same folder, flushed, then renamed over the target), so a crash leaves either the old or
 * the new checkpoint, never half of one. Everything read is validated; files that cannot be read
 * are reported, never repaired, overwritten or deleted.
 */
export class FileCheckpointStorage implements CheckpointStorage {
  /** The folder holding the checkpoint files; created on the first save. */
  readonly dir: string;

  /** @param dir The folder for the checkpoint files (relative paths resolve against the working directory). */
  constructor(dir: string) {
    this.dir = dir;
  }

  /**
   * Writes the checkpoint to `<dir>/<checkpointId>.json` atomically, replacing an earlier file of
   * the same id.
   * @throws WorkflowCheckpointError for an id that is not a safe file name, a malformed checkpoint or
   * a failed write.
   */
  async save(checkpoint: WorkflowCheckpoint): Promise<string> {
    const id = checkpoint.checkpointId;
    const file = this.#fileOf(id);
    validateCheckpoint(checkpoint, file);
    const text = `${JSON.stringify(checkpoint, null, 2)}\n`;
    // Same folder as the target, so the rename stays on one file system and is atomic. The name
    // does not end in `.json`, so list() never mistakes a leftover for a checkpoint.
    const temp = join(this.dir, `.${id}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await mkdir(this.dir, { recursive: true });
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(text, 'utf8');
        // Flushed before the rename: otherwise a crash could leave the new name on empty content.
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, file);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw new WorkflowCheckpointError(`Could not write checkpoint '${id}' to ${file}: ${reasonOf(error)}`, {
        cause: error,
        checkpointId: id,
      });
    }
    return id;
  }

  /**
   * Reads and validates `<dir>/<checkpointId>.json`.
   * @throws CheckpointNotFoundError if there is no such file; WorkflowCheckpointError if the id is
   * not a safe file name or the file is not a valid checkpoint (the message names the file).
   */
  async load(checkpointId: string): Promise<WorkflowCheckpoint> {
    return this.#read(this.#fileOf(checkpointId), checkpointId);
  }

  /**
   * Every readable checkpoint in the folder that matches the filter, oldest first (timestamp, then
   * sequence, then file name). Files that cannot be read are skipped; see {@link problems}.
   */
  async list(filter?: CheckpointFilter): Promise<WorkflowCheckpoint[]> {
    const { checkpoints } = await this.#scan();
    return sortOldestFirst(checkpoints.filter((checkpoint) => matchesFilter(checkpoint, filter)));
  }

  /** Deletes `<dir>/<checkpointId>.json`; true if it existed. */
  async delete(checkpointId: string): Promise<boolean> {
    const file = this.#fileOf(checkpointId);
    try {
      await unlink(file);
      return true;
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return false;
      throw new WorkflowCheckpointError(`Could not delete checkpoint '${checkpointId}' (${file}): ${reasonOf(error)}`, {
        cause: error,
        checkpointId,
      });
    }
  }

  /** The series' readable checkpoint with the highest sequence (ties: latest timestamp), or undefined. */
  async latest(filter: { seriesId: string }): Promise<WorkflowCheckpoint | undefined> {
    const { checkpoints } = await this.#scan();
    return pickLatest(checkpoints, filter.seriesId);
  }

  /**
   * The `*.json` files in the folder that `list` and `latest` skip because they cannot be read as
   * checkpoints (truncated, hand-edited, misnamed), each with the reason, in file name order.
   */
  async problems(): Promise<CheckpointFileProblem[]> {
    return (await this.#scan()).problems;
  }

  #fileOf(checkpointId: string): string {
    const valid =
      typeof checkpointId === 'string' &&
      checkpointId.length <= MAX_ID_LENGTH &&
      ID_PATTERN.test(checkpointId) &&
      !checkpointId.includes('..');
    if (!valid) {
      throw new WorkflowCheckpointError(
        `Invalid checkpoint id ${JSON.stringify(checkpointId)} for the folder ${this.dir}: a file storage id must start with a letter ` +
          `or digit, use only letters, digits, '.', '_' and '-', contain no '..' and have at most ${MAX_ID_LENGTH} characters`,
        { checkpointId },
      );
    }
    return join(this.dir, `${checkpointId}.json`);
  }

  async #read(file: string, checkpointId: string): Promise<WorkflowCheckpoint> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if (codeOf(error) === 'ENOENT') throw new CheckpointNotFoundError(checkpointId, `the folder ${this.dir}`);
      throw new WorkflowCheckpointError(`checkpoint '${checkpointId}' (${file}): cannot read the file: ${reasonOf(error)}`, {
        cause: error,
        checkpointId,
      });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new WorkflowCheckpointError(
        `checkpoint '${checkpointId}' (${file}): the file is not valid JSON (${reasonOf(error)}); it may be truncated or ` +
          'hand-edited, and was left as it is',
        { cause: error, checkpointId },
      );
    }
    const checkpoint = validateCheckpoint(json, file);
    if (checkpoint.checkpointId !== checkpointId) {
      // load(id) must return the checkpoint of that id, and a later save would write a second file.
      throw new WorkflowCheckpointError(
        `checkpoint '${checkpointId}' (${file}): the file holds checkpoint '${checkpoint.checkpointId}'; ` +
          'a checkpoint file must be named after its checkpointId',
        { checkpointId },
      );
    }
    return checkpoint;
  }

  async #scan(): Promise<{ checkpoints: WorkflowCheckpoint[]; problems: CheckpointFileProblem[] }> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      // No folder yet means nothing was saved yet.
      if (codeOf(error) === 'ENOENT') return { checkpoints: [], problems: [] };
      throw new WorkflowCheckpointError(`Could not list the checkpoint folder ${this.dir}: ${reasonOf(error)}`, { cause: error });
    }
    const checkpoints: WorkflowCheckpoint[] = [];
    const problems: CheckpointFileProblem[] = [];
    const files = names.filter((name) => name.endsWith('.json')).sort();
    for (let start = 0; start < files.length; start += READ_BATCH) {
      const batch = files.slice(start, start + READ_BATCH);
      const results = await Promise.allSettled(
        batch.map(async (name) => {
          // A misnamed file (`my notes.json`) fails the id check and is reported like any other problem.
          const id = name.slice(0, -'.json'.length);
          return this.#read(this.#fileOf(id), id);
        }),
      );
      results.forEach((result, index) => {
        if (result.status === 'fulfilled') checkpoints.push(result.value);
        // A file deleted between readdir and read is simply gone, not a problem.
        else if (!(result.reason instanceof CheckpointNotFoundError)) {
          problems.push({ file: join(this.dir, batch[index] ?? ''), message: reasonOf(result.reason) });
        }
      });
    }
    return { checkpoints, problems };
  }
}

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
