import { describe, expect, it } from 'vitest';
import { parseWorkflowYaml, validateWorkflowDefinition, WorkflowLoadError, formatProblem, type Problem } from '@trellis/engine';
import { SEED_YAML, seedYamlFromDocs } from './yaml-parse-fixtures.js';

/** Only the fields a test pins down (line, column, code, executor, edge). */
function brief(problems: Problem[]): Omit<Problem, 'message' | 'path' | 'endLine' | 'endColumn'>[] {
  return problems.map(({ code, line, column, executorId, edge }) => ({
    code,
    line,
    column,
    ...(executorId === undefined ? {} : { executorId }),
    ...(edge === undefined ? {} : { edge }),
  }));
}

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

describe('parseWorkflowYaml: valid files', () => {
  it('loads the seed YAML unchanged with no problems', () => {
    const fromDocs = seedYamlFromDocs();
    if (fromDocs !== undefined) expect(fromDocs).toBe(SEED_YAML);
    expect(SEED_YAML).toContain('      \n');
    const { definition, problems } = parseWorkflowYaml(SEED_YAML);
    expect(problems).toEqual([]);
    expect(definition).toEqual({
      workflow: {
        name: 'content_pipeline',
        start: 'writer',
        executors: [
          { id: 'writer', type: 'agent', instructions: 'You are a content writer.' },
          { id: 'reviewer', type: 'agent', instructions: 'You are a content reviewer.' },
        ],
        edges: [{ from: 'writer', to: 'reviewer' }],
      },
    });
  });

  it('loads every executor type and edge kind of the spec', () => {
    const text = lines(
      'workflow:',
      '  name: all_kinds',
      '  description: Writer and reviewer',
      '  start: writer',
      '  max_iterations: 100',
      '  input: { type: string }',
      '  executors:',
      '    - { id: writer, type: agent, name: Writer, instructions: You write., model: default }',
      '    - id: shout',
      '      type: function',
      '      input: string',
      '      output: string',
      '      code: |',
      '        return input.toUpperCase()',
      '    - { id: named, type: function, use: upper }',
      '    - id: score',
      '      type: transform',
      `      expression: '{"text": input, "long": size(input) > 200}'`,
      '    - { id: approve, type: request_info, prompt: Publish?, response: { type: boolean } }',
      '    - { id: research, type: workflow, ref: ./research.workflow.yaml, propagate_requests: true }',
      '    - id: inline',
      '      type: workflow',
      '      workflow: { name: inner, start: x, executors: [ { id: x, type: output } ] }',
      '    - { id: done, type: output }',
      '  edges:',
      '    - { from: writer, to: shout }',
      '    - { from: shout, to: score, condition: message.is_urgent }',
      '    - { from: score, to: [approve, research] }',
      '    - { from: [approve, research], to: inline }',
      '    - from: inline',
      '      switch:',
      '        - { when: message.score > 0.8, to: done }',
      '        - default: named',
      'layout:',
      '  writer: { x: 0, y: 0 }',
      '  shout: { x: 240.5, y: -10 }',
    );
    const { definition, problems } = parseWorkflowYaml(text);
    expect(problems).toEqual([]);
    expect(definition?.workflow.executors).toHaveLength(8);
    expect(definition?.layout).toEqual({ writer: { x: 0, y: 0 }, shout: { x: 240.5, y: -10 } });
  });
});

