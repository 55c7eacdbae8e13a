import { describe, expect, it } from 'vitest';
import { parseWorkflowYaml, stringifyWorkflow, type WorkflowDefinition } from '@trellis/engine';
import { SEED_YAML, SPEC_YAML, lineDiff } from './yaml-parse-fixtures.js';

function load(text: string): WorkflowDefinition {
  const { definition, problems } = parseWorkflowYaml(text);
  expect(problems).toEqual([]);
  return structuredClone(definition!);
}

describe('stringifyWorkflow without the original', () => {
  it('writes clean YAML in the spec key order, with | blocks, flow layout entries and blank lines', () => {
    const definition = load(SPEC_YAML);
    const shuffled: WorkflowDefinition = {
      layout: definition.layout!,
      workflow: {
        executors: [...definition.workflow.executors].slice(0, 2).map((e) => ({ ...e })),
        edges: [{ to: 'shout', from: 'writer' }],
        start: 'writer',
        name: 'content_pipeline',
      },
    };
    expect(stringifyWorkflow(shuffled)).toBe(`workflow:
  name: content_pipeline
  start: writer

  executors:
    - id: writer
      type: agent
      name: Writer
      instructions: You are a content writer.
      model: default

    - id: shout
      type: function
      input: string
      output: string
      code: |
        return input.toUpperCase()  # body of async (input, ctx) => ...; a returned value is sent on

  edges:
    - from: writer
      to: shout

layout:
  writer: { x: 0, y: 0 }
  shout: { x: 240, y: 0 }
`);
  });

  it('reads back as the same definition', () => {
    for (const text of [SEED_YAML, SPEC_YAML]) {
      const definition = load(text);
      expect(parseWorkflowYaml(stringifyWorkflow(definition))).toEqual({ definition, problems: [] });
    }
  });

  it('drops keys whose value is undefined, like JSON', () => {
    const definition = load(SEED_YAML);
    const withUndefined = { ...definition, layout: undefined, workflow: { ...definition.workflow, description: undefined } };
    expect(stringifyWorkflow(withUndefined)).toBe(stringifyWorkflow(definition));
    expect(stringifyWorkflow(withUndefined, { original: SEED_YAML })).toBe(SEED_YAML);
  });
});

describe('stringifyWorkflow with the original text', () => {
  it('gives back the original byte for byte when nothing changed (key order in memory does not matter)', () => {
    for (const text of [SEED_YAML, SPEC_YAML]) {
      const definition = load(text);
      expect(stringifyWorkflow(definition, { original: text })).toBe(text);
      const reordered = { layout: definition.layout, workflow: { ...definition.workflow, name: definition.workflow.name } };
      expect(stringifyWorkflow(reordered as WorkflowDefinition, { original: text })).toBe(text);
    }
  });

  it('changes only the layout line of a moved node', () => {
    const definition = load(SPEC_YAML);
    definition.layout!.shout = { x: 300, y: -20.5 };
    const out = stringifyWorkflow(definition, { original: SPEC_YAML });
    expect(lineDiff(SPEC_YAML, out)).toEqual({ removed: ['  shout: { x: 240, y: 0 }'], added: ['  shout: { x: 300, y: -20.5 }'] });
  });

  it('adds a layout entry after the others, and a layout section when there was none', () => {
    const spec = load(SPEC_YAML);
    spec.layout!.done = { x: 1, y: 2 };
    expect(lineDiff(SPEC_YAML, stringifyWorkflow(spec, { original: SPEC_YAML }))).toEqual({
      removed: [],
      added: ['  done: { x: 1, y: 2 }'],
    });
    const seed = load(SEED_YAML);
    seed.layout = { writer: { x: 0, y: 0 } };
    const out = stringifyWorkflow(seed, { original: SEED_YAML });
    expect(out).toBe(`${SEED_YAML}\nlayout:\n  writer: { x: 0, y: 0 }\n`);
  });

  it('appends an added executor as a list item, spaced like its neighbours', () => {
    const definition = load(SPEC_YAML);
    definition.workflow.executors.push({ id: 'extra', type: 'output', description: 'Last' });
    const out = stringifyWorkflow(definition, { original: SPEC_YAML });
    const done = '      type: output                  # yields its input as a workflow output\n';
    expect(out).toBe(SPEC_YAML.replace(done, `${done}\n    - id: extra\n      type: output\n      description: Last\n`));
  });

  it('removes a removed executor, its comments and the blank line before it, nothing else', () => {
    const definition = load(SPEC_YAML);
    definition.workflow.executors.splice(3, 1);
    const out = stringifyWorkflow(definition, { original: SPEC_YAML });
    const approve = [
      '    - id: approve',
      '      type: request_info            # a human answers; the answer is sent on',
      '      prompt: Publish this draft?',
      '      response: { type: boolean }   # JSON Schema of the answer (drives the prompt form)',
      '',
      '',
    ].join('\n');
    expect(out).toBe(SPEC_YAML.replace(approve, ''));
    definition.workflow.executors.splice(0, 1);
    const first = lineDiff(SPEC_YAML, stringifyWorkflow(definition, { original: SPEC_YAML }));
    expect(first.removed.slice(0, 6)).toEqual([
      '    - id: writer',
      '      type: agent',
      '      name: Writer                  # optional author name, default: id',
      "      instructions: 'You are a content writer.'",
      "      model: default                # optional key into the designer's model settings",
      '',
    ]);
  });

  it('rewrites only the scalars that changed, keeping their quoting', () => {
    const definition = load(SPEC_YAML);
    const writer = definition.workflow.executors[0] as { instructions?: string; name?: string };
    writer.instructions = "You write: short, 'plain' posts.";
    writer.name = 'Author';
    definition.workflow.max_iterations = 5;
    const out = stringifyWorkflow(definition, { original: SPEC_YAML });
    expect(lineDiff(SPEC_YAML, out)).toEqual({
      removed: [
        '  max_iterations: 100               # optional, default 100',
        '      name: Writer                  # optional author name, default: id',
        "      instructions: 'You are a content writer.'",
      ],
      added: [
        '  max_iterations: 5               # optional, default 100',
        '      name: Author                  # optional author name, default: id',
        "      instructions: 'You write: short, ''plain'' posts.'",
      ],
    });
  });

  it('edits a code block in place, and adds, removes and renames keys', () => {
    const definition = load(SPEC_YAML);
    const shout = definition.workflow.executors[1] as { code?: string; use?: string; output?: string; description?: string };
    shout.code = 'const text = String(input)\nreturn text.toUpperCase()\n';
    delete shout.output;
    shout.description = 'Shouts';
    const out = stringifyWorkflow(definition, { original: SPEC_YAML });
    expect(lineDiff(SPEC_YAML, out)).toEqual({
      removed: [
        '      output: string',
        '        return input.toUpperCase()  # body of async (input, ctx) => ...; a returned value is sent on',
      ],
      added: ['      description: Shouts', '        const text = String(input)', '        return text.toUpperCase()'],
    });
    expect(parseWorkflowYaml(out).definition).toEqual(definition);
  });

  it('edits edges: a changed target, a new condition, a switch case, a fan-out member', () => {
    const definition = load(SPEC_YAML);
    const edges = definition.workflow.edges as Record<string, unknown>[];
    edges[0] = { from: 'writer', to: 'score', condition: 'size(message) > 3' };
    edges[2] = { from: 'score', to: ['approve', 'done', 'writer'] };
    edges[3] = { from: 'approve', switch: [{ when: 'message.score > 0.9', to: 'done' }, { default: 'writer' }] };
    const out = stringifyWorkflow(definition, { original: SPEC_YAML });
    expect(lineDiff(SPEC_YAML, out)).toEqual({
      removed: ['      to: shout', '      to: [approve, done]', '        - when: message.score > 0.8'],
      added: [
        '      to: score',
        '      condition: size(message) > 3',
        '      to: [ approve, done, writer ]',
        '        - when: message.score > 0.9',
      ],
    });
  });

  it('falls back to clean YAML when the original does not parse or cannot be edited in place', () => {
    const definition = load(SEED_YAML);
    expect(stringifyWorkflow(definition, { original: 'workflow: [' })).toBe(stringifyWorkflow(definition));
    const aliased = 'workflow:\n  name: &n x\n  start: *n\n  executors:\n    - { id: x, type: output }\n';
    const changed = load(aliased);
    changed.workflow.name = 'y';
    const out = stringifyWorkflow(changed, { original: aliased });
    expect(parseWorkflowYaml(out).definition).toEqual(changed);
  });
});

