import { describe, expect, it } from 'vitest';
import { edgeRef, edgesOf, nodesOf, parseEdgeRef } from './graph.ts';
import { isCanvasDocument } from './shape.ts';
import { loadExamples, workflowOf } from './test/support.ts';

describe('nodesOf and edgesOf on the example gallery', () => {
  const examples = loadExamples();

  it('finds the examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(9);
  });

  it.each(examples.map((example) => [example.name, example] as const))('%s: consistent node and edge ids', (_, { definition }) => {
    expect(isCanvasDocument(definition)).toBe(true);
    const nodes = nodesOf(definition);
    const edges = edgesOf(definition);
    const nodeIds = new Set(nodes.map((node) => node.id));
    expect(nodes.map((node) => node.id)).toEqual(definition.workflow.executors.map((executor) => executor.id));
    expect(nodes.filter((node) => node.isStart).map((node) => node.id)).toEqual([definition.workflow.start]);
    expect(nodes.every((node) => node.position !== undefined)).toBe(true);
    expect(new Set(edges.map((edge) => edge.id)).size).toBe(edges.length);
    for (const edge of edges) {
      expect(parseEdgeRef(edge.id)?.edgeIndex).toBe(edge.edgeIndex);
      expect(nodeIds.has(edge.source) && nodeIds.has(edge.target)).toBe(true);
      expect(edge.dangling).toBe(false);
    }
    // every edge definition has at least one canvas edge, and the same ids come out twice
    expect(new Set(edges.map((edge) => edge.edgeIndex)).size).toBe(definition.workflow.edges?.length ?? 0);
    expect(edgesOf(definition)).toEqual(edges);
  });

  const byName = (name: string) => examples.find((example) => example.name === name)?.definition ?? workflowOf([]);

  it('names fan-out and fan-in members by their position', () => {
    const edges = edgesOf(byName('fan-out-fan-in.workflow.yaml'));
    expect(edges.map((edge) => [edge.id, edge.kind, edge.source, edge.target])).toEqual([
      ['e0:0', 'fan_out', 'broadcast', 'shout'],
      ['e0:1', 'fan_out', 'broadcast', 'whisper'],
      ['e1:0', 'fan_in', 'shout', 'collect'],
      ['e1:1', 'fan_in', 'whisper', 'collect'],
      ['e2', 'plain', 'collect', 'result'],
    ]);
  });

  it('names switch cases by their index and labels them with their when', () => {
    const edges = edgesOf(byName('switch-case-triage.workflow.yaml'));
    expect(edges.slice(0, 3).map((edge) => [edge.id, edge.kind, edge.target, edge.label])).toEqual([
      ['e0:case0', 'switch_case', 'escalate', 'message.score > 0.8'],
      ['e0:case1', 'switch_case', 'queue', 'message.score > 0.3'],
      ['e0:default', 'switch_default', 'archive', undefined],
    ]);
  });

  it('labels conditional edges with their condition', () => {
    const edges = edgesOf(byName('conditional-routing.workflow.yaml'));
    expect(edges.map((edge) => [edge.id, edge.kind, edge.label])).toEqual([
      ['e0', 'conditional', 'message.is_urgent'],
      ['e1', 'conditional', '!message.is_urgent'],
      ['e2', 'plain', undefined],
      ['e3', 'plain', undefined],
    ]);
  });

  it("labels agents with their name and keeps the executor's definition", () => {
    const [writer] = nodesOf(byName('content-pipeline.workflow.yaml'));
    expect(writer).toMatchObject({ id: 'writer', kind: 'agent', label: 'Writer', position: { x: 0, y: 0 }, isStart: true });
    expect(writer?.data).toMatchObject({ instructions: expect.stringContaining('content writer') as unknown });
  });
});

describe('graph views', () => {
  it('leaves the position undefined without a layout entry, for auto-layout', () => {
    const nodes = nodesOf(workflowOf(['a', 'constructor'], [], { a: { x: 1, y: 2 } }));
    expect(nodes.map((node) => node.position)).toEqual([{ x: 1, y: 2 }, undefined]);
  });

  it('marks edges to executors that do not exist as dangling', () => {
    const edges = edgesOf(workflowOf(['a'], [{ from: 'a', to: 'ghost' }]));
    expect(edges).toEqual([expect.objectContaining({ id: 'e0', dangling: true }) as unknown]);
  });

  it('gives a second (invalid) default an id of its own', () => {
    const ids = edgesOf(workflowOf(['a', 'b'], [{ from: 'a', switch: [{ default: 'a' }, { default: 'b' }] }])).map((edge) => edge.id);
    expect(ids).toEqual(['e0:default', 'e0:default1']);
  });

  it('reads edge ids back', () => {
    expect(parseEdgeRef(edgeRef(3))).toEqual({ edgeIndex: 3, part: 'whole' });
    expect(parseEdgeRef(edgeRef(3, 1))).toEqual({ edgeIndex: 3, part: 'member', index: 1 });
    expect(parseEdgeRef(edgeRef(5, 'case0'))).toEqual({ edgeIndex: 5, part: 'case', index: 0 });
    expect(parseEdgeRef(edgeRef(5, 'default'))).toEqual({ edgeIndex: 5, part: 'default' });
    expect(parseEdgeRef('writer')).toBeUndefined();
    expect(parseEdgeRef('e1:case')).toBeUndefined();
  });
});

describe('isCanvasDocument', () => {
  const valid = workflowOf(['a', 'b'], [{ from: 'a', to: 'b' }]);
  const body = valid.workflow;

  it('accepts what validation merely reports (dangling edges, a bad start, odd ids)', () => {
    expect(isCanvasDocument(workflowOf(['a b'], [{ from: 'x', to: 'y', condition: '((' }]))).toBe(true);
    expect(isCanvasDocument({ ...valid, workflow: { ...body, start: '' } })).toBe(true);
  });

  it('refuses what the canvas cannot hold', () => {
    const executors = body.executors;
    const cases: unknown[] = [
      null,
      { workflow: 'x' },
      { ...valid, workflow: { ...body, executors: [...executors, executors[0]] } },
      { ...valid, workflow: { ...body, executors: [{ id: 'a', type: 'agnet' }] } },
      { ...valid, workflow: { ...body, executors: [{ type: 'output' }] } },
      { ...valid, workflow: { ...body, edges: [{ from: ['a', 'b'], to: ['a', 'b'] }] } },
      { ...valid, workflow: { ...body, edges: [{ from: 'a', to: 'b', switch: [{ default: 'b' }] }] } },
      { ...valid, workflow: { ...body, edges: [{ from: 'a' }] } },
      { ...valid, layout: { a: { x: 'left', y: 0 } } },
      { ...valid, workflow: { ...body, start: undefined } },
    ];
    for (const value of cases) expect(isCanvasDocument(value)).toBe(false);
  });
});