describe('parseWorkflowYaml: problems, each with line, column, code and executor or edge', () => {
  it('reports YAML syntax errors (all of them) and no definition', () => {
    const { definition, problems } = parseWorkflowYaml(lines('workflow:', '  name: [a', '  start: "x'));
    expect(definition).toBeUndefined();
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.code === 'yaml_syntax' && p.line >= 1 && p.column >= 1)).toBe(true);
    expect(brief(parseWorkflowYaml('workflow:\n\tname: x\n').problems)[0]).toEqual({ code: 'yaml_syntax', line: 2, column: 1 });
  });

  it('reports a duplicate key at the second key', () => {
    const { problems } = parseWorkflowYaml(lines('workflow:', '  name: a', '  start: a', '  name: b'));
    expect(brief(problems)).toEqual([{ code: 'duplicate_key', line: 4, column: 3 }]);
    expect(problems[0]?.message).toContain("'name'");
  });

  it('reports unknown keys at the key, with the executor or edge', () => {
    const text = lines(
      'workflow:', //              1
      '  name: w', //              2
      '  start: a', //             3
      '  owner: me', //            4
      '  executors:', //           5
      '    - id: a', //            6
      '      type: agent', //      7
      '      modle: gpt', //       8
      '  edges:', //               9
      '    - from: a', //          10
      '      to: a', //            11
      '      label: loop', //      12
      'layout:', //                13
      '  a: { x: 1, y: 2, z: 3 }', //14
      'extra: true', //            15
    );
    const { definition, problems } = parseWorkflowYaml(text);
    expect(definition).toBeDefined();
    expect(brief(problems)).toEqual([
      { code: 'unknown_key', line: 4, column: 3 },
      { code: 'unknown_key', line: 8, column: 7, executorId: 'a' },
      { code: 'unknown_key', line: 12, column: 7, edge: 0 },
      { code: 'unknown_key', line: 14, column: 20, executorId: 'a' },
      { code: 'unknown_key', line: 15, column: 1 },
    ]);
    expect(problems[1]?.message).toBe("unknown key 'modle' in executor 'a'; did you mean 'model'?");
    expect(problems[1]?.path).toEqual(['workflow', 'executors', 0, 'modle']);
    expect(problems[0]?.message).toContain('allowed: name, description, start, max_iterations, input, executors, edges');
  });

  it('reports an unknown executor type listing the valid types', () => {
    const text = lines('workflow:', '  name: w', '  start: a', '  executors:', '    - id: a', '      type: agnet', '    - id: b');
    const { problems } = parseWorkflowYaml(text);
    expect(brief(problems)).toEqual([
      { code: 'unknown_executor_type', line: 6, column: 13, executorId: 'a' },
      { code: 'missing_key', line: 7, column: 7, executorId: 'b' },
    ]);
    expect(problems[0]?.message).toBe(
      "unknown executor type 'agnet'; the types are agent, function, transform, request_info, workflow, output; did you mean 'agent'?",
    );
  });

  it('reports bad values and missing keys at the value (or the mapping)', () => {
    const text = lines(
      'workflow:',
      '  name: my flow',
      '  start: a',
      '  max_iterations: 1.5',
      '  executors:',
      '    - id: a',
      '      type: request_info',
      '    - id: t',
      '      type: transform',
      '      expression: 42',
      'layout:',
      '  t: { x: left, y: 0 }',
    );
    const { problems } = parseWorkflowYaml(text);
    expect(brief(problems)).toEqual([
      { code: 'invalid_value', line: 2, column: 9 },
      { code: 'invalid_value', line: 4, column: 19 },
      { code: 'missing_key', line: 6, column: 7, executorId: 'a' },
      { code: 'invalid_value', line: 10, column: 19, executorId: 't' },
      { code: 'invalid_value', line: 12, column: 11, executorId: 't' },
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      "'my flow': a workflow name may hold only letters, digits, _ and -",
      "'max_iterations' must be a whole number, not number 1.5",
      "executor 'a' needs 'prompt'",
      "'expression' must be a string, not number 42",
      "'x' must be a number, not 'left'",
    ]);
  });

  it('reports duplicate ids, a missing start, edges to missing executors and duplicate edges', () => {
    const text = lines(
      'workflow:', //                     1
      '  name: w', //                     2
      '  start: writter', //              3
      '  executors:', //                  4
      '    - { id: writer, type: agent }', // 5
      '    - { id: writer, type: output }', // 6
      '    - { id: c, type: output }', //  7
      '  edges:', //                      8
      '    - { from: writer, to: ghost }', // 9
      '    - { from: writer, to: [c, nobody] }', // 10
      '    - { from: [writer, ghost2], to: c }', // 11
      '    - from: writer', //             12
      '      switch:', //                  13
      '        - { when: "true", to: c }', // 14
      '        - default: void', //        15
    );
    const { problems } = parseWorkflowYaml(text);
    expect(brief(problems)).toEqual([
      { code: 'missing_start', line: 3, column: 10 },
      { code: 'duplicate_id', line: 6, column: 13, executorId: 'writer' },
      { code: 'unknown_executor', line: 9, column: 27, edge: 0 },
      { code: 'unknown_executor', line: 10, column: 31, edge: 1 },
      { code: 'unknown_executor', line: 11, column: 24, edge: 2 },
      { code: 'duplicate_edge', line: 11, column: 37, edge: 2 },
      { code: 'duplicate_edge', line: 14, column: 31, edge: 3 },
      { code: 'unknown_executor', line: 15, column: 20, edge: 3 },
    ]);
    expect(problems[0]?.message).toBe("start names executor 'writter', which does not exist; did you mean 'writer'?");
    expect(problems[5]?.message).toBe('the edge writer -> c is already declared by edge #1');
  });

  it('gives no definition for text of the wrong overall shape, and never throws', () => {
    expect(parseWorkflowYaml('')).toEqual({ problems: [expect.objectContaining({ code: 'invalid_value', line: 1, column: 1 })] });
    expect(parseWorkflowYaml('- a\n- b\n').definition).toBeUndefined();
    expect(brief(parseWorkflowYaml('name: x\n').problems)).toEqual([
      { code: 'missing_key', line: 1, column: 1 },
      { code: 'unknown_key', line: 1, column: 1 },
    ]);
    expect(parseWorkflowYaml('workflow: 3\n').definition).toBeUndefined();
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x]\n${Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`).join('\n')}\n`;
    expect(parseWorkflowYaml(bomb).problems[0]?.code).toBe('yaml_syntax');
    expect(parseWorkflowYaml(`${'['.repeat(5000)}${']'.repeat(5000)}`).problems.length).toBeGreaterThan(0);
    expect(parseWorkflowYaml(undefined as unknown as string).problems[0]?.code).toBe('yaml_syntax');
  });

  it('returns the definition along with its problems', () => {
    const { definition, problems } = parseWorkflowYaml(lines('workflow:', '  name: w', '  start: x', '  executors: []'));
    expect(definition).toEqual({ workflow: { name: 'w', start: 'x', executors: [] } });
    expect(brief(problems)).toEqual([
      { code: 'missing_start', line: 3, column: 10 },
      { code: 'invalid_value', line: 4, column: 14 },
    ]);
  });
});

