import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import {
  parseWorkflowYaml,
  stringifyWorkflow,
  validateWorkflowDefinition,
  workflowDefinitionSchema,
  type ParseWorkflowResult,
  type Problem,
  type ProblemCode,
  type WorkflowDefinition,
} from '@trellis/engine';
import { definitionArb } from './yaml-fuzz-arbitraries.js';
import { bigWorkflowYaml, exampleFiles, SEED_YAML, SPEC_YAML } from './yaml-parse-fixtures.js';

/**
 * The loader never throws: random text, random YAML and mutated example files all give a
 * definition or structured problems. Seeded; `FUZZ_SEED` and `FUZZ_SCALE` (runs and time budget,
 * default 1) change the run. With the default scale every property stops after ~1.5 s.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_121);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const budget = (runs: number): fc.Parameters<unknown> => ({
  seed: SEED,
  numRuns: Math.round(runs * SCALE),
  plugins: [fc.interruptAfterTimeLimit(1500 * SCALE)],
});

const CODES: readonly ProblemCode[] = [
  'yaml_syntax',
  'yaml_warning',
  'duplicate_key',
  'unknown_key',
  'unknown_executor_type',
  'invalid_value',
  'missing_key',
  'invalid_edge',
  'invalid_switch',
  'duplicate_id',
  'duplicate_edge',
  'unknown_executor',
  'missing_start',
  'cel_syntax',
  'function_code_and_use',
  'function_missing_code',
  'sub_workflow_ref_and_inline',
  'sub_workflow_missing',
];

/** A result is a definition or structured problems; no problems means the definition is valid. */
let cases = 0;

function expectStructured(result: ParseWorkflowResult, positioned = true): void {
  cases++;
  expect(Array.isArray(result.problems)).toBe(true);
  for (const problem of result.problems) expectProblem(problem, positioned);
  if (result.definition !== undefined) expect(typeof result.definition.workflow).toBe('object');
  if (result.problems.length === 0) {
    expect(result.definition).toBeDefined();
    expect(workflowDefinitionSchema.safeParse(result.definition).success).toBe(true);
  }
}

function expectProblem(problem: Problem, positioned: boolean): void {
  expect(CODES).toContain(problem.code);
  expect(typeof problem.message).toBe('string');
  expect(problem.message.length).toBeGreaterThan(0);
  expect(Number.isInteger(problem.line) && Number.isInteger(problem.column)).toBe(true);
  if (positioned) expect(problem.line >= 1 && problem.column >= 1).toBe(true);
  if (problem.executorId !== undefined) expect(typeof problem.executorId).toBe('string');
  if (problem.edge !== undefined) expect(Number.isInteger(problem.edge) && problem.edge >= 0).toBe(true);
}

const corpus = [SEED_YAML, SPEC_YAML, bigWorkflowYaml(12), ...exampleFiles().map((f) => f.text)];

type Mutation = (text: string) => string;
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 8 })).map(
    ([at, n]): Mutation =>
      (t) =>
        t.slice(0, at % (t.length + 1)) + t.slice((at % (t.length + 1)) + n),
  ),
  fc
    .tuple(
      fc.nat(),
      fc.oneof(
        fc.string({ maxLength: 6 }),
        fc.constantFrom(':', '- ', '  ', '\n', '\t', '"', "'", '{', '[', '#', '&a', '*a', '!!str ', '? ', '|', '>'),
      ),
    )
    .map(
      ([at, s]): Mutation =>
        (t) =>
          t.slice(0, at % (t.length + 1)) + s + t.slice(at % (t.length + 1)),
    ),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (t) => {
    const chars = Array.from(t);
    const i = a % Math.max(1, chars.length);
    const j = b % Math.max(1, chars.length);
    [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
    return chars.join('');
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Mutation => (t) => {
    const lines = t.split('\n');
    const i = a % lines.length;
    const j = b % lines.length;
    [lines[i], lines[j]] = [lines[j] ?? '', lines[i] ?? ''];
    return lines.join('\n');
  }),
);

describe('parseWorkflowYaml never throws (fast-check, seeded, time-boxed)', () => {
  afterAll(() => {
    console.info(`fuzz: ${String(cases)} loader results checked (seed ${String(SEED)}, scale ${String(SCALE)})`);
  });

  it('on random strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'binary-ascii', maxLength: 200 })), (text) => {
        expectStructured(parseWorkflowYaml(text));
      }),
      budget(3000),
    );
  });

  it('on random YAML documents, bare or under `workflow:`', () => {
    const value = fc.anything({ withNullPrototype: true, withBoxedValues: false, withSparseArray: true, maxDepth: 4 });
    fc.assert(
      fc.property(value, fc.boolean(), (data, wrap) => {
        let text: string;
        try {
          text = stringify(wrap ? { workflow: data } : data);
        } catch {
          return;
        }
        expectStructured(parseWorkflowYaml(text));
      }),
      budget(1500),
    );
  });

  it('on mutated example files', () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpus), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (text, mutations) => {
        const mutated = mutations.reduce((t, m) => m(t), text);
        expectStructured(parseWorkflowYaml(mutated));
      }),
      budget(2500),
    );
  });

  it('on definitions with random parts replaced by anything (validateWorkflowDefinition and stringify too)', () => {
    const junk = fc.anything({ maxDepth: 2 });
    fc.assert(
      fc.property(definitionArb, fc.array(fc.tuple(fc.nat(), junk), { minLength: 1, maxLength: 3 }), (definition, swaps) => {
        const broken = structuredClone(definition) as unknown as Record<string, unknown>;
        for (const [at, value] of swaps) replaceSomewhere(broken, at, value);
        for (const problem of validateWorkflowDefinition(broken)) expectProblem(problem, false);
        let text: string;
        try {
          text = stringifyWorkflow(broken as unknown as WorkflowDefinition, { original: stringifyWorkflow(definition) });
        } catch (error) {
          // only values YAML has no notation for (symbols, functions) may be refused
          expect(String(error)).toMatch(/symbol|function|Symbol|Function/i);
          return;
        }
        expectStructured(parseWorkflowYaml(text));
      }),
      budget(800),
    );
  });
});

/** Replaces the value at the `at`-th place of a depth-first walk of `root`. */
function replaceSomewhere(root: Record<string, unknown>, at: number, value: unknown): void {
  const places: [Record<string, unknown> | unknown[], string | number][] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        places.push([node, i]);
        walk(item);
      });
    } else if (typeof node === 'object' && node !== null) {
      for (const [key, item] of Object.entries(node)) {
        places.push([node as Record<string, unknown>, key]);
        walk(item);
      }
    }
  };
  walk(root);
  const place = places[at % places.length];
  if (place !== undefined) (place[0] as Record<string | number, unknown>)[place[1]] = value;
}
