import { validateWorkflowDefinition, type Problem, type WorkflowDefinition } from '@trellis/engine';
import { describe, expect, it } from 'vitest';
import { pathInTarget, problemsOfField, problemsOfNoField } from './fieldProblems.ts';

const problem = (path: Problem['path']): Problem => ({
  code: 'invalid_value',
  message: 'x',
  line: 0,
  column: 0,
  ...(path ? { path } : {}),
});

describe('field problems', () => {
  it('reads the path inside an executor or an edge', () => {
    expect(pathInTarget(problem(['workflow', 'executors', 2, 'code']))).toEqual(['code']);
    expect(pathInTarget(problem(['workflow', 'edges', 1, 'switch', 0, 'when']))).toEqual(['switch', 0, 'when']);
    expect(pathInTarget(problem(['workflow', 'start']))).toEqual([]);
    expect(pathInTarget(problem(undefined))).toEqual([]);
  });

  it('keeps the problems of one field, and leaves the rest for the form', () => {
    const problems = [
      problem(['workflow', 'edges', 0, 'switch', 0, 'when']),
      problem(['workflow', 'edges', 0, 'switch', 1, 'when']),
      problem(['workflow', 'executors', 0]),
      problem(['workflow', 'executors', 0, 'expression']),
    ];
    expect(problemsOfField(problems, ['switch', 1, 'when'])).toEqual([problems[1]]);
    expect(problemsOfField(problems, ['expression'])).toEqual([problems[3]]);
    expect(problemsOfNoField(problems, ['expression', 'switch'])).toEqual([problems[2]]);
  });

  it("finds the engine's CEL problem of a transform under its expression field", () => {
    const definition: WorkflowDefinition = {
      workflow: { name: 'w', start: 't', executors: [{ id: 't', type: 'transform', expression: 'size(input) >' }] },
    };
    const problems = validateWorkflowDefinition(definition);
    expect(problemsOfField(problems, ['expression']).map((p) => p.code)).toEqual(['cel_syntax']);
  });
});
