// Human requests on the command line: a run without a terminal pauses (exit 4) and prints the
// `trellis resume` command; resume answers (a wrong answer exits 2 and consumes nothing); with a
// terminal the CLI asks and carries on.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../src/node/cli/main.js';
import { ensureBuilt, FIXTURES, resumeArgs, tempDir, trellis } from './cli-helpers.js';

let dir: string;

beforeAll(async () => {
  await ensureBuilt();
  dir = tempDir(FIXTURES);
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('trellis run without a terminal', () => {
  it('pauses with exit 4, prints the request and the resume command, and resume finishes it', async () => {
    const paused = await trellis(['run', 'approval.workflow.yaml', '--input', 'hello', '--checkpoints', 'cp'], { cwd: dir });
    expect(paused.code).toBe(4);
    expect(paused.stdout).toMatch(/^\? request \S+: Publish this draft\? \(answer: boolean\)$/m);
    expect(paused.stdout).toMatch(/^ {2}\S+: Publish this draft\? \(answer: boolean, e\.g\. true\)$/m);
    expect(paused.stdout).toMatch(/^ {4}input: hello$/m);
    const args = resumeArgs(paused.stdout);
    expect(args.slice(0, 4)).toEqual(['resume', 'cp', '--series', expect.stringMatching(/^run-/)]);
    const record = JSON.parse(readFileSync(join(dir, 'cp', 'trellis-run.json'), 'utf8')) as { file: string };
    expect(record.file).toBe(join(dir, 'approval.workflow.yaml'));

    const done = await trellis(args, { cwd: dir });
    expect(done.stderr).toMatch(/resuming series run-/);
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/^⇒ output: Published: hello$/m);
    expect(done.stdout).toMatch(/State: idle/);
  });

  it('saves a paused run under .trellis/checkpoints/<name>; a wrong answer exits 2 and stays resumable', async () => {
    const paused = await trellis(['run', 'approval.workflow.yaml', '--input', 'tea'], { cwd: dir });
    expect(paused.code).toBe(4);
    expect(paused.stdout).toMatch(/Saved the paused run to \.trellis\/checkpoints\/approval/);
    expect(existsSync(join(dir, '.trellis', 'checkpoints', 'approval', 'trellis-run.json'))).toBe(true);
    const args = resumeArgs(paused.stdout);
    const responses = JSON.parse(args.at(-1)!) as Record<string, unknown>;
    const [requestId] = Object.keys(responses);

    const wrong = await trellis([...args.slice(0, -1), JSON.stringify({ [requestId!]: 'maybe' })], { cwd: dir });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/must be .*boolean.*, got "maybe"/);
    expect(wrong.stderr).toMatch(/Nothing was consumed/);

    const no = await trellis([...args.slice(0, -1), JSON.stringify({ [requestId!]: false })], { cwd: dir });
    expect(no.code).toBe(0);
    expect(no.stdout).toMatch(/^⇒ output: Sent back: tea$/m);
  });

  it('with --json, stdout holds only events and the instructions go to stderr', async () => {
    const paused = await trellis(['run', 'approval.workflow.yaml', '--input', 'x', '--json', '--checkpoints', 'cp-json'], { cwd: dir });
    expect(paused.code).toBe(4);
    const events = paused.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; state?: string });
    expect(events.at(-1)).toEqual({ type: 'workflow_complete', state: 'idle_with_pending_requests' });
    expect(events.some((e) => e.type === 'request_info')).toBe(true);
    const args = resumeArgs(paused.stderr);
    const done = await trellis([...args, '--json'], { cwd: dir });
    expect(done.code).toBe(0);
    const resumed = done.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; data?: unknown });
    expect(resumed.filter((e) => e.type === 'workflow_output').map((e) => e.data)).toEqual(['Published: x']);
    expect(resumed.at(-1)).toEqual({ type: 'workflow_complete', state: 'idle' });
  });

  it('resume of a folder trellis did not write is a usage error', async () => {
    const result = await trellis(['resume', 'nowhere'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/has no trellis-run\.json/);
  });
});

describe('trellis run with a terminal', () => {
  it('asks the request, re-asks after a wrong answer, and finishes', async () => {
    const stdin = Object.assign(new PassThrough(), { isTTY: true });
    let stdout = '';
    let stderr = '';
    const io: CliIo = {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
      stdin,
      env: { NO_COLOR: '1' },
      cwd: dir,
    };
    stdin.write('maybe\nyes\n');
    const code = await main(['run', 'approval.workflow.yaml', '--input', 'hi'], io);
    expect({ code, stderr }).toMatchObject({ code: 0 });
    expect(stdout).toMatch(/› Publish this draft\? \(boolean\): +✗ answer y\(es\) or n\(o\)/);
    expect(stdout).toMatch(/^⇒ output: Published: hi$/m);
  });
});
