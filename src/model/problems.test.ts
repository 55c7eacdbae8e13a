import { parseWorkflowYaml, validateWorkflowDefinition, type WorkflowDefinition } from '@trellis/engine';
import { describe, expect, it } from 'vitest';
import { applyChange, type GraphChange } from './changes.ts';
import { asNodeId, edgesOf } from './graph.ts';
import { indexProblems, problemsAfter, problemsByTarget } from './problems.ts';
import { deepFreeze, loadExamples } from './test/support.ts';

const broken: WorkflowDefinition = deepFreeze({
  workflow: {
    name: 'broken',
    start: 'a',
    executors: [
      { id: 'a', type: 'transform', expression: 'input' },
      { id: 'b', type: 'transform', expression: 'input' },
      { id: 'b', type: 'output' },
      { id: 'c', type: 'output' },
    ],
    edges: [
      { from: 'a', to: 'ghost' },
      { from: 'a', to: 'b', condition: 'message.(' },
      { from: 'a', to: ['c', 'nowhere'] },
      { from: 'b', switch: [{ when: 'message >', to: 'c' }, { when: 'true', to: 'a' }, { default: 'void' }] },
      { from: 'c', switch: [{ default: 'a' }] },
    ],
  },
  layout: { a: { x: 0, y: 0 }, lost: { x: 1, y: 1 } },
});

const codes = (problems: readonly { code: string }[] | undefined) => problems?.map((p) => p.code);

describe('problemsByTarget', () => {
  const index = problemsByTarget(broken);

  it('badges the edge of a dangling connection, the node of a duplicate id, the edge of a bad condition', () => {
    expect(codes(index.byEdge.get('e0' as never))).toEqual(['unknown_executor']);
    expect(codes(index.byNode.get('b' as never))).toEqual(['duplicate_id']);
    expect(codes(index.byEdge.get('e1' as never))).toEqual(['cel_syntax']);
  });

  it('badges the member a problem names inside a fan-out or a switch', () => {
    expect(codes(index.byEdge.get('e2:1' as never))).toEqual(['unknown_executor']);
    expect(index.byEdge.has('e2:0' as never)).toBe(false);
    expect(codes(index.byEdge.get('e3:case0' as never))).toEqual(['cel_syntax']);
    expect(codes(index.byEdge.get('e3:default' as never))).toEqual(['unknown_executor']);
    expect(index.byEdge.has('e3:case1' as never)).toBe(false);
  });

  it('badges every member for a problem of the whole edge', () => {
    expect(codes(index.byEdge.get('e4:default' as never))).toEqual(expect.arrayContaining(['invalid_switch', 'invalid_value']) as unknown);
  });

  it('keeps every problem, putting those with nothing to badge on the workflow', () => {
    const problems = validateWorkflowDefinition(broken);
    expect(index.all.map((entry) => entry.problem)).toEqual(problems);
    expect(codes(index.workflow)).toEqual(['unknown_executor']);
    expect(index.workflow[0]?.message).toMatch(/'lost'/);
    const badged = [...index.byNode.values(), ...index.byEdge.values(), index.workflow].flat();
    for (const problem of problems) expect(badged).toContainEqual(problem);
  });

  it('only names canvas ids that edgesOf gives', () => {
    const ids = new Set<string>(edgesOf(broken).map((edge) => edge.id));
    for (const id of index.byEdge.keys()) expect(ids.has(id)).toBe(true);
  });

  it('places the YAML parser problems (with lines) the same way', () => {
    const { text } = loadExamples().find((example) => example.name === 'switch-case-triage.workflow.yaml') ?? { text: '' };
    const { definition, problems } = parseWorkflowYaml(text.replace('- default: archive', '- default: archiv'));
    if (definition === undefined) throw new Error('no definition');
    const placed = indexProblems(definition, problems);
    expect(placed.byEdge.get('e0:default' as never)?.[0]).toMatchObject({ code: 'unknown_executor', line: expect.any(Number) as unknown });
  });

  it('is remembered per definition object, and carried over a move', () => {
    expect(problemsByTarget(broken)).toBe(index);
    const move: GraphChange = { type: 'moveNodes', moves: [{ id: asNodeId('a'), position: { x: 5, y: 5 } }] };
    const moved = applyChange(broken, move).definition;
    expect(problemsAfter(broken, moved, [move])).toBe(index);
    const renamed = applyChange(broken, { type: 'setStart', start: 'zz' }).definition;
    expect(codes(problemsAfter(broken, renamed, [{ type: 'setStart', start: 'zz' }]).workflow)).toContain('missing_start');
  });

  it('finds nothing on the examples', () => {
    for (const { definition } of loadExamples()) expect(problemsByTarget(definition).all).toEqual([]);
  });
});