describe('validateWorkflowDefinition', () => {
  it('runs the same checks without positions (0/0) and with paths', () => {
    const problems = validateWorkflowDefinition({
      workflow: { name: 'w', start: 'a', executors: [{ id: 'a', type: 'agent', colour: 'red' }], edges: [{ from: 'a', to: 'b' }] },
    });
    expect(problems).toEqual([
      expect.objectContaining({ code: 'unknown_key', line: 0, column: 0, executorId: 'a', path: ['workflow', 'executors', 0, 'colour'] }),
      expect.objectContaining({ code: 'unknown_executor', line: 0, column: 0, edge: 0, path: ['workflow', 'edges', 0, 'to'] }),
    ]);
    expect(validateWorkflowDefinition(parseWorkflowYaml(SEED_YAML).definition)).toEqual([]);
    expect(validateWorkflowDefinition(null)).toEqual([expect.objectContaining({ code: 'invalid_value' })]);
  });
});

describe('WorkflowLoadError', () => {
  it('carries the problems and summarises the first ones with line:column', () => {
    const { problems } = parseWorkflowYaml(lines('workflow:', '  name: w', '  start: x', '  executors: [ { id: a, type: nope } ]'));
    const error = new WorkflowLoadError(problems, { file: 'flow.workflow.yaml' });
    expect(error.name).toBe('WorkflowLoadError');
    expect(error.problems).toBe(problems);
    expect(error.message).toMatch(
      /^The workflow cannot be loaded, 2 problems: flow\.workflow\.yaml:3:10 missing_start .*; flow\.workflow\.yaml:4:31 unknown_executor_type/,
    );
    expect(formatProblem(problems[0]!, 'f.yaml')).toBe("f.yaml:3:10 missing_start start names executor 'x', which does not exist");
  });
});
