#!/usr/bin/env node
// The initial JavaScript budget (issue 6): after `vite build`, the gzipped size of what the browser
// loads before the app runs (the entry chunk of index.html and the chunks it imports statically; the
// lazy chunks of Monaco, Mermaid, ELK and the engine runner are not counted) must stay under 250 kB.
// Usage: node scripts/check-bundle.mjs [distDir]   (default dist). Exits 1 above the budget.
// To see what the initial chunks are made of: scripts/perf/bundle-composition.mjs.
import { chunkSizes, initialChunkFiles, kB } from './perf/initial-chunks.mjs';

const BUDGET_BYTES = 250_000;
const distDir = process.argv[2] ?? 'dist';

let sizes;
try {
  sizes = chunkSizes(distDir, initialChunkFiles(distDir));
} catch (error) {
  console.error(`[check-bundle] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

for (const { file, bytes, gzipBytes } of sizes)
  console.log(`  ${file.padEnd(48)} ${kB(bytes).padStart(10)} ${kB(gzipBytes).padStart(10)} gz`);
const total = sizes.reduce((sum, { gzipBytes }) => sum + gzipBytes, 0);
const verdict = total < BUDGET_BYTES ? 'ok' : 'OVER BUDGET';
console.log(`[check-bundle] initial JS ${kB(total)} gzipped in ${sizes.length} chunks; budget < ${kB(BUDGET_BYTES)}: ${verdict}`);
if (total >= BUDGET_BYTES) process.exitCode = 1;
