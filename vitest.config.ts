import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { standardDecorators } from './tooling/standard-decorators.ts';

// Tests (and the README's examples) import the engine by its package name; run them against the
// sources, not a possibly stale build.
const engineSource = fileURLToPath(new URL('./engine/src/index.ts', import.meta.url));

export default defineConfig({
  plugins: [standardDecorators()],
  resolve: { alias: [{ find: /^@trellis\/engine$/, replacement: engineSource }] },
  test: {
    environment: 'node',
    include: ['engine/test/**/*.test.ts', 'src/**/*.test.ts', 'tooling/**/*.test.ts'],
    pool: 'threads',
  },
});
