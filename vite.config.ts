import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { standardDecorators } from './tooling/standard-decorators.ts';

// The app compiles the engine from source (dev and build alike), so engine edits show up without a
// rebuild of engine/dist. Engine sources import `./x.js`, which Vite resolves to `./x.ts`.
const engineSource = fileURLToPath(new URL('./engine/src/index.ts', import.meta.url));
const engineBrowserSource = fileURLToPath(new URL('./engine/src/browser.ts', import.meta.url));

export default defineConfig({
  plugins: [standardDecorators(), react()],
  resolve: {
    alias: [
      { find: /^@trellis\/engine$/, replacement: engineSource },
      { find: /^@trellis\/engine\/browser$/, replacement: engineBrowserSource },
    ],
  },
  worker: { format: 'es' },
  // The app, plus a test harness page for the IndexedDB checkpoint storage (used by e2e tests).
  // (`rolldownOptions`: Vite 8's name for what was `rollupOptions`, which is deprecated.)
  build: {
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        checkpoints: fileURLToPath(new URL('./harness/checkpoints.html', import.meta.url)),
      },
    },
  },
});
