// Starts `vite preview` of a build on its own port and waits until it answers.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// (vite's package exports do not include its bin script, so it is found from package.json)
const viteBin = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');

/**
 * @param {{ distDir: string, port: number }} options
 * @returns {Promise<{ url: string, stop: () => void }>}
 */
export async function startPreview({ distDir, port }) {
  const url = `http://127.0.0.1:${port}`;
  // with a server already there, a failed start would go unnoticed and the old build be measured
  if (await answers(url)) throw new Error(`something already answers at ${url}; stop it or pass another --port`);
  // vite itself, not through npx, so that stopping the child stops the server
  const child = spawn(
    process.execPath,
    [viteBin, 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', distDir],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with code ${child.exitCode}: ${stderr.trim()}`);
    if (await answers(url)) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  stop();
  throw new Error(`vite preview did not answer at ${url} within 30 s: ${stderr.trim()}`);
}

/** @param {string} url */
async function answers(url) {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}
