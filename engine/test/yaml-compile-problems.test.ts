// What the compiler refuses, and how: every problem at once, with code, executor or edge, and position.
import { describe, expect, it } from 'vitest';
import { WorkflowLoadError, compileWorkflow, loadWorkflowFromYaml, type Problem, type WorkflowDefinition } from '../src/index.js';

function problemsOf(load: () => unknown): Problem[] {
  try {
    load();
  } catch (error) {
    if (error instanceof WorkflowLoadError) return error.problems;
    throw error;
  }
  throw new Error('expected a WorkflowLoadError');
}

const pick = ({ code, line, column, executorId, edge }: Problem) => ({
  code,
  line,
  column,
  ...(executorId === undefined ? {} : { executorId }),
  ...(edge === undefined ? {} : { edge }),
});

const YAML = `workflow:
  name: broken
  start: a
  executors:
    - id: a
      type: function
      code: return (
    - id: b
      type: function
      use: polish
    - id: c
      type: transform
      expression: message.text
    - id: d
      type: output
  edges:
    - from: a
      to: b
    - from: b
      to: c
      condition: input.ok
    - from: c
      to: d
`;

describe('loadWorkflowFromYaml problems', () => {
  it('reports every compile problem at once, with the executor or edge and the position', () => {
    const problems = problemsOf(() => loadWorkflowFromYaml(YAML, { functions: { shout: () => 'x' } }));
    expect(problems.map(pick)).toEqual([
      { code: 'invalid_value', line: 7, column: 13, executorId: 'a' },
      { code: 'unknown_function', line: 10, column: 12, executorId: 'b' },
      { code: 'cel_syntax', line: 13, column: 19, executorId: 'c' },
      { code: 'cel_syntax', line: 21, column: 18, edge: 1 },
    ]);
    expect(problems[0]?.message).toMatch(/^the code of executor 'a' does not compile: SyntaxError: /);
    expect(problems[1]?.message).toBe("executor 'b' uses 'polish', which is not a known function (the loader was given 'shout')");
    expect(problems[2]?.message).toContain("The CEL expression 'message.text' is not valid: Unknown variable: message");
    expect(problems[3]?.message).toContain("The CEL expression 'input.ok' is not valid: Unknown variable: input");
  });

  it('throws a WorkflowLoadError whose message names the problems', () => {
    const error = (() => {
      try {
        loadWorkflowFromYaml(YAML);
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error?.name).toBe('WorkflowLoadError');
    expect(error?.message).toContain('The workflow cannot be loaded, 4 problems: 7:13 invalid_value');
    expect(error?.message).toContain('no functions were given to the loader');
  });

  it("passes on the parser's problems", () => {
    const problems = problemsOf(() =>
      loadWorkflowFromYaml('workflow:\n  name: x\n  start: a\n  executors:\n    - id: a\n      type: agnet\n'),
    );
    expect(problems.map((p) => p.code)).toEqual(['unknown_executor_type']);
    expect(problems[0]?.line).toBe(6);
  });

  it('reports an executor no edge reaches', () => {
    const text = 'workflow:\n  name: x\n  start: a\n  executors:\n    - id: a\n      type: output\n    - id: lost\n      type: output\n';
    const [problem] = problemsOf(() => loadWorkflowFromYaml(text));
    expect(problem && pick(problem)).toEqual({ code: 'invalid_edge', line: 7, column: 7, executorId: 'lost' });
    expect(problem?.message).toContain("'lost' cannot be reached from the start executor 'a'");
  });

  it('reports a problem inside an inline sub-workflow against the executor holding it', () => {
    const text = [
      'workflow:',
      '  name: x',
      '  start: sub',
      '  executors:',
      '    - id: sub',
      '      type: workflow',
      '      workflow:',
      '        name: child',
      '        start: f',
      '        executors:',
      '          - id: f',
      '            type: function',
      '            use: missing',
    ].join('\n');
    const [problem] = problemsOf(() => loadWorkflowFromYaml(text));
    expect(problem && pick(problem)).toEqual({ code: 'unknown_function', line: 13, column: 18, executorId: 'sub' });
    expect(problem?.message).toMatch(/^in sub-workflow 'sub': executor 'f' uses 'missing'/);
  });

  it('refuses what is not text', () => {
    expect(() => loadWorkflowFromYaml(42 as unknown as string)).toThrow(TypeError);
  });
});

describe('compileWorkflow problems', () => {
  it('validates the definition first (no positions: a definition has no text)', () => {
    const definition = { workflow: { name: 'x', start: 'a', executors: [{ id: 'a', type: 'agnet' }] } } as unknown as WorkflowDefinition;
    const [problem] = problemsOf(() => compileWorkflow(definition));
    expect(problem && pick(problem)).toEqual({ code: 'unknown_executor_type', line: 0, column: 0, executorId: 'a' });
  });

  it('reports unknown functions with the executor and its path', () => {
    const definition = {
      workflow: { name: 'x', start: 'a', executors: [{ id: 'a', type: 'function', use: 'nope' }] },
    } as WorkflowDefinition;
    const [problem] = problemsOf(() => compileWorkflow(definition));
    expect(problem).toMatchObject({ code: 'unknown_function', executorId: 'a', path: ['workflow', 'executors', 0, 'use'], line: 0 });
  });

  it('throws a TypeError for what is not a definition', () => {
    expect(() => compileWorkflow(null as unknown as WorkflowDefinition)).toThrow(TypeError);
    expect(() => compileWorkflow('workflow:' as unknown as WorkflowDefinition)).toThrow(TypeError);
  });
});
