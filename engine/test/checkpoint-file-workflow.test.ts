// A graph workflow checkpointing to files (the seed's FileCheckpointStorage usage): resume in a new
// instance, and a damaged file that is named in the error and left as it was.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileCheckpointStorage } from '../src/node.js';
import { WorkflowBuilder, WorkflowCheckpointError, executor, type WorkflowContext } from '../src/index.js';
import { relay, sink } from './helpers.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const build = (storage: FileCheckpointStorage) => {
  const step1 = relay<string>('step1', (s) => s.toUpperCase());
  const approve = executor(
    {
      id: 'approve',
      onResponse: async (text: string, ok: boolean, ctx: WorkflowContext<string>) => {
        await ctx.sendMessage(ok ? text : 'no');
      },
    },
    async (text: string, ctx: WorkflowContext) => {
      await ctx.requestInfo(text, { responseType: 'boolean', requestId: 'ok' });
    },
  );
  return new WorkflowBuilder({ startExecutor: step1 })
    .addEdge(step1, approve)
    .addEdge(approve, sink('done'))
    .setCheckpointStorage(storage)
    .build();
};

describe('a workflow with FileCheckpointStorage', () => {
  it('writes one JSON file per checkpoint and resumes from them in a new instance', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trellis-cp-'));
    dirs.push(dir);
    const paused = await build(new FileCheckpointStorage(dir)).run('input', { checkpointId: 'run_123' });
    expect(paused.getFinalState()).toBe('idle_with_pending_requests');
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(3); // entry, after superstep 1, after superstep 2
    const stored = JSON.parse(readFileSync(join(dir, files[0]!), 'utf8')) as { seriesId: string };
    expect(stored.seriesId).toBe('run_123');

    const resumed = await build(new FileCheckpointStorage(dir)).resume('run_123', { responses: { ok: true } });
    expect(resumed.getOutputs()).toEqual(['INPUT']);
  });

  it('names a truncated checkpoint file and leaves it untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trellis-cp-'));
    dirs.push(dir);
    const storage = new FileCheckpointStorage(dir);
    await build(storage).run('input', { checkpointId: 'run_9' });
    const latest = (await storage.latest({ seriesId: 'run_9' }))!;
    const file = join(dir, `${latest.checkpointId}.json`);
    const damaged = readFileSync(file, 'utf8').slice(0, 40);
    writeFileSync(file, damaged);
    const error = await build(storage)
      .resume(latest.checkpointId)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowCheckpointError);
    expect(String(error)).toContain(`${latest.checkpointId}.json`);
    expect(readFileSync(file, 'utf8')).toBe(damaged);
  });
});
