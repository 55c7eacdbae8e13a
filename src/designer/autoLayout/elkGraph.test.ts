import { describe, expect, it } from 'vitest';
import { applyChanges, asNodeId, edgesOf, nodesOf, type FlowPosition, type NodeId } from '../../model/index.ts';
import { workflowOf } from '../../model/test/support.ts';
import { elkGraphOf, FALLBACK_NODE_SIZE, hasNoLayout, LAYOUT_GRID, movesFromElk } from './elkGraph.ts';
// ELK itself, in-process (Node has no Web Worker): the app runs the same engine in a worker
import ElkBundled from 'elkjs/lib/elk.bundled.js';

// a fan-out from `a` to `b` and `c`, joined again in `d`, then a loop back from `d` to `a`
const diamond = workflowOf(
  ['a', 'b', 'c', 'd'],
  [
    { from: 'a', to: ['b', 'c'] },
    { from: ['b', 'c'], to: 'd' },
    { from: 'd', to: 'a', condition: 'input != ""' },
  ],
);

describe('elkGraphOf', () => {
  it('gives each node its measured size, or the fallback before it is measured', () => {
    const graph = elkGraphOf(nodesOf(diamond), edgesOf(diamond), new Map([['b', { width: 250, height: 90 }]]));
    expect(graph.children?.map(({ id, width, height }) => ({ id, width, height }))).toEqual([
      { id: 'a', ...FALLBACK_NODE_SIZE },
      { id: 'b', width: 250, height: 90 },
      { id: 'c', ...FALLBACK_NODE_SIZE },
      { id: 'd', ...FALLBACK_NODE_SIZE },
    ]);
  });

  it('draws every member of a fan-out and fan-in as its own edge and pins the start to the first layer', () => {
    const graph = elkGraphOf(nodesOf(diamond), edgesOf(diamond), new Map());
    expect(graph.edges?.map((edge) => `${edge.sources.join()}>${edge.targets.join()}`)).toEqual(['a>b', 'a>c', 'b>d', 'c>d', 'd>a']);
    expect(graph.children?.[0]?.layoutOptions).toEqual({ 'elk.layered.layering.layerConstraint': 'FIRST' });
    expect(graph.children?.[1]?.layoutOptions).toBeUndefined();
  });

  it('leaves out edges to executors that do not exist (ELK would reject them)', () => {
    const dangling = workflowOf(['a', 'b'], [{ from: 'a', to: 'ghost' }]);
    expect(elkGraphOf(nodesOf(dangling), edgesOf(dangling), new Map()).edges).toEqual([]);
  });
});

describe('movesFromElk', () => {
  it('snaps positions to the grid and skips nodes already in place', () => {
    const laidOut = {
      id: 'root',
      children: [{ id: 'a', x: 0, y: 8.5 }, { id: 'b', x: 309, y: 104 }, { id: 'c' }],
    };
    const current = new Map<NodeId, FlowPosition>([[asNodeId('a'), { x: 0, y: 0 }]]);
    expect(movesFromElk(laidOut, current)).toEqual([{ id: 'b', position: { x: 300, y: 100 } }]);
  });
});

describe('hasNoLayout', () => {
  it('is true only for a non-empty workflow none of whose nodes has a stored position', () => {
    expect(hasNoLayout(nodesOf(diamond))).toBe(true);
    expect(hasNoLayout(nodesOf(workflowOf([])))).toBe(false);
    expect(hasNoLayout(nodesOf(workflowOf(['a', 'b'], [], { b: { x: 0, y: 0 } })))).toBe(false);
  });
});

describe('a real ELK run', () => {
  it('lays a workflow out left to right with no two nodes overlapping, as one applicable moveNodes change', async () => {
    const sizes = new Map([['c', { width: 320, height: 120 }]]);
    const graph = elkGraphOf(nodesOf(diamond), edgesOf(diamond), sizes);
    const moves = movesFromElk(await new ElkBundled().layout(graph), new Map());
    expect(moves.map((move) => move.id)).toEqual(['a', 'b', 'c', 'd']);

    const at = new Map(moves.map((move) => [move.id, move.position]));
    const boxes = moves.map((move) => ({ ...move.position, ...(sizes.get(move.id) ?? FALLBACK_NODE_SIZE) }));
    const [a, b, c, d] = boxes.map((box) => ({ left: box.x, right: box.x + box.width }));
    // layers left to right: a, then b and c (the fan-out), then d; the loop back to a does not reorder them
    expect(a!.right).toBeLessThanOrEqual(Math.min(b!.left, c!.left));
    expect(Math.max(b!.right, c!.right)).toBeLessThanOrEqual(d!.left);
    for (const move of moves) expect([move.position.x % LAYOUT_GRID, move.position.y % LAYOUT_GRID]).toEqual([0, 0]);
    for (const [i, one] of boxes.entries()) {
      for (const other of boxes.slice(i + 1)) {
        const apart =
          one.x + one.width <= other.x ||
          other.x + other.width <= one.x ||
          one.y + one.height <= other.y ||
          other.y + other.height <= one.y;
        expect(apart).toBe(true);
      }
    }

    const { definition } = applyChanges(diamond, [{ type: 'moveNodes', moves }]);
    expect(hasNoLayout(nodesOf(definition))).toBe(false);
    expect(definition.layout?.['d']).toEqual(at.get(asNodeId('d')));
  });
});
