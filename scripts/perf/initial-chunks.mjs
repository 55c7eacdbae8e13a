// The initial JavaScript of a Vite build: the entry chunk of index.html and every chunk it imports
// statically (what the browser fetches before the app runs), but none of the chunks loaded with
// dynamic `import()`. Read from Vite's build manifest (`build.manifest: true` in vite.config.ts),
// so the answer does not depend on how the HTML or the minified code happen to look.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * @typedef {{ file: string, src?: string, isEntry?: boolean, imports?: string[], dynamicImports?: string[], css?: string[] }} ManifestChunk
 * @typedef {{ file: string, bytes: number, gzipBytes: number }} ChunkSize
 */

/**
 * @param {string} distDir the build's output folder
 * @param {string} [entry] the manifest key of the entry (the HTML page, relative to the project root)
 * @returns {string[]} the files (relative to distDir) of the entry chunk and its static imports, entry first
 */
export function initialChunkFiles(distDir, entry = 'index.html') {
  const manifestPath = join(distDir, '.vite', 'manifest.json');
  /** @type {Record<string, ManifestChunk>} */
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read ${manifestPath} (is build.manifest on, and did \`vite build\` run?): ${String(error)}`, { cause: error });
  }
  const root = manifest[entry];
  if (root?.isEntry !== true) throw new Error(`${manifestPath} has no entry named ${entry}`);

  /** @type {string[]} */
  const files = [];
  const seen = new Set();
  /** @param {string} key */
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (chunk === undefined) throw new Error(`${manifestPath}: ${key} is imported but has no entry`);
    files.push(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entry);
  return files;
}

/**
 * Raw and gzipped sizes. Gzip at zlib's default level (6), what most servers use on the fly; it is
 * slightly larger than level 9, so the budget errs on the safe side.
 * @param {string} distDir
 * @param {string[]} files
 * @returns {ChunkSize[]}
 */
export function chunkSizes(distDir, files) {
  return files.map((file) => {
    const bytes = readFileSync(join(distDir, file));
    return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes).length };
  });
}

/** @param {number} bytes */
export function kB(bytes) {
  return `${(bytes / 1000).toFixed(1)} kB`;
}
