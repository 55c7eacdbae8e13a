#!/usr/bin/env node
// What the initial JavaScript is made of: for each chunk of the initial load (see initial-chunks.mjs),
// the minified bytes each package or source folder contributes, found by walking the chunk's source
// map (every generated segment is charged to the source it maps to). Needs a build with source maps:
//   npx vite build --outDir dist-perf --sourcemap && node scripts/perf/bundle-composition.mjs dist-perf
// Options: --depth N groups app and engine sources N folders deep (default 2), --files lists each
// source file on its own (packages' files too, to see which parts of a package are pulled in),
// --all lists every group.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chunkSizes, initialChunkFiles, kB } from './initial-chunks.mjs';

const args = process.argv.slice(2);
const distDir = args.find((arg) => !arg.startsWith('--')) ?? 'dist';
const depthIndex = args.indexOf('--depth');
const depth = depthIndex >= 0 ? Number(args[depthIndex + 1]) : 2;
const listAll = args.includes('--all');
const perFile = args.includes('--files');

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((char, index) => [char, index]));

/**
 * Decodes one mappings segment (base64 VLQ) into its fields.
 * @param {string} segment
 * @returns {number[]}
 */
function decodeSegment(segment) {
  /** @type {number[]} */
  const fields = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64_VALUE.get(char);
    if (digit === undefined) throw new Error(`invalid base64 VLQ character ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return fields;
}

/**
 * The generated code charged to each source index; code mapped to no source is charged to -1.
 * @param {string} code the chunk's generated code
 * @param {string} mappings the source map's `mappings`
 * @returns {Map<number, string[]>}
 */
function codePerSource(code, mappings) {
  const lines = code.split('\n');
  /** @type {Map<number, string[]>} */
  const slices = new Map();
  const charge = (/** @type {number} */ source, /** @type {string} */ text) => {
    const list = slices.get(source);
    if (list === undefined) slices.set(source, [text]);
    else list.push(text);
  };
  let source = 0;
  mappings.split(';').forEach((lineMappings, lineIndex) => {
    const line = lines[lineIndex] ?? '';
    let column = 0;
    let previousColumn = 0;
    let previousSource = -1;
    for (const segment of lineMappings.split(',')) {
      if (segment === '') continue;
      const fields = decodeSegment(segment);
      column += fields[0] ?? 0;
      charge(previousSource, line.slice(previousColumn, column));
      previousColumn = column;
      if (fields.length >= 4) {
        source += fields[1] ?? 0;
        previousSource = source;
      } else previousSource = -1;
      // the remaining fields (original line, column, name) do not matter for attribution
    }
    charge(previousSource, `${line.slice(previousColumn)}\n`);
  });
  return slices;
}

/**
 * The group a source belongs to: its npm package, or its folder in the app or the engine.
 * @param {string} source a path from the source map, relative to the chunk
 */
function groupOf(source) {
  if (perFile) return source.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, '');
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
  if (packageMatch?.[1] !== undefined) return packageMatch[1];
  const local = source.replace(/^(\.\.\/)+/, '');
  const parts = local.split('/');
  return parts.slice(0, Math.min(depth + (parts[0] === 'engine' ? 1 : 0), parts.length - 1)).join('/') || local;
}

const files = initialChunkFiles(distDir);
const sizes = chunkSizes(distDir, files);
/** @type {Map<string, string[]>} */
const codeByGroup = new Map();
let totalBytes = 0;
for (const { file } of sizes) {
  const code = readFileSync(join(distDir, file), 'utf8');
  totalBytes += Buffer.byteLength(code);
  if (!existsSync(join(distDir, `${file}.map`))) {
    // Rolldown writes no map for its tiny runtime chunk; a build without --sourcemap has none at all.
    if (code.length > 4096) throw new Error(`${file} has no source map: build with --sourcemap`);
    codeByGroup.set(`(no source map: ${file})`, [code]);
    continue;
  }
  const map = JSON.parse(readFileSync(join(distDir, `${file}.map`), 'utf8'));
  for (const [sourceIndex, slices] of codePerSource(code, map.mappings)) {
    const group = sourceIndex < 0 ? '(unmapped: runtime glue, whitespace)' : groupOf(map.sources[sourceIndex] ?? '?');
    codeByGroup.set(group, [...(codeByGroup.get(group) ?? []), ...slices]);
  }
}

console.log('Initial chunks (raw / gzip):');
for (const { file, bytes, gzipBytes } of sizes) console.log(`  ${file.padEnd(44)} ${kB(bytes).padStart(10)} ${kB(gzipBytes).padStart(10)}`);
const totalGzip = sizes.reduce((sum, { gzipBytes }) => sum + gzipBytes, 0);
console.log(`  ${'total'.padEnd(44)} ${kB(totalBytes).padStart(10)} ${kB(totalGzip).padStart(10)}`);
// Each group's code gzipped on its own: the sum exceeds the chunks' gzip (no shared dictionary),
// but it ranks the groups by what they cost on the wire better than raw bytes do.
const rows = [...codeByGroup].map(([group, slices]) => {
  const text = slices.join('');
  return { group, bytes: Buffer.byteLength(text), gzipBytes: gzipSync(text).length };
});
rows.sort((a, b) => b.gzipBytes - a.gzipBytes);
console.log('\nPer package or folder: minified bytes, share, and that code gzipped on its own:');
for (const { group, bytes, gzipBytes } of listAll ? rows : rows.slice(0, 40)) {
  console.log(
    `  ${kB(bytes).padStart(10)} ${((100 * bytes) / totalBytes).toFixed(1).padStart(5)} % ${kB(gzipBytes).padStart(10)} gz  ${group}`,
  );
}
if (!listAll && rows.length > 40) console.log(`  … ${rows.length - 40} more (--all)`);
