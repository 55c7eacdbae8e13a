import type { EdgeDefinition, WorkflowDefinition } from '@trellis/engine';
import { describe, expect, it } from 'vitest';
import { applyChange, applyChanges, type GraphChange } from './changes.ts';
import { asNodeId, edgeRef, type EdgeRef } from './graph.ts';
import { deepFreeze, workflowOf } from './test/support.ts';

/** Edge repair when nodes or single connections go: what is left stays valid, and undo restores all. */

function apply(definition: WorkflowDefinition, change: GraphChange): WorkflowDefinition {
  const { definition: next, inverse } = applyChange(definition, change);
  expect(applyChanges(deepFreeze(next), inverse).definition).toStrictEqual(definition);
  return next;
}

const remove = (definition: WorkflowDefinition, ...ids: string[]): WorkflowDefinition =>
  apply(definition, { type: 'removeNodes', ids: ids.map(asNodeId) });

const edgesAfter = (ids: string[], edges: EdgeDefinition[], ...removed: string[]): EdgeDefinition[] | undefined =>
  remove(workflowOf(ids, edges), ...removed).workflow.edges;

describe('removeNodes repairs the edges touching the removed nodes', () => {
  it('removes plain and conditional edges, and drops the emptied edge list', () => {
    const edges = [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c', condition: 'message' },
      { from: 'a', to: 'c' },
    ];
    expect(edgesAfter(['a', 'b', 'c'], edges, 'b')).toEqual([{ from: 'a', to: 'c' }]);
    expect(edgesAfter(['a', 'b', 'c'], edges, 'a', 'c')).toBeUndefined();
  });

  it('shrinks a fan-out, collapsing it to a plain edge when one target is left', () => {
    const edges = [{ from: 'a', to: ['b', 'c', 'd'] }];
    expect(edgesAfter(['a', 'b', 'c', 'd'], edges, 'c')).toEqual([{ from: 'a', to: ['b', 'd'] }]);
    expect(edgesAfter(['a', 'b', 'c', 'd'], edges, 'b', 'd')).toEqual([{ from: 'a', to: 'c' }]);
    expect(edgesAfter(['a', 'b', 'c', 'd'], edges, 'a')).toBeUndefined();
  });

  it('shrinks a fan-in the same way', () => {
    const edges = [{ from: ['a', 'b'], to: 'c' }];
    expect(edgesAfter(['a', 'b', 'c'], edges, 'a')).toEqual([{ from: 'b', to: 'c' }]);
    expect(edgesAfter(['a', 'b', 'c'], edges, 'c')).toBeUndefined();
  });

  it('drops a switch case to a removed node', () => {
    const edges = [{ from: 's', switch: [{ when: 'message > 2', to: 'a' }, { when: 'message > 1', to: 'b' }, { default: 'c' }] }];
    const ids = ['s', 'a', 'b', 'c'];
    expect(edgesAfter(ids, edges, 'a')).toEqual([{ from: 's', switch: [{ when: 'message > 1', to: 'b' }, { default: 'c' }] }]);
    // the default alone routes everything: a plain edge
    expect(edgesAfter(ids, edges, 'a', 'b')).toEqual([{ from: 's', to: 'c' }]);
    // one case and no default: a conditional edge routes the same messages
    expect(edgesAfter(ids, edges, 'a', 'c')).toEqual([{ from: 's', to: 'b', condition: 'message > 1' }]);
    // two cases without a default stay a switch, which validation reports (invalid_switch)
    expect(edgesAfter(ids, edges, 'c')).toEqual([{ from: 's', switch: [edges[0]?.switch[0], edges[0]?.switch[1]] }]);
    expect(edgesAfter(ids, edges, 's')).toBeUndefined();
  });

  it('removes self-loops and keeps unrelated edges as the same objects', () => {
    const keep = { from: 'b', to: 'c' };
    const after = edgesAfter(['a', 'b', 'c'], [{ from: 'a', to: 'a' }, keep], 'a');
    expect(after).toEqual([keep]);
    expect(after?.[0]).toBe(keep);
  });

  it('removes the layout entries and moves the start to the node it led to', () => {
    const definition = workflowOf(['a', 'b', 'c'], [{ from: 'a', to: 'c' }], { a: { x: 0, y: 0 }, b: { x: 1, y: 0 } });
    const next = remove(definition, 'a');
    expect(next.workflow.start).toBe('c');
    expect(next.layout).toEqual({ b: { x: 1, y: 0 } });
    expect(remove(workflowOf(['a', 'b']), 'a').workflow.start).toBe('b');
    const empty = remove(workflowOf(['a']), 'a');
    expect(empty.workflow).toMatchObject({ start: '', executors: [] });
  });

  it('refuses an unknown id without changing anything', () => {
    expect(() => applyChange(workflowOf(['a']), { type: 'removeNodes', ids: [asNodeId('a'), asNodeId('zz')] })).toThrow(/no node 'zz'/);
  });
});

describe('removeEdges takes out single connections of a multi-member edge', () => {
  const definition = workflowOf(
    ['s', 'a', 'b', 'c'],
    [
      { from: 's', to: ['a', 'b', 'c'] },
      { from: ['a', 'b'], to: 'c' },
      { from: 's', switch: [{ when: 'message', to: 'a' }, { default: 'b' }] },
    ],
  );
  const after = (...ids: EdgeRef[]) => apply(definition, { type: 'removeEdges', ids }).workflow.edges;

  it('removes a fan-out target or a fan-in source', () => {
    expect(after(edgeRef(0, 1))?.[0]).toEqual({ from: 's', to: ['a', 'c'] });
    expect(after(edgeRef(1, 0))?.[1]).toEqual({ from: 'b', to: 'c' });
  });

  it('removes a switch case or its default', () => {
    expect(after(edgeRef(2, 'case0'))?.[2]).toEqual({ from: 's', to: 'b' });
    expect(after(edgeRef(2, 'default'))?.[2]).toEqual({ from: 's', to: 'a', condition: 'message' });
  });

  it('removes whole edges and members together, restoring both on undo', () => {
    expect(after(edgeRef(0), edgeRef(2, 'default'), edgeRef(1, 1))).toEqual([
      { from: 'a', to: 'c' },
      { from: 's', to: 'a', condition: 'message' },
    ]);
  });
});

describe('renameNode follows every reference', () => {
  it('renames the node in every edge shape', () => {
    const definition = workflowOf(
      ['a', 'b', 'c'],
      [
        { from: 'a', to: ['b', 'c'] },
        { from: ['b', 'a'], to: 'c' },
        { from: 'c', switch: [{ when: 'message', to: 'a' }, { default: 'a' }] },
        { from: 'b', to: 'c' },
      ],
    );
    const next = apply(definition, { type: 'renameNode', from: asNodeId('a'), to: asNodeId('z') });
    expect(next.workflow.edges).toEqual([
      { from: 'z', to: ['b', 'c'] },
      { from: ['b', 'z'], to: 'c' },
      { from: 'c', switch: [{ when: 'message', to: 'z' }, { default: 'z' }] },
      { from: 'b', to: 'c' },
    ]);
    expect(next.workflow.edges?.[3]).toBe(definition.workflow.edges?.[3]);
  });
});

describe('removeNodes undo', () => {
  it('gives back a cleared start when it re-adds the nodes of an emptied document', () => {
    const cleared = apply(workflowOf(['a']), { type: 'setStart', start: '' });
    expect(remove(cleared, 'a').workflow).toMatchObject({ start: '', executors: [] });
  });
});
