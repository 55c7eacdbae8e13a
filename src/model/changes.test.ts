import type { WorkflowDefinition } from '@trellis/engine';
import { describe, expect, it } from 'vitest';
import { applyChange, applyChanges, ModelError, type GraphChange } from './changes.ts';
import { asNodeId, edgeRef, nodesOf } from './graph.ts';
import { uniqueNodeId } from './ids.ts';
import { addNodeOf } from './palette.ts';
import { deepFreeze, workflowOf } from './test/support.ts';

const id = asNodeId;

/** Applies a change, checks that its inverse gives the input back, and answers the result. */
function roundTrip(definition: WorkflowDefinition, change: GraphChange): WorkflowDefinition {
  const { definition: next, inverse } = applyChange(definition, change);
  expect(applyChanges(deepFreeze(next), inverse).definition).toStrictEqual(definition);
  return next;
}

function refusal(definition: WorkflowDefinition, change: GraphChange): string {
  try {
    applyChange(definition, change);
  } catch (error) {
    if (error instanceof ModelError) return error.code;
    throw error;
  }
  return 'applied';
}

const base = workflowOf(['a', 'b', 'c'], [{ from: 'a', to: 'b' }], { a: { x: 0, y: 0 }, c: { x: 50, y: 0 } });

describe('node changes', () => {
  it('addNode inserts the node and its layout entry in executor order', () => {
    const next = roundTrip(base, { type: 'addNode', node: { id: 'n', type: 'output' }, position: { x: 9, y: 9 }, index: 1 });
    expect(next.workflow.executors.map((e) => e.id)).toEqual(['a', 'n', 'b', 'c']);
    expect(Object.keys(next.layout ?? {})).toEqual(['a', 'n', 'c']);
    expect(next.workflow.executors[0]).toBe(base.workflow.executors[0]);
  });

  it('addNode makes the first node of an empty document its start', () => {
    const empty = { ...base, workflow: { ...base.workflow, start: '', executors: [], edges: [] } };
    const next = roundTrip(empty, addNodeOf(empty, 'agent', null));
    expect(next.workflow).toMatchObject({ start: 'agent', executors: [{ id: 'agent', type: 'agent' }] });
    expect(next.layout).toEqual(base.layout);
  });

  it('addNode refuses a taken id, even one only an edge names', () => {
    expect(refusal(base, { type: 'addNode', node: { id: 'a', type: 'output' }, position: null })).toBe('id_taken');
    const dangling = workflowOf(['a'], [{ from: 'a', to: 'ghost' }]);
    expect(refusal(dangling, { type: 'addNode', node: { id: 'ghost', type: 'output' }, position: null })).toBe('id_taken');
    expect(uniqueNodeId(dangling, 'ghost')).toBe('ghost_2');
    expect(refusal(base, { type: 'addNode', node: { id: 'n', type: 'nope' } as never, position: null })).toBe('invalid_change');
    expect(refusal(base, { type: 'addNode', node: { id: 'n', type: 'output' }, position: { x: Number.NaN, y: 0 } })).toBe('invalid_change');
  });

  it('moveNodes sets, adds and drops layout entries', () => {
    const next = roundTrip(base, {
      type: 'moveNodes',
      moves: [
        { id: id('a'), position: { x: 5, y: 6 } },
        { id: id('b'), position: { x: 7, y: 8 } },
        { id: id('c'), position: null },
      ],
    });
    expect(next.layout).toEqual({ a: { x: 5, y: 6 }, b: { x: 7, y: 8 } });
    expect(refusal(base, { type: 'moveNodes', moves: [{ id: id('zz'), position: null }] })).toBe('unknown_node');
  });

  it('moveNodes on a file without layout creates it, and its undo removes it again', () => {
    const bare = workflowOf(['a']);
    expect(roundTrip(bare, { type: 'moveNodes', moves: [{ id: id('a'), position: { x: 1, y: 1 } }] }).layout).toEqual({
      a: { x: 1, y: 1 },
    });
  });

  it('updateNode sets and removes the fields of its kind only', () => {
    const agents: WorkflowDefinition = deepFreeze({
      workflow: { name: 'w', start: 'w1', executors: [{ id: 'w1', type: 'agent', name: 'Writer', instructions: 'Write.' }] },
    });
    const next = roundTrip(agents, { type: 'updateNode', id: id('w1'), patch: { instructions: 'Write well.', name: null, model: 'fast' } });
    expect(next.workflow.executors[0]).toStrictEqual({ id: 'w1', type: 'agent', instructions: 'Write well.', model: 'fast' });
    expect(refusal(agents, { type: 'updateNode', id: id('w1'), patch: { code: 'return 1' } })).toBe('invalid_change');
    expect(refusal(agents, { type: 'updateNode', id: id('nope'), patch: { name: 'x' } })).toBe('unknown_node');
    expect(refusal(agents, { type: 'updateNode', id: id('w1'), patch: { id: 'x' } as never })).toBe('invalid_change');
  });

  it('renameNode renames the executor, its edges, its layout entry (in place) and the start', () => {
    const next = roundTrip(base, { type: 'renameNode', from: id('a'), to: id('writer') });
    expect(next.workflow.start).toBe('writer');
    expect(next.workflow.edges).toEqual([{ from: 'writer', to: 'b' }]);
    expect(Object.keys(next.layout ?? {})).toEqual(['writer', 'c']);
    expect(refusal(base, { type: 'renameNode', from: id('a'), to: id('b') })).toBe('id_taken');
    expect(refusal(base, { type: 'renameNode', from: id('zz'), to: id('y') })).toBe('unknown_node');
    expect(applyChange(base, { type: 'renameNode', from: id('a'), to: id('a') })).toEqual({ definition: base, inverse: [] });
  });

  it('setStart moves the start marker', () => {
    const next = roundTrip(base, { type: 'setStart', start: 'c' });
    expect(
      nodesOf(next)
        .filter((node) => node.isStart)
        .map((node) => node.id),
    ).toEqual(['c']);
  });
});

