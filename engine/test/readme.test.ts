// Runs every `ts` code block of engine/README.md, so the documentation cannot drift from the code.
// A line `console.log(expr); // => value` checks that `expr` prints as `value` (JSON for non-strings
// in arrays/objects, as console.log would show them).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));
const workDir = fileURLToPath(new URL('./.readme-blocks/', import.meta.url));

interface Block {
  line: number;
  code: string;
}

function extractBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trim() !== '```ts') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end]?.trim() !== '```') end++;
    blocks.push({ line: start + 1, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return blocks;
}

const CHECK = /^(\s*)console\.log\((.*)\);\s*\/\/ => (.*)$/;

/** Turns `console.log(x); // => v` into a recorded check, so the test can compare after the block ran. */
function instrument(code: string): string {
  const body = code
    .split('\n')
    .map((line) => {
      const match = CHECK.exec(line);
      if (match === null) return line;
      const [, indent, expr, expected] = match as unknown as [string, string, string, string];
      return `${indent}__checks.push({ actual: (${expr}), expected: ${JSON.stringify(expected)} });`;
    })
    .join('\n');
  return `export const __checks: { actual: unknown; expected: string }[] = [];\n${body}\n`;
}

/** What `// => value` means: a JSON literal when it parses as one, else the printed string. */
function expectedValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

const blocks = extractBlocks(readFileSync(readmePath, 'utf8'));

describe('engine/README.md', () => {
  mkdirSync(workDir, { recursive: true });
  afterAll(() => {
    rmSync(workDir, { recursive: true, force: true });
  });

  it('has code blocks to check', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8);
  });

  for (const block of blocks) {
    it(`block at line ${String(block.line)} runs and prints what it says`, async () => {
      const file = `${workDir}block-${String(block.line)}.ts`;
      writeFileSync(file, instrument(block.code));
      const module = (await import(/* @vite-ignore */ file)) as { __checks: { actual: unknown; expected: string }[] };
      expect(module.__checks.length).toBeGreaterThan(0);
      for (const check of module.__checks) {
        expect(JSON.parse(JSON.stringify(check.actual)) as unknown).toEqual(expectedValue(check.expected));
      }
    });
  }
});
