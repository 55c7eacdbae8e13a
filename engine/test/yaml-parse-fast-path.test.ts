// The parser reads valid files with a fast YAML reader and falls back to the positioned `yaml`
// Document parser for anything doubtful. The two must agree: whenever the fast path accepts a text,
// the precise path must accept it too and give the same definition.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWorkflowYaml, stringifyWorkflow } from '@trellis/engine';
import { parsePrecisely } from '../src/declarative/parse-precise.js';
import { definitionArb } from './yaml-fuzz-arbitraries.js';
import { exampleFiles, SEED_YAML, SPEC_YAML } from './yaml-parse-fixtures.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_121);

let acceptedByFastPath = 0;

function expectSameAsPrecise(text: string): void {
  const fast = parseWorkflowYaml(text);
  if (fast.problems.length === 0) acceptedByFastPath++;
  const precise = parsePrecisely(text);
  if (fast.problems.length === 0) {
    expect(precise.problems).toEqual([]);
    expect(fast.definition).toEqual(precise.definition);
  } else {
    expect(fast).toEqual(precise);
  }
}

/** Small edits that keep a file mostly YAML: drop, duplicate or swap characters, or change indentation. */
const mutation = (text: string) =>
  fc
    .tuple(fc.nat({ max: Math.max(0, text.length - 1) }), fc.constantFrom('drop', 'dup', 'space', 'tab', 'quote', 'colon', 'dash'))
    .map(([at, kind]) => {
      const insert = { drop: '', dup: text[at] ?? '', space: ' ', tab: '\t', quote: '"', colon: ':', dash: '- ' }[kind];
      // 'drop' removes the character at `at`; every other kind inserts before it
      return text.slice(0, at) + insert + text.slice(kind === 'drop' ? at + 1 : at);
    });

describe('the fast and precise YAML paths agree', () => {
  it('on the seed, the spec example and every example file', () => {
    for (const text of [SEED_YAML, SPEC_YAML, ...exampleFiles().map((f) => f.text)]) expectSameAsPrecise(text);
  });

  it('on random valid definitions', () => {
    fc.assert(
      fc.property(definitionArb, (definition) => {
        expectSameAsPrecise(stringifyWorkflow(definition));
      }),
      { seed: SEED, numRuns: 150, interruptAfterTimeLimit: 2000 },
    );
  });

  it('on mutated example files', () => {
    acceptedByFastPath = 0;
    const texts = [SEED_YAML, ...exampleFiles().map((f) => f.text)];
    fc.assert(
      fc.property(
        fc.constantFrom(...texts).chain((text) => mutation(text)),
        (text) => {
          expectSameAsPrecise(text);
        },
      ),
      { seed: SEED, numRuns: 1500, interruptAfterTimeLimit: 3000 },
    );
    // many mutations (a space in a value, a duplicated letter) still give a valid file: the
    // comparison must have run on those too
    expect(acceptedByFastPath).toBeGreaterThan(50);
  });
});
