#!/usr/bin/env node
// The `trellis` command line (see `trellis --help`). The code is TypeScript in src/node/cli/,
// compiled to dist/ by `npm run build -w engine` (the root `npm ci` runs it through `prepare`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/node/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('trellis: the engine is not built yet: run npm run build -w engine first\n');
  process.exit(2);
}
const { runCli } = await import(entry.href);
await runCli();
