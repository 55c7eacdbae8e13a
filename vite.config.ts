import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { standardDecorators } from './tooling/standard-decorators.ts';

// The app compiles the engine from source (dev and build alike), so engine edits show up without a
// rebuild of engine/dist. Engine sources import `./x.js`, which Vite resolves to `./x.ts`.
const engineSource = fileURLToPath(new URL('./engine/src/index.ts', import.meta.url));

export default defineConfig({
  plugins: [standardDecorators(), react()],
  resolve: {
    alias: [{ find: /^@trellis\/engine$/, replacement: engineSource }],
  },
  worker: { format: 'es' },
});
