import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseWorkflowYaml,
  stringifyWorkflow,
  validateWorkflowDefinition,
  workflowDefinitionSchema,
  type WorkflowDefinition,
} from '@trellis/engine';
import { definitionArb, idArb, textArb } from './yaml-fuzz-arbitraries.js';
import { exampleFiles, SEED_YAML, SPEC_YAML } from './yaml-parse-fixtures.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_121);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const budget = (ms: number): fc.Parameters<unknown> => ({
  seed: SEED,
  numRuns: Math.round(400 * SCALE),
  plugins: [fc.interruptAfterTimeLimit(ms * SCALE)],
});

type Edit = (d: WorkflowDefinition) => void;
const pick = <T>(list: readonly T[], n: number): T | undefined => list[n % Math.max(1, list.length)];

/** Small edits a designer makes: move, add, remove, rename, retype values, rewire. */
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: -999, max: 999 }), fc.integer({ min: -999, max: 999 })).map(([n, x, y]): Edit => (d) => {
    const id = pick(d.workflow.executors, n)?.id ?? 'x';
    d.layout = { ...d.layout, [id]: { x, y } };
  }),
  fc.tuple(idArb, textArb).map(([id, text]): Edit => (d) => {
    d.workflow.executors.push({ id: `${id}_new`, type: 'agent', instructions: text });
  }),
  fc.nat().map((n): Edit => (d) => {
    if (d.workflow.executors.length > 1) d.workflow.executors.splice(n % d.workflow.executors.length, 1);
  }),
  fc.tuple(fc.nat(), textArb).map(([n, text]): Edit => (d) => {
    const executor = pick(d.workflow.executors, n);
    if (executor !== undefined) executor.description = text;
  }),
  textArb.map((text): Edit => (d) => {
    d.workflow.description = text;
  }),
  fc.nat().map((n): Edit => (d) => {
    const edges = d.workflow.edges ?? [];
    d.workflow.edges = edges.filter((_, i) => i !== n % Math.max(1, edges.length));
  }),
  fc.constant<Edit>((d) => {
    const [a, b] = d.workflow.executors;
    if (a !== undefined && b !== undefined) d.workflow.edges = [...(d.workflow.edges ?? []), { from: a.id, to: b.id }];
  }),
  fc.constant<Edit>((d) => {
    delete d.layout;
  }),
  fc.constant<Edit>((d) => {
    d.workflow.executors.reverse();
  }),
);

describe('round trip properties (fast-check, seeded)', () => {
  it('definition -> YAML -> definition gives the definition back', () => {
    fc.assert(
      fc.property(definitionArb, (definition) => {
        expect(workflowDefinitionSchema.safeParse(definition).success).toBe(true);
        const text = stringifyWorkflow(definition);
        const parsed = parseWorkflowYaml(text);
        expect(parsed.definition).toEqual(definition);
        expect(parsed.problems.filter((p) => p.code.startsWith('yaml') || p.code === 'unknown_key' || p.code === 'invalid_value')).toEqual(
          [],
        );
        expect(stringifyWorkflow(definition, { original: text })).toBe(text);
      }),
      budget(2500),
    );
  });

  it('edited definitions written over their original read back as the edit, keeping the comments', () => {
    let inPlace = 0;
    let total = 0;
    fc.assert(
      fc.property(definitionArb, fc.array(editArb, { minLength: 1, maxLength: 3 }), (definition, edits) => {
        const original = `# kept comment\n${stringifyWorkflow(definition)}`;
        const edited = structuredClone(definition);
        for (const edit of edits) edit(edited);
        const out = stringifyWorkflow(edited, { original });
        expect(parseWorkflowYaml(out).definition).toEqual(edited);
        total++;
        if (out.startsWith('# kept comment\n')) inPlace++;
      }),
      budget(2500),
    );
    console.info(`in-place edits: ${String(inPlace)} of ${String(total)}`);
    expect(inPlace).toBe(total);
  });

  it('each example file round-trips byte for byte, and a moved node changes one line', () => {
    const examples = [{ name: 'seed', text: SEED_YAML }, { name: 'spec', text: SPEC_YAML }, ...exampleFiles()];
    console.info(`examples: ${examples.map((e) => e.name).join(', ')}`);
    for (const { name, text } of examples) {
      const { definition, problems } = parseWorkflowYaml(text);
      expect({ name, problems }).toEqual({ name, problems: [] });
      expect(validateWorkflowDefinition(definition)).toEqual([]);
      expect(stringifyWorkflow(definition!, { original: text })).toBe(text);
      const moved = structuredClone(definition!);
      const id = moved.workflow.executors[0]!.id;
      moved.layout = { ...moved.layout, [id]: { x: 12345, y: 678 } };
      const out = stringifyWorkflow(moved, { original: text });
      expect(parseWorkflowYaml(out).definition).toEqual(moved);
      const before = text.split('\n');
      const after = out.split('\n');
      const changed = after.filter((line, i) => line !== before[i]);
      if (definition!.layout?.[id] !== undefined) expect({ name, changed }).toEqual({ name, changed: [expect.stringContaining('12345')] });
      else expect(out.startsWith(text.trimEnd())).toBe(true);
    }
  });
});
