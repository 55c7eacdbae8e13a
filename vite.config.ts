import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { standardDecorators } from './tooling/standard-decorators.ts';

// The app compiles the engine from source (dev and build alike), so engine edits show up without a
// rebuild of engine/dist. Engine sources import `./x.js`, which Vite resolves to `./x.ts`.
const engineSource = fileURLToPath(new URL('./engine/src/index.ts', import.meta.url));
const engineBrowserSource = fileURLToPath(new URL('./engine/src/browser.ts', import.meta.url));
// monaco-editor >= 0.56 has an exports map ("./*" -> "./esm/vs/*.js"), so the deep import
// "monaco-editor/esm/vs/..." no longer resolves; monaco-yaml's dependency monaco-worker-manager still
// imports "monaco-editor/esm/vs/editor/editor.worker.js", so point that prefix at the files.
const monacoEsm = fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url));

export default defineConfig({
  plugins: [standardDecorators(), react()],
  resolve: {
    alias: [
      { find: /^@trellis\/engine$/, replacement: engineSource },
      { find: /^@trellis\/engine\/browser$/, replacement: engineBrowserSource },
      { find: /^monaco-editor\/esm\/vs\//, replacement: monacoEsm },
    ],
  },
  // without this, the first dev load finds the yaml worker's deps late and forces a full reload
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  worker: { format: 'es' },
  // The app, plus a test harness page for the IndexedDB checkpoint storage (used by e2e tests).
  // (`rolldownOptions`: Vite 8's name for what was `rollupOptions`, which is deprecated.)
  build: {
    // Monaco and Mermaid are big lazy chunks by design; the initial bundle is checked separately,
    // by scripts/check-bundle.mjs, which reads the manifest to tell static imports from lazy ones
    chunkSizeWarningLimit: 5000,
    manifest: true,
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        checkpoints: fileURLToPath(new URL('./harness/checkpoints.html', import.meta.url)),
        engineHost: fileURLToPath(new URL('./harness/engine-host.html', import.meta.url)),
      },
    },
  },
});
