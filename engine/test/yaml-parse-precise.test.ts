// `parseWorkflowYamlDocument` is `parseWorkflowYaml` without its fast reader (js-yaml), for apps
// that must stay small: it must answer exactly the same, and its module graph must not reach js-yaml.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWorkflowYaml, parseWorkflowYamlDocument, stringifyWorkflow } from '@trellis/engine';
import { bigWorkflowYaml, exampleFiles, SEED_YAML, SPEC_YAML } from './yaml-parse-fixtures.js';

const declarativeDir = join(import.meta.dirname, '..', 'src', 'declarative');

/** The texts both parsers read: valid files, and files with problems of every layer (YAML, schema, semantics). */
function corpus(): { name: string; text: string }[] {
  const valid = [{ name: 'seed', text: SEED_YAML }, { name: 'spec', text: SPEC_YAML }, ...exampleFiles()];
  const broken = valid.flatMap(({ name, text }) => [
    { name: `${name}, unclosed quote`, text: text.replace('workflow:', 'workflow: "') },
    { name: `${name}, duplicate key`, text: text.replace('workflow:\n', 'workflow:\n  start: x\n') },
    { name: `${name}, unknown key`, text: text.replace('workflow:\n', 'workflow:\n  colour: blue\n') },
    { name: `${name}, tab indent`, text: text.replace('\n  ', '\n\t') },
  ]);
  return [...valid, ...broken, { name: 'big', text: bigWorkflowYaml(200) }, { name: 'empty', text: '' }, { name: 'list', text: '- a\n' }];
}

/** Every module `file` imports, transitively (relative imports only), with the packages they import. */
function importGraph(file: string, seen = new Map<string, string[]>()): Map<string, string[]> {
  if (seen.has(file)) return seen;
  const source = readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/^(?:import|export)[^;]*?from '([^']+)';/gms)].map((match) => match[1] ?? '');
  seen.set(file, specifiers);
  for (const specifier of specifiers) {
    if (specifier.startsWith('.')) importGraph(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')), seen);
  }
  return seen;
}

describe('parseWorkflowYamlDocument', () => {
  it('answers what parseWorkflowYaml answers, on valid files and on files with problems', () => {
    const texts = corpus();
    expect(texts.filter(({ text }) => parseWorkflowYaml(text).problems.length > 0).length).toBeGreaterThan(texts.length / 2);
    for (const { name, text } of texts) {
      expect(parseWorkflowYamlDocument(text), name).toEqual(parseWorkflowYaml(text));
    }
  });

  it('answers a problem, never throws, for input that is not text', () => {
    const notText = 42 as unknown as string;
    expect(parseWorkflowYamlDocument(notText)).toEqual(parseWorkflowYaml(notText));
    expect(parseWorkflowYamlDocument(notText).problems[0]?.message).toBe('expected YAML text');
  });

  it('gives each caller its own definition, though the document of a text just written is reused', () => {
    const written = stringifyWorkflow({ workflow: { name: 'w', start: 'a', executors: [{ id: 'a', type: 'output' }] } });
    const first = parseWorkflowYamlDocument(written).definition;
    if (first === undefined) throw new Error('the written text should parse');
    first.workflow.name = 'changed by the caller';
    expect(parseWorkflowYamlDocument(written).definition?.workflow.name).toBe('w');
    // the writer still sees the text as it is: an unchanged definition gives the text back
    expect(
      stringifyWorkflow({ workflow: { name: 'w', start: 'a', executors: [{ id: 'a', type: 'output' }] } }, { original: written }),
    ).toBe(written);
  });

  it('does not load js-yaml: no module it imports, however indirectly, does', () => {
    const graph = importGraph(join(declarativeDir, 'parse-precise.ts'));
    expect(graph.size).toBeGreaterThan(5);
    const packages = new Set([...graph.values()].flat().filter((specifier) => !specifier.startsWith('.')));
    expect(packages).toContain('yaml');
    expect(packages).not.toContain('js-yaml');
    // while parseWorkflowYaml does, so the check above would see it
    expect([...importGraph(join(declarativeDir, 'parse.ts')).values()].flat()).toContain('js-yaml');
  });
});
