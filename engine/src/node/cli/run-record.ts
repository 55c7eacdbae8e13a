import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CheckpointStorage } from '../../index.js';
import { CliError } from './io.js';

/**
 * The sidecar `trellis run` writes next to its checkpoints, `DIR/trellis-run.json`: which workflow
 * file wrote each checkpoint series, so that `trellis resume DIR` can rebuild the workflow (a
 * checkpoint holds state, not code). `seriesId` is the last run's series.
 */
export interface RunRecord {
  version: 1;
  /** The last run's workflow file (absolute path). */
  file: string;
  /** The last run's checkpoint series. */
  seriesId: string;
  workflowName: string;
  /** Every series written in the folder, with its workflow file. */
  series: Record<string, string>;
}

/** The sidecar's file name. */
export const RUN_RECORD_FILE = 'trellis-run.json';

/** A new checkpoint series id, safe as a file name: `run-<time>-<random>`. */
export function newSeriesId(now = Date.now()): string {
  return `run-${now.toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** Where a paused run without `--checkpoints` is saved: `.trellis/checkpoints/<workflow name>`. */
export function defaultCheckpointDir(cwd: string, workflowName: string): string {
  const safe = workflowName.replace(/[^A-Za-z0-9_-]/g, '_') || 'workflow';
  return resolve(cwd, '.trellis', 'checkpoints', safe);
}

/** Records (adds or updates) a series and its workflow file in `dir`'s sidecar. */
export async function recordRun(dir: string, run: { file: string; seriesId: string; workflowName: string }): Promise<void> {
  const previous = await readRunRecord(dir).catch(() => undefined);
  const record: RunRecord = {
    version: 1,
    file: run.file,
    seriesId: run.seriesId,
    workflowName: run.workflowName,
    series: { ...previous?.series, [run.seriesId]: run.file },
  };
  await mkdir(dir, { recursive: true });
  const target = join(dir, RUN_RECORD_FILE);
  const temp = `${target}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, `${JSON.stringify(record, null, 2)}\n`, 'utf8');
  await rename(temp, target);
}

/**
 * Reads `dir`'s sidecar; undefined when there is none.
 * @throws CliError when it exists but cannot be read.
 */
export async function readRunRecord(dir: string): Promise<RunRecord | undefined> {
  const file = join(dir, RUN_RECORD_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return undefined;
    throw new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    const record = JSON.parse(text) as Partial<RunRecord>;
    if (typeof record.file === 'string' && typeof record.seriesId === 'string') {
      return {
        version: 1,
        file: record.file,
        seriesId: record.seriesId,
        workflowName: typeof record.workflowName === 'string' ? record.workflowName : '',
        series: typeof record.series === 'object' ? { ...record.series } : { [record.seriesId]: record.file },
      };
    }
  } catch {
    // reported below
  }
  throw new CliError(`${file} is not a trellis run record (expected {"file": ..., "seriesId": ...})`);
}

/** Copies one series' checkpoints, oldest first, from one storage to another. */
export async function copySeries(from: CheckpointStorage, to: CheckpointStorage, seriesId: string): Promise<void> {
  for (const checkpoint of await from.list({ seriesId })) await to.save(checkpoint);
}