describe('edge changes', () => {
  it('addEdge adds every shape at a position', () => {
    const shapes = [
      { from: 'b', to: 'c', condition: 'message > 1' },
      { from: 'a', to: ['b', 'c'] },
      { from: ['a', 'b'], to: 'c' },
      { from: 'c', switch: [{ when: 'message', to: 'a' }, { default: 'b' }] },
    ];
    for (const edge of shapes) expect(roundTrip(base, { type: 'addEdge', edge, index: 0 }).workflow.edges?.[0]).toBe(edge);
    expect(refusal(base, { type: 'addEdge', edge: { from: 'a' } as never })).toBe('invalid_change');
    expect(refusal(base, { type: 'addEdge', edge: { from: 'a', to: 'b' }, index: 5 })).toBe('unknown_edge');
  });

  it('addEdge does not check that the executors exist (validation reports a dangling edge)', () => {
    expect(roundTrip(base, { type: 'addEdge', edge: { from: 'a', to: 'ghost' } }).workflow.edges).toHaveLength(2);
  });

  it('removeEdges removes whole edges and drops an emptied list', () => {
    const next = roundTrip(base, { type: 'removeEdges', ids: [edgeRef(0)] });
    expect(next.workflow).not.toHaveProperty('edges');
    expect(refusal(base, { type: 'removeEdges', ids: [edgeRef(4)] })).toBe('unknown_edge');
    expect(refusal(base, { type: 'removeEdges', ids: [edgeRef(0, 1)] })).toBe('unknown_edge');
  });

  it('updateEdge edits the condition, the switch cases and the targets, keeping a valid shape', () => {
    const conditional = roundTrip(base, { type: 'updateEdge', index: 0, patch: { condition: 'message.ok' } });
    expect(conditional.workflow.edges).toEqual([{ from: 'a', to: 'b', condition: 'message.ok' }]);
    const fanOut = roundTrip(conditional, { type: 'updateEdge', index: 0, patch: { to: ['b', 'c'], condition: null } });
    expect(fanOut.workflow.edges).toEqual([{ from: 'a', to: ['b', 'c'] }]);
    const cases = [{ when: 'message.x', to: 'b' }, { default: 'c' }];
    const toSwitch = roundTrip(fanOut, { type: 'updateEdge', index: 0, patch: { to: null, switch: cases } });
    expect(toSwitch.workflow.edges).toEqual([{ from: 'a', switch: cases }]);
    expect(refusal(base, { type: 'updateEdge', index: 0, patch: { switch: cases } })).toBe('invalid_change');
    expect(refusal(base, { type: 'updateEdge', index: 0, patch: { to: null } })).toBe('invalid_change');
    expect(refusal(base, { type: 'updateEdge', index: 0, patch: { weight: 1 } as never })).toBe('invalid_change');
    expect(refusal(base, { type: 'updateEdge', index: 1, patch: {} })).toBe('unknown_edge');
  });
});

describe('workflow changes', () => {
  it('setWorkflowMeta sets and removes settings', () => {
    const next = roundTrip(base, { type: 'setWorkflowMeta', patch: { name: 'renamed', max_iterations: 7, input: { type: 'string' } } });
    expect(next.workflow).toMatchObject({ name: 'renamed', max_iterations: 7, input: { type: 'string' } });
    expect(roundTrip(next, { type: 'setWorkflowMeta', patch: { max_iterations: null } }).workflow).not.toHaveProperty('max_iterations');
    expect(refusal(base, { type: 'setWorkflowMeta', patch: { start: 'b' } as never })).toBe('invalid_change');
    expect(refusal(base, { type: 'setWorkflowMeta', patch: { name: null } as never })).toBe('invalid_change');
  });

  it('replaceDocument swaps the document, refusing one the canvas cannot hold', () => {
    const other = workflowOf(['x']);
    expect(roundTrip(base, { type: 'replaceDocument', definition: other })).toBe(other);
    expect(refusal(base, { type: 'replaceDocument', definition: { workflow: {} } as never })).toBe('invalid_change');
  });

  it('applyChanges is all or nothing and answers one inverse for the batch', () => {
    const batch: GraphChange[] = [
      { type: 'addNode', node: { id: 'd', type: 'output' }, position: null },
      { type: 'addEdge', edge: { from: 'c', to: 'd' } },
      { type: 'renameNode', from: id('d'), to: id('done') },
    ];
    const { definition, inverse } = applyChanges(base, batch);
    expect(definition.workflow.edges?.[1]).toEqual({ from: 'c', to: 'done' });
    expect(applyChanges(definition, inverse).definition).toStrictEqual(base);
    expect(() => applyChanges(base, [...batch, { type: 'removeNodes', ids: [id('zz')] }])).toThrow(ModelError);
  });
});
