import { describe, expect, it } from 'vitest';
import { parseWorkflowYaml, type Problem } from '@trellis/engine';

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

describe('parseWorkflowYaml: problems of edges, expressions and executors with alternatives', () => {
  it('reports edges of no valid shape with a clear message', () => {
    const text = lines(
      'workflow:', //                            1
      '  name: w', //                            2
      '  start: a', //                           3
      '  executors: [ { id: a, type: output }, { id: b, type: output }, { id: c, type: output }, { id: d, type: output }, { id: e, type: output }, { id: f, type: output }, { id: g, type: output } ]',
      '  edges:', //                             5
      '    - { from: a }', //                    6
      '    - { from: [a, b], to: [c, d] }', //   7
      '    - { from: b, to: c, switch: [ { when: "true", to: e }, { default: f } ] }', // 8
      '    - { from: c, to: [d, e], condition: "true" }', // 9
      '    - { from: d, to: [e] }', //           10
      '    - just a string', //                  11
      '    - from: e', //                        12
      '      switch:', //                        13
      '        - { default: f }', //             14
      '        - { when: "false", to: g }', //   15
      '        - { default: a }', //             16
    );
    const { problems } = parseWorkflowYaml(text);
    expect(brief(problems)).toEqual([
      { code: 'missing_key', line: 6, column: 7, edge: 0 },
      { code: 'invalid_edge', line: 7, column: 27, edge: 1 },
      { code: 'invalid_edge', line: 8, column: 18, edge: 2 },
      { code: 'invalid_edge', line: 9, column: 30, edge: 3 },
      { code: 'invalid_value', line: 10, column: 22, edge: 4 },
      { code: 'invalid_edge', line: 11, column: 7, edge: 5 },
      { code: 'invalid_switch', line: 14, column: 13, edge: 6 },
      { code: 'invalid_switch', line: 16, column: 13, edge: 6 },
    ]);
    expect(problems.map((p) => p.message)).toEqual([
      'an edge needs `to` (or `switch` for a switch-case)',
      'a fan-in (a list in `from`) goes to one executor: `to` must be a single id, not a list',
      'an edge has either `to` or `switch`, not both',
      'a fan-out takes no `condition`; only a single edge (one from, one to) does',
      'a fan-out needs at least 2 targets (a single target is written `to: id`)',
      "an edge is a mapping with from and to (or from and switch), not 'just a string'",
      'the default must be the last entry of a switch (cases after it could never match)',
      'a switch has exactly one default',
    ]);
  });

  it('reports CEL that does not parse at the offending character', () => {
    const text = lines(
      'workflow:',
      '  name: w',
      '  start: t',
      '  executors:',
      '    - id: t',
      '      type: transform',
      "      expression: 'size(input) >'",
      '    - { id: o, type: output }',
      '  edges:',
      '    - from: t',
      '      to: o',
      '      condition: message.a +* 2',
      '    - from: o',
      '      switch:',
      '        - when: "message.b ||| c"',
      '          to: t',
      '        - default: t',
    );
    const { problems } = parseWorkflowYaml(text);
    expect(brief(problems)).toEqual([
      { code: 'cel_syntax', line: 7, column: 33, executorId: 't' },
      { code: 'cel_syntax', line: 12, column: 29, edge: 0 },
      { code: 'cel_syntax', line: 15, column: 30, edge: 1 },
    ]);
    expect(problems[1]?.message).toBe('the edge condition is not valid CEL: Unexpected token: MULTIPLY');
  });

  it('finds CEL errors inside a literal block', () => {
    const text = lines(
      'workflow:',
      '  name: w',
      '  start: t',
      '  executors:',
      '    - id: t',
      '      type: transform',
      '      expression: |',
      '        [1,',
      '         2 +]',
    );
    expect(brief(parseWorkflowYaml(text).problems)).toEqual([{ code: 'cel_syntax', line: 9, column: 13, executorId: 't' }]);
  });

  it('reports function and sub-workflow executors with both or neither of their alternatives', () => {
    const text = lines(
      'workflow:',
      '  name: w',
      '  start: f',
      '  executors:',
      '    - { id: f, type: function, code: return 1, use: upper }',
      '    - { id: g, type: function }',
      '    - { id: s, type: workflow, ref: ./x.workflow.yaml, workflow: { name: n, start: z, executors: [ { id: z, type: output } ] } }',
      '    - { id: e, type: workflow }',
    );
    expect(brief(parseWorkflowYaml(text).problems)).toEqual([
      { code: 'function_code_and_use', line: 5, column: 48, executorId: 'f' },
      { code: 'function_missing_code', line: 6, column: 7, executorId: 'g' },
      { code: 'sub_workflow_ref_and_inline', line: 7, column: 56, executorId: 's' },
      { code: 'sub_workflow_missing', line: 8, column: 7, executorId: 'e' },
    ]);
  });

  it('validates nested inline sub-workflows with positions in the file, against the executor holding them', () => {
    const text = lines(
      'workflow:', //                 1
      '  name: outer', //             2
      '  start: sub', //              3
      '  executors:', //              4
      '    - id: sub', //             5
      '      type: workflow', //      6
      '      workflow:', //           7
      '        name: inner', //       8
      '        start: deep', //       9
      '        executors:', //        10
      '          - id: deep', //      11
      '            type: workflow', // 12
      '            workflow:', //     13
      '              name: deepest', // 14
      '              start: nope', // 15
      '              executors:', //  16
      '                - { id: leaf, type: outptu }', // 17
      '        edges:', //            18
      '          - { from: deep, to: gone }', // 19
    );
    const { problems } = parseWorkflowYaml(text);
    expect(brief(problems)).toEqual([
      { code: 'missing_start', line: 15, column: 22, executorId: 'sub' },
      { code: 'unknown_executor_type', line: 17, column: 37, executorId: 'sub' },
      { code: 'unknown_executor', line: 19, column: 31, executorId: 'sub' },
    ]);
    expect(problems[0]?.message).toBe("in sub-workflow 'sub' > 'deep': start names executor 'nope', which does not exist");
    expect(problems[2]?.path).toEqual(['workflow', 'executors', 0, 'workflow', 'edges', 0, 'to']);
  });
});
