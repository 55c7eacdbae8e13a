import { defineConfig } from 'vitest/config';
import { standardDecorators } from './tooling/standard-decorators.ts';

export default defineConfig({
  plugins: [standardDecorators()],
  test: {
    environment: 'node',
    include: ['engine/test/**/*.test.ts', 'src/**/*.test.ts', 'tooling/**/*.test.ts'],
    pool: 'threads',
  },
});
