import { describe, expect, it } from 'vitest';
import { asNodeId, type CanvasEdge, type CanvasNode, type EdgeRef, type FlowPosition, type NodeId } from '../model/index.ts';
import { FlowElementCache, flowEdges, flowNodes } from './flowElements.ts';

function canvasNode(id: string): CanvasNode {
  return { id: asNodeId(id), kind: 'output', label: id, position: undefined, isStart: id === 'a', data: { id, type: 'output' } };
}

function canvasEdge(source: string, target: string, kind: CanvasEdge['kind'] = 'plain'): CanvasEdge {
  return {
    id: `${source}->${target}` as EdgeRef,
    edgeIndex: 0,
    slot: { list: 'none' },
    source: asNodeId(source),
    target: asNodeId(target),
    kind,
    dangling: false,
  };
}

const nodes = ['a', 'b', 'c'].map(canvasNode);
const positions = new Map<NodeId, FlowPosition>(nodes.map((node, i) => [node.id, { x: i * 100, y: 0 }]));
const none = new Map<NodeId, FlowPosition>();
const sizes = new Map([
  ['a', { width: 180, height: 60 }],
  ['b', { width: 180, height: 60 }],
]);

describe('flowNodes', () => {
  it('draws each canvas node at its position, selected and measured', () => {
    const drawn = flowNodes(nodes, positions, none, [asNodeId('b')], sizes);
    expect(drawn.map((node) => [node.id, node.position.x, node.selected, node.measured?.width])).toEqual([
      ['a', 0, false, 180],
      ['b', 100, true, 180],
      ['c', 200, false, undefined],
    ]);
    expect(drawn[0]?.ariaLabel).toBe('Output node a, start');
  });

  it('gives back the previous array when nothing changed', () => {
    const first = flowNodes(nodes, positions, none, [], sizes);
    expect(flowNodes(nodes, new Map(positions), new Map(), [], new Map(sizes), first)).toBe(first);
  });

  it('makes a new object for a dragged node only, and keeps every other', () => {
    const first = flowNodes(nodes, positions, none, [], sizes);
    const dragged = flowNodes(nodes, positions, new Map([[asNodeId('b'), { x: 130, y: 20 }]]), [], sizes, first);
    expect(dragged).not.toBe(first);
    expect(dragged[0]).toBe(first[0]);
    expect(dragged[1]).not.toBe(first[1]);
    expect(dragged[1]?.position).toEqual({ x: 130, y: 20 });
    expect(dragged[2]).toBe(first[2]);
  });

  it('makes a new object when the selection, the size or the canvas node changes', () => {
    const first = flowNodes(nodes, positions, none, [], sizes);
    expect(flowNodes(nodes, positions, none, [asNodeId('a')], sizes, first).map((node, i) => node === first[i])).toEqual([
      false,
      true,
      true,
    ]);
    const measured = new Map([...sizes, ['c', { width: 200, height: 70 }]]);
    expect(flowNodes(nodes, positions, none, [], measured, first).map((node, i) => node === first[i])).toEqual([true, true, false]);
    const renamed = [nodes[0], { ...canvasNode('b'), label: 'renamed' }, nodes[2]].filter((node) => node !== undefined);
    const next = flowNodes(renamed, positions, none, [], sizes, first);
    expect(next.map((node, i) => node === first[i])).toEqual([true, false, true]);
    expect(next[1]?.ariaLabel).toBe('Output node renamed (b)');
  });

  it('follows removed and reordered nodes', () => {
    const first = flowNodes(nodes, positions, none, [], sizes);
    const fewer = flowNodes(nodes.slice(0, 2), positions, none, [], sizes, first);
    expect(fewer).toHaveLength(2);
    expect(fewer).not.toBe(first);
    const reversed = flowNodes([...nodes].reverse(), positions, none, [], sizes, first);
    expect(reversed.map((node) => node.id)).toEqual(['c', 'b', 'a']);
    expect(reversed).not.toBe(first);
    expect(reversed[0]).toBe(first[2]);
  });
});

describe('flowEdges', () => {
  const edges = [canvasEdge('a', 'b'), canvasEdge('b', 'c', 'switch_default'), { ...canvasEdge('c', 'x'), dangling: true }];

  it('draws the edges that have both ends, the default case labelled', () => {
    const drawn = flowEdges(edges, []);
    expect(drawn.map((edge) => [edge.id, edge.data?.label])).toEqual([
      ['a->b', undefined],
      ['b->c', 'default'],
    ]);
  });

  it('keeps unchanged edges and the array itself when nothing changed', () => {
    const first = flowEdges(edges, []);
    expect(flowEdges([...edges], [], first)).toBe(first);
    const picked = flowEdges(edges, ['b->c' as EdgeRef], first);
    expect(picked[0]).toBe(first[0]);
    expect(picked[1]).not.toBe(first[1]);
    expect(picked[1]?.selected).toBe(true);
  });

  it('makes a new object when an edge changes its kind or label', () => {
    const first = flowEdges(edges, []);
    const relabelled = flowEdges(
      [{ ...canvasEdge('a', 'b', 'conditional'), label: 'x > 1' }, edges[1], edges[2]].filter((edge) => edge !== undefined),
      [],
      first,
    );
    expect(relabelled[0]).not.toBe(first[0]);
    expect(relabelled[0]?.data).toEqual({ kind: 'conditional', label: 'x > 1' });
    expect(relabelled[1]).toBe(first[1]);
  });
});

describe('FlowElementCache', () => {
  it('keeps what it drew last between calls', () => {
    const cache = new FlowElementCache();
    const first = cache.nodes(nodes, positions, none, [], sizes);
    expect(cache.nodes(nodes, positions, none, [], sizes)).toBe(first);
    const firstEdges = cache.edges([canvasEdge('a', 'b')], []);
    expect(cache.edges([canvasEdge('a', 'b')], [])).toBe(firstEdges);
  });
});