describe('stringifyWorkflow edits files of any style in place', () => {
  const styles: Record<string, string> = {
    'unindented lists, quoted keys': [
      '# header',
      'workflow:',
      '  "name": styled',
      "  'start': a",
      '  executors:',
      '  - id: a',
      '    type: agent',
      '  # about b',
      '  - id: b',
      '    type: output',
      '  edges:',
      '  - {from: a, to: b}',
      'layout: {a: {x: 1, y: 2}}',
      '',
    ].join('\n'),
    'CRLF line ends': [
      '# header',
      'workflow:',
      '  name: crlf',
      '  start: a',
      '  executors:',
      '    - id: a',
      '      type: agent',
      '    - id: b',
      '      type: output',
      '  edges:',
      '    - from: a',
      '      to: b',
      '',
    ].join('\r\n'),
    'flow executors, dash on its own line, no final newline': [
      '# header',
      'workflow:',
      '  name: flowy',
      '  start: a',
      '  executors: [ { id: a, type: agent }, { id: b, type: output } ]',
      '  edges:',
      '    -',
      '      from: a',
      '      to: b',
      'layout:',
      '  a: {x: 0, y: 0}',
    ].join('\n'),
  };
  const edits: Record<string, (d: WorkflowDefinition) => void> = {
    'move a': (d) => void (d.layout = { ...d.layout, a: { x: 7, y: 8 } }),
    'add c': (d) => {
      d.workflow.executors.push({ id: 'c', type: 'transform', expression: 'input' });
      d.workflow.edges = [...(d.workflow.edges ?? []), { from: 'b', to: 'c' }];
    },
    'remove b': (d) => {
      d.workflow.executors = d.workflow.executors.filter((e) => e.id !== 'b');
      delete d.workflow.edges;
    },
    'rename b': (d) => {
      d.workflow.executors[1]!.id = 'bee';
      d.workflow.edges = [{ from: 'a', to: 'bee' }];
    },
    'multi-line instructions': (d) => void Object.assign(d.workflow.executors[0]!, { instructions: 'Line one.\nLine two: with colon.\n' }),
    'describe the workflow': (d) => void (d.workflow.description = 'Now described'),
  };
  for (const [style, original] of Object.entries(styles)) {
    for (const [name, edit] of Object.entries(edits)) {
      it(`${style}: ${name}`, () => {
        const definition = load(original);
        edit(definition);
        const out = stringifyWorkflow(definition, { original });
        expect(parseWorkflowYaml(out)).toEqual({ definition, problems: [] });
        expect(out.startsWith('# header')).toBe(true);
        if (original.includes('\r\n')) expect(out.replace(/\r\n/g, '')).not.toContain('\n');
        const changed = lineDiff(original, out);
        expect(changed.removed.length + changed.added.length).toBeLessThanOrEqual(8);
      });
    }
  }
});
