/**
 * Helpers of the `trellis` command line tests: build the engine when dist/ is older than the
 * sources, spawn the real binary (`node engine/bin/trellis.js`, stdin a pipe, so not a terminal),
 * and fixture workflow files.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'engine', 'bin', 'trellis.js');
const CLI_ENTRY = join(ROOT, 'engine', 'dist', 'node', 'cli', 'main.js');
const LOCK = join(tmpdir(), 'trellis-cli-test-build.lock');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isStale(): boolean {
  try {
    return statSync(CLI_ENTRY).mtimeMs < newestSource(join(ROOT, 'engine', 'src'));
  } catch {
    return true;
  }
}

/**
 * Compiles the engine (`tsc -p engine/tsconfig.build.json`, without cleaning dist/ so concurrent
 * readers never see it empty) when the CLI's compiled entry is missing or older than a source.
 * A lock folder keeps test files from building at the same time.
 */
export async function ensureBuilt(): Promise<void> {
  if (!isStale()) return;
  const deadline = Date.now() + 110_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() - statSync(LOCK, { throwIfNoEntry: false })!.mtimeMs > 120_000) rmSync(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${LOCK}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    if (!isStale()) return;
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const build = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'engine', 'tsconfig.build.json')], { encoding: 'utf8' });
    if (isStale()) throw new Error(`the engine build did not produce ${CLI_ENTRY}:\n${build.stdout}${build.stderr}`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** What one `trellis` invocation did. */
export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** How to spawn the binary. */
export interface SpawnOptions {
  cwd?: string;
  /** Added to the test process's environment, which loses its TRELLIS_MODEL* variables. */
  env?: Record<string, string>;
  /** Written to stdin, which is then ended. */
  stdin?: string;
}

/** Runs `node engine/bin/trellis.js ...args` (stdin a pipe, so not a terminal) to its end. */
export function trellis(args: readonly string[], options: SpawnOptions = {}): Promise<CliResult> {
  return spawnTrellis(args, options).done;
}

/** Starts `node engine/bin/trellis.js ...args`; `done` settles when it exits. */
export function spawnTrellis(args: readonly string[], options: SpawnOptions = {}): { child: ChildProcess; done: Promise<CliResult> } {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...options.env };
  if (options.env?.['TRELLIS_MODEL'] === undefined) delete env['TRELLIS_MODEL'];
  if (options.env?.['TRELLIS_MODEL_BASE_URL'] === undefined) delete env['TRELLIS_MODEL_BASE_URL'];
  if (options.env?.['TRELLIS_MODEL_API_KEY'] === undefined) delete env['TRELLIS_MODEL_API_KEY'];
  const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
  const done = new Promise<CliResult>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.stdin ?? '');
  });
  return { child, done };
}

/** A fresh temporary folder with the given files; remove it with `rmSync(dir, { recursive: true })`. */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'trellis-cli-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Splits the `trellis resume ...` command a paused run prints into its arguments (after `trellis`). */
export function resumeArgs(output: string): string[] {
  const line = output.split('\n').find((l) => l.trim().startsWith('trellis resume '));
  if (line === undefined) throw new Error(`no resume command in:\n${output}`);
  const args: string[] = [];
  for (const match of line.trim().matchAll(/'((?:[^']|'\\'')*)'|(\S+)/g)) {
    args.push(match[1] !== undefined ? match[1].replace(/'\\''/g, "'") : match[2]!);
  }
  return args.slice(1);
}

/** Fixture workflows in the declarative format (workflow-yaml.md). */
export const FIXTURES = {
  /** The project's approval example (a boolean request_info, then a switch on the answer). */
  'approval.workflow.yaml': readFileSync(join(ROOT, 'public', 'examples', 'approval.workflow.yaml'), 'utf8'),
  'failing.workflow.yaml': `workflow:
  name: failing
  start: charge
  executors:
    - id: charge
      type: function
      code: throw new Error('card declined')
`,
  'broken.workflow.yaml': `workflow:
  name: broken
  start: a
  executors:
    - id: a
      type: nope
`,
  'agent.workflow.yaml': `workflow:
  name: one_agent
  start: writer
  executors:
    - id: writer
      type: agent
      instructions: You are a content writer.
`,
};
