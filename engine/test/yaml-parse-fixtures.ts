import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Texts shared by the declarative-format tests (parse, stringify, fuzz, JSON Schema). */

/** The "Declarative Workflows" YAML of the seed document, byte for byte (its blank lines hold two or six spaces). */
export const SEED_YAML =
  'workflow:\n  name: content_pipeline\n  start: writer\n  \n  executors:\n    - id: writer\n      type: agent\n' +
  '      instructions: You are a content writer.\n      \n    - id: reviewer\n      type: agent\n' +
  '      instructions: You are a content reviewer.\n  \n  edges:\n    - from: writer\n      to: reviewer\n';

/** The same YAML cut out of the seed document itself, when the document is at hand (not in CI). */
export function seedYamlFromDocs(): string | undefined {
  try {
    const seed = readFileSync('/work/shared/seeds/agent-framework-workflows-docs.txt', 'utf8');
    const start = seed.indexOf('workflow:\n  name: content_pipeline');
    const end = seed.indexOf('Load and run:', start);
    return start < 0 || end < 0 ? undefined : seed.slice(start, end);
  } catch {
    return undefined;
  }
}

/** The spec's example, comments, aligned comments, blank lines and all (edges adapted to its executors). */
export const SPEC_YAML = `workflow:
  name: content_pipeline            # required; [A-Za-z0-9_-]+
  description: Writer and reviewer  # optional
  start: writer                     # required; an executor id
  max_iterations: 100               # optional, default 100
  input: { type: string }           # optional JSON Schema of the run input (drives the run form)

  executors:                        # a list; order is kept
    - id: writer
      type: agent
      name: Writer                  # optional author name, default: id
      instructions: 'You are a content writer.'
      model: default                # optional key into the designer's model settings

    - id: shout
      type: function                # JavaScript run in the engine's sandbox
      input: string                 # optional type spec (see engine-api.md), default any
      output: string
      code: |
        return input.toUpperCase()  # body of async (input, ctx) => ...; a returned value is sent on

    - id: score
      type: transform               # no code: a CEL expression over \`input\`, its value is sent on
      expression: '{"text": input, "long": size(input) > 200}'

    - id: approve
      type: request_info            # a human answers; the answer is sent on
      prompt: Publish this draft?
      response: { type: boolean }   # JSON Schema of the answer (drives the prompt form)

    - id: done
      type: output                  # yields its input as a workflow output

  edges:
    - from: writer                  # single edge
      to: shout
    - from: shout                   # conditional edge: a CEL expression over \`message\`
      to: score
      condition: message.is_urgent
    - from: score                   # fan-out
      to: [approve, done]
    - from: approve                 # switch-case: first true \`when\` wins, else \`default\`
      switch:
        - when: message.score > 0.8
          to: done
        - default: writer

layout:                             # optional; only the designer reads it; the engine ignores it
  writer: { x: 0, y: 0 }
  shout: { x: 240, y: 0 }
`;

/** The lines that differ between two texts (a longest-common-subsequence diff). */
export function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  const table = a.map(() => new Array<number>(b.length + 1).fill(0));
  table.push(new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || table[i]![j + 1]! >= table[i + 1]![j]!)) added.push(b[j++]!);
    else removed.push(a[i++]!);
  }
  return { removed, added };
}

/** A 1,000-executor file: every executor type, a chain of edges (a third of them conditional), a layout entry each. */
export function bigWorkflowYaml(count = 1000): string {
  const out = ['# a big generated workflow', 'workflow:', '  name: big', '  start: n0', '  executors:'];
  for (let i = 0; i < count; i++) {
    const id = `n${String(i)}`;
    switch (i % 5) {
      case 0:
        out.push(`    - id: ${id}`, '      type: agent', `      instructions: You are step ${String(i)}.`, '      model: default');
        break;
      case 1:
        out.push(
          `    - id: ${id}`,
          '      type: function',
          '      input: string',
          '      code: |',
          '        const x = input.trim()',
          '        return x.toUpperCase()',
        );
        break;
      case 2:
        out.push(`    - id: ${id}`, '      type: transform', `      expression: '{"text": input, "long": size(input) > ${String(i)}}'`);
        break;
      case 3:
        out.push(`    - id: ${id}`, '      type: request_info', '      prompt: Approve?', '      response: { type: boolean }');
        break;
      default:
        out.push(`    - id: ${id}`, '      type: output');
    }
  }
  out.push('  edges:');
  for (let i = 1; i < count; i++) {
    out.push(`    - from: n${String(i - 1)}`, `      to: n${String(i)}`);
    if (i % 3 === 0) out.push(`      condition: message.score > ${String(i / 1000)} && has(message.text)`);
  }
  out.push('layout:');
  for (let i = 0; i < count; i++) out.push(`  n${String(i)}: { x: ${String((i % 40) * 240)}, y: ${String(Math.floor(i / 40) * 120)} }`);
  return `${out.join('\n')}\n`;
}

/** The example workflows of the app (`public/examples/*.workflow.yaml`), read when the tests run: name and text. */
export function exampleFiles(): { name: string; text: string }[] {
  const dir = join(import.meta.dirname, '..', '..', 'public', 'examples');
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.workflow.yaml'));
  } catch {
    return [];
  }
  return names.sort().map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
}
