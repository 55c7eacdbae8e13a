import fc from 'fast-check';
import type { EdgeDefinition, ExecutorDefinition, WorkflowBody, WorkflowDefinition } from '@trellis/engine';

/**
 * fast-check arbitraries of valid workflow definitions: every executor type (inline sub-workflows
 * nested two deep), every edge kind, layout, and strings chosen to be awkward in YAML (look like
 * numbers or booleans, hold `: ` or `#`, span lines, lead with spaces, control characters, emoji).
 */

/** Ids, including ones YAML would read as something else when written plain. */
export const idArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,10}$/) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('true', 'null', 'no', 'yes', 'on', '123', '1e3', '0x1F', '0o17', '-', '_', '-1', '05', 'NaN', 'y'),
  },
);

const awkward = fc.constantFrom(
  'a: b',
  'x # not a comment',
  "it's",
  '"quoted"',
  '- dash',
  '',
  ' leading',
  'trailing ',
  '{x}',
  '[y]',
  '*alias',
  '&anchor',
  '!tag',
  '%dir',
  '@at',
  '`tick`',
  'a\tb',
  'null',
  'true',
  '1.5',
  '---',
  '...',
  '? key',
  '\u00a0nbsp',
  'line\r\nbreak',
  '\u2028sep',
  '\ufeffbom',
  '😀 emoji',
);

const lineArb = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 16 }), fc.constantFrom('', '  indented', '\ttab', '# hash', 'x  ', ' '));

/** Multi-line text, with or without a final line break (code, instructions). */
export const multilineArb: fc.Arbitrary<string> = fc
  .tuple(fc.array(lineArb, { minLength: 2, maxLength: 5 }), fc.constantFrom('', '\n', '\n\n'))
  .map(([lines, end]) => lines.join('\n') + end);

/** Any text a string value may hold. */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  awkward,
  multilineArb,
);

const celArb = fc.constantFrom(
  'message.is_urgent',
  'message.score > 0.8',
  'size(input) > 200',
  '{"text": input, "long": size(input) > 200}',
  "input + ': done'",
  'has(message.text) && message.text != ""',
  '[1, "a", true]',
  'state.count >= 3 || inputs.force',
);

const typeSpecArb = fc.oneof(
  fc.constantFrom('string', 'number', 'boolean', 'object', 'array', 'null', 'any'),
  fc.constant({ type: 'string' }),
  fc.record({
    type: fc.constant('object'),
    properties: fc.dictionary(fc.string({ maxLength: 6 }), fc.constant({ type: 'number' }), { maxKeys: 3 }),
  }),
);

const jsonSchemaArb: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.constant({ type: 'boolean' }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);

function executorArb(id: string, depth: number): fc.Arbitrary<ExecutorDefinition> {
  const description = { description: textArb };
  const agent = fc.record(
    {
      id: fc.constant(id),
      type: fc.constant('agent' as const),
      ...description,
      name: textArb.filter((s) => s !== ''),
      instructions: textArb,
      model: fc.constantFrom('default', 'fast', '1'),
    },
    { requiredKeys: ['id', 'type'] },
  );
  const code = fc.oneof(fc.record({ code: fc.oneof(multilineArb, textArb) }), fc.record({ use: fc.constantFrom('upper', 'x', 'true') }));
  const fn = fc
    .tuple(
      fc.record(
        { id: fc.constant(id), type: fc.constant('function' as const), ...description, input: typeSpecArb, output: typeSpecArb },
        { requiredKeys: ['id', 'type'] },
      ),
      code,
    )
    .map(([base, body]) => ({ ...base, ...body }));
  const transform = fc.record(
    { id: fc.constant(id), type: fc.constant('transform' as const), ...description, expression: celArb },
    { requiredKeys: ['id', 'type', 'expression'] },
  );
  const request = fc.record(
    { id: fc.constant(id), type: fc.constant('request_info' as const), ...description, prompt: textArb, response: jsonSchemaArb },
    { requiredKeys: ['id', 'type', 'prompt'] },
  );
  const output = fc.record({ id: fc.constant(id), type: fc.constant('output' as const), ...description }, { requiredKeys: ['id', 'type'] });
  const flags = { propagate_requests: fc.boolean(), allow_direct_output: fc.boolean() };
  const ref = fc.record(
    {
      id: fc.constant(id),
      type: fc.constant('workflow' as const),
      ref: fc.constantFrom('./a.workflow.yaml', 'sub/b.workflow.yaml', '../c d.workflow.yaml'),
      ...flags,
    },
    { requiredKeys: ['id', 'type', 'ref'] },
  );
  const kinds: fc.Arbitrary<ExecutorDefinition>[] = [agent, fn, transform, request, output, ref];
  if (depth > 0) {
    const inline = fc.record(
      { id: fc.constant(id), type: fc.constant('workflow' as const), workflow: bodyArb(depth - 1), ...flags },
      { requiredKeys: ['id', 'type', 'workflow'] },
    );
    kinds.push(inline);
  }
  return fc.oneof(...kinds);
}

function edgeArb(ids: readonly string[]): fc.Arbitrary<EdgeDefinition> {
  const one = fc.constantFrom(...ids);
  const many = fc.uniqueArray(one, { minLength: 2, maxLength: 4 });
  const single = fc.record({ from: one, to: one, condition: celArb }, { requiredKeys: ['from', 'to'] });
  const kinds: fc.Arbitrary<EdgeDefinition>[] = [single];
  if (ids.length >= 2) {
    kinds.push(fc.record({ from: one, to: many }), fc.record({ from: many, to: one }));
  }
  const cases = fc.array(fc.record({ when: celArb, to: one }), { minLength: 1, maxLength: 3 });
  kinds.push(fc.tuple(one, cases, one).map(([from, list, fallback]) => ({ from, switch: [...list, { default: fallback }] })));
  return fc.oneof(...kinds);
}

/** A workflow body: unique ids, executors of every type, edges of every kind among them. */
export function bodyArb(depth: number): fc.Arbitrary<WorkflowBody> {
  return fc.uniqueArray(idArb, { minLength: 1, maxLength: depth > 0 ? 6 : 3 }).chain((ids) =>
    fc.record(
      {
        name: idArb,
        description: textArb,
        start: fc.constantFrom(...ids),
        max_iterations: fc.integer({ min: 1, max: 10_000 }),
        input: jsonSchemaArb,
        executors: fc.tuple(...ids.map((id) => executorArb(id, depth))),
        edges: fc.array(edgeArb(ids), { maxLength: 5 }),
      },
      { requiredKeys: ['name', 'start', 'executors'] },
    ),
  );
}

const coordinate = fc.oneof(
  fc.integer({ min: -5000, max: 5000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
);

/** A whole definition, with a layout for some of its executors. */
export const definitionArb: fc.Arbitrary<WorkflowDefinition> = bodyArb(2).chain((workflow) => {
  const ids = workflow.executors.map((e) => e.id);
  const layout = fc
    .subarray(ids)
    .chain((chosen) => fc.tuple(...chosen.map((id) => fc.record({ x: coordinate, y: coordinate }).map((p) => [id, p] as const))));
  return fc
    .option(layout, { nil: undefined })
    .map((entries) => (entries === undefined ? { workflow } : { workflow, layout: Object.fromEntries(entries) }));
});
