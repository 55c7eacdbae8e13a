#!/usr/bin/env node
// `npm test`: format check, typecheck, lint, unit tests, build, Playwright e2e, initial JS budget,
// in that order. Streams every stage's output, stops at the first failing static stage (format,
// typecheck, lint, build, bundle), and ends with exactly one line `N passed, N failed` (unit + e2e
// tests; a failed stage that ran no tests counts as 1 failed). Exits non-zero if anything failed.
// No dependencies.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const tmp = mkdtempSync(join(tmpdir(), 'trellis-test-'));
const unitReport = join(tmp, 'vitest.json');
const e2eReport = join(tmp, 'playwright.json');

/** @typedef {{ passed: number, failed: number }} Counts */
/** @typedef {{ name: string, kind: 'static' | 'tests', command: string, args: string[], env?: Record<string, string>, count?: () => Counts | undefined }} Stage */

/** @type {Stage[]} */
const stages = [
  { name: 'format', kind: 'static', command: npm, args: ['run', 'format:check'] },
  { name: 'typecheck', kind: 'static', command: npm, args: ['run', 'typecheck'] },
  { name: 'lint', kind: 'static', command: npm, args: ['run', 'lint'] },
  {
    name: 'unit',
    kind: 'tests',
    command: npx,
    args: ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`],
    count: () => {
      const report = readJson(unitReport);
      if (report === undefined) return undefined;
      return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0 };
    },
  },
  { name: 'build', kind: 'static', command: npm, args: ['run', 'build'] },
  {
    name: 'e2e',
    kind: 'tests',
    command: npx,
    args: ['playwright', 'test', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eReport },
    count: () => {
      const stats = readJson(e2eReport)?.stats;
      if (stats === undefined) return undefined;
      // A flaky test failed once and then passed on retry.
      return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0 };
    },
  },
  // The initial JS budget of the build above. Last, so a bundle over budget still lets e2e report.
  { name: 'bundle', kind: 'static', command: process.execPath, args: ['scripts/check-bundle.mjs', 'dist'] },
];

/** @param {string} file */
function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Runs a command with inherited stdio (its output streams straight through); resolves to its exit code.
 * @param {Stage} stage
 * @returns {Promise<number>}
 */
function run(stage) {
  return new Promise((resolve) => {
    const child = spawn(stage.command, stage.args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NO_COLOR: '1', ...stage.env },
    });
    child.on('error', (error) => {
      console.error(`[test-all] could not start ${stage.command}: ${error.message}`);
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal === null ? 1 : 128)));
  });
}

let passed = 0;
let failed = 0;
/** @type {string[]} */
const summary = [];

try {
  for (const stage of stages) {
    console.log(`\n[test-all] ── ${stage.name}: ${[stage.command, ...stage.args].join(' ')}`);
    const started = Date.now();
    const code = await run(stage);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);

    if (stage.kind === 'tests') {
      const counts = stage.count?.() ?? { passed: 0, failed: 0 };
      // The runner failed without a failed test (a crash, a broken file, an unhandled error).
      if (code !== 0 && counts.failed === 0) counts.failed = 1;
      passed += counts.passed;
      failed += counts.failed;
      summary.push(`${stage.name}: ${counts.passed} passed, ${counts.failed} failed (${seconds} s)`);
      continue;
    }

    summary.push(`${stage.name}: ${code === 0 ? 'ok' : `FAILED (exit ${code})`} (${seconds} s)`);
    if (code !== 0) {
      failed += 1;
      break;
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

console.log('\n[test-all] summary');
for (const line of summary) console.log(`  ${line}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
