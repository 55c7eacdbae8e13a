// The `trellis` binary, spawned for real: help, argument errors, run (readable and --json),
// a failing run, validate and viz.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, FIXTURES, ROOT, tempDir, trellis } from './cli-helpers.js';

const LINEAR = join(ROOT, 'public', 'examples', 'linear-text.workflow.yaml');
let dir: string;

beforeAll(async () => {
  await ensureBuilt();
  dir = tempDir(FIXTURES);
}, 120_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('trellis: help and arguments', () => {
  it('prints help with the exit codes, per command help and the version', async () => {
    const help = await trellis(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: trellis <command>/);
    expect(help.stdout).toMatch(/130\s+cancelled/);
    const runHelp = await trellis(['run', '--help']);
    expect(runHelp.code).toBe(0);
    expect(runHelp.stdout).toMatch(/--checkpoints DIR/);
    const version = await trellis(['--version']);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('exits 2 on usage errors: no command, unknown command or option, missing file', async () => {
    expect((await trellis([])).code).toBe(2);
    const unknown = await trellis(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command 'frobnicate'/);
    const option = await trellis(['run', LINEAR, '--input', 'x', '--colour']);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/--colour/);
    const missing = await trellis(['run', join(dir, 'nope.workflow.yaml'), '--input', 'x']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.workflow\.yaml/);
  });

  it('refuses a half-configured model, naming the missing variable', async () => {
    const result = await trellis(['run', LINEAR, '--input', 'hello'], { env: { TRELLIS_MODEL: 'gpt-test' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/TRELLIS_MODEL_BASE_URL is missing/);
  });
});

describe('trellis run', () => {
  it('runs the linear example: readable events, the output, exit 0', async () => {
    const result = await trellis(['run', LINEAR, '--input', 'hello']);
    expect(result.stderr).toMatch(/offline mock model/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^▶ \S+/m);
    expect(result.stdout).toMatch(/^✓ \S+ \(\d+ ms\)/m);
    expect(result.stdout).toMatch(/^⇒ output: !!!OLLEH$/m);
    expect(result.stdout).toMatch(/Outputs \(1\):\n {2}!!!OLLEH\n/);
    expect(result.stdout).toMatch(/State: idle/);
  });

  it('--json writes only JSON events on stdout, ending with workflow_complete', async () => {
    const result = await trellis(['run', LINEAR, '--input', '"hello"', '--json']);
    expect(result.code).toBe(0);
    const events = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; data?: unknown; state?: string });
    expect(events[0]?.type).toBe('workflow_start');
    expect(events.at(-1)).toEqual({ type: 'workflow_complete', state: 'idle' });
    expect(events.filter((e) => e.type === 'workflow_output').map((e) => e.data)).toEqual(['!!!OLLEH']);
    expect(result.stderr).toMatch(/State: idle/);
  });

  it('exits 3 with the error when the workflow fails', async () => {
    const result = await trellis(['run', join(dir, 'failing.workflow.yaml'), '--input', '{"amount": 5}']);
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/✗ error in charge: .*card declined/);
    expect(result.stderr).toMatch(/card declined/);
    expect(result.stdout).toMatch(/State: failed/);
  });

  it('exits 2 and lists the problems of an invalid workflow', async () => {
    const result = await trellis(['run', join(dir, 'broken.workflow.yaml'), '--input', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/broken\.workflow\.yaml:6:\d+ \S+ /);
  });
});

describe('trellis validate and viz', () => {
  it('validate prints FILE:LINE:COLUMN CODE MESSAGE per problem and exits 1', async () => {
    const result = await trellis(['validate', 'broken.workflow.yaml', 'approval.workflow.yaml', 'missing.workflow.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^broken\.workflow\.yaml:6:\d+ \S+ \S.*$/m);
    expect(result.stdout).toMatch(/^approval\.workflow\.yaml: ok$/m);
    expect(result.stdout).toMatch(/^missing\.workflow\.yaml:1:1 file_unreadable /m);
  });

  it('validate exits 0 when every file is fine', async () => {
    const result = await trellis(['validate', LINEAR]);
    expect(result).toMatchObject({ code: 0, stdout: `${LINEAR}: ok\n` });
  });

  it('viz prints Mermaid, or DOT with --dot', async () => {
    const mermaid = await trellis(['viz', LINEAR]);
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout).toMatch(/^flowchart TD/);
    const dot = await trellis(['viz', LINEAR, '--dot']);
    expect(dot.code).toBe(0);
    expect(dot.stdout).toMatch(/^digraph /);
  });
});

describe('trellis: the binary', () => {
  it('the root install links it at node_modules/.bin/trellis', () => {
    const link = join(ROOT, 'node_modules', '.bin', 'trellis');
    expect(realpathSync(link)).toBe(realpathSync(BIN));
    const result = spawnSync(link, ['--version'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('says how to build when dist/ is missing, and exits 2', () => {
    mkdirSync(join(dir, 'pkg', 'bin'), { recursive: true });
    copyFileSync(BIN, join(dir, 'pkg', 'bin', 'trellis.js'));
    writeFileSync(join(dir, 'pkg', 'package.json'), '{"type": "module"}');
    const result = spawnSync(process.execPath, [join(dir, 'pkg', 'bin', 'trellis.js'), '--help'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/run npm run build -w engine first/);
  });
});
