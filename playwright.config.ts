import { defineConfig } from '@playwright/test';

// The system Chromium (Debian's `chromium` package): no `npx playwright install` needed or wanted.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;
const ci = Boolean(process.env.CI);
// Which build to serve (default dist/); parallel local work builds to its own folder: `vite build --outDir dist-x`.
const distDir = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  testDir: './e2e',
  outputDir: process.env.E2E_OUTPUT ?? 'test-results',
  workers: 1,
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL,
    browserName: 'chromium',
    trace: 'on-first-retry',
    launchOptions: {
      executablePath,
      args: ['--disable-gpu', '--disable-quic'],
    },
  },
  // Serves the built dist/, so run `npm run build` first (`npm test` does).
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${distDir}`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
