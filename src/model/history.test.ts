import type { WorkflowDefinition } from '@trellis/engine';
import { describe, expect, it } from 'vitest';
import { applyChanges, type GraphChange } from './changes.ts';
import { asNodeId } from './graph.ts';
import { canRedo, canUndo, createHistory, record, redo, undo, type History, type RecordOptions } from './history.ts';
import { deepFreeze, workflowOf } from './test/support.ts';

const a = asNodeId('a');
const start = workflowOf(['a', 'b'], [], { a: { x: 0, y: 0 } });

/** A tiny store: applies changes and records them as a store action would. */
function editor(definition: WorkflowDefinition = start, history: History = createHistory()) {
  const state = { definition, history };
  return {
    state,
    apply(changes: GraphChange[], options: RecordOptions) {
      const result = applyChanges(state.definition, changes);
      state.definition = deepFreeze(result.definition);
      state.history = record(state.history, changes, result.inverse, options);
    },
    undo() {
      ({ history: state.history, definition: state.definition } = undo(state.history, state.definition));
    },
    redo() {
      ({ history: state.history, definition: state.definition } = redo(state.history, state.definition));
    },
  };
}

const move = (x: number): GraphChange[] => [{ type: 'moveNodes', moves: [{ id: a, position: { x, y: 0 } }] }];
const type = (text: string): GraphChange[] => [{ type: 'updateNode', id: a, patch: { expression: text } }];

describe('history', () => {
  it('squashes a 30-tick drag with one mergeKey into one undo step holding one move', () => {
    const e = editor();
    for (let tick = 1; tick <= 30; tick++) e.apply(move(tick * 10), { mode: 'merge', mergeKey: 'drag:a', at: tick * 16 });
    expect(e.state.history.past).toHaveLength(1);
    expect(e.state.history.past[0]?.changes).toEqual(move(300));
    expect(e.state.history.past[0]?.inverse).toEqual(move(0));
    e.undo();
    expect(e.state.definition).toStrictEqual(start);
    expect(canUndo(e.state.history)).toBe(false);
    e.redo();
    expect(e.state.definition.layout?.a).toEqual({ x: 300, y: 0 });
  });

  it('squashes a burst of typing, and starts a new step after a pause or on another field', () => {
    const e = editor();
    for (const [i, text] of ['i', 'in', 'inp', 'inpu', 'input'].entries())
      e.apply(type(text), { mode: 'merge', mergeKey: 'type:a:expression', at: i * 100 });
    e.apply(type('input + 1'), { mode: 'merge', mergeKey: 'type:a:expression', at: 5000 });
    e.apply([{ type: 'updateNode', id: a, patch: { description: 'd' } }], { mode: 'merge', mergeKey: 'type:a:description', at: 5001 });
    expect(e.state.history.past).toHaveLength(3);
    e.undo();
    e.undo();
    expect(e.state.definition.workflow.executors[0]).toMatchObject({ expression: 'input' });
    e.undo();
    expect(e.state.definition).toStrictEqual(start);
  });

  it('does not merge into a step across an undo', () => {
    const e = editor();
    e.apply(move(10), { mode: 'merge', mergeKey: 'drag:a', at: 0 });
    e.apply(move(20), { mode: 'record' });
    e.undo();
    e.apply(move(30), { mode: 'merge', mergeKey: 'drag:a', at: 1 });
    expect(e.state.history.past).toHaveLength(2);
  });

  it('clears redo on a new step, not on an ignored change', () => {
    const e = editor();
    e.apply(move(10), { mode: 'record' });
    e.undo();
    e.apply([{ type: 'setWorkflowMeta', patch: { description: 'loaded' } }], { mode: 'ignore' });
    expect(canRedo(e.state.history)).toBe(true);
    e.apply(move(20), { mode: 'record' });
    expect(canRedo(e.state.history)).toBe(false);
    expect(e.state.history.past).toHaveLength(1);
  });

  it('keeps at most `limit` steps, dropping the oldest', () => {
    const e = editor(start, createHistory({ limit: 3 }));
    for (let x = 1; x <= 5; x++) e.apply(move(x), { mode: 'record' });
    expect(e.state.history.past.map((entry) => entry.changes)).toEqual([move(3), move(4), move(5)]);
  });

  it('records nothing for an empty batch, and undo/redo with empty stacks change nothing', () => {
    const history = createHistory();
    expect(record(history, [], [], { mode: 'record' })).toBe(history);
    expect(undo(history, start)).toEqual({ history, definition: start, applied: [] });
    expect(redo(history, start)).toEqual({ history, definition: start, applied: [] });
  });

  it('answers the applied changes, for autosave and validation', () => {
    const e = editor();
    e.apply(move(10), { mode: 'record' });
    expect(undo(e.state.history, e.state.definition).applied).toEqual(move(0));
  });

  it('clears the history instead of throwing when an ignored edit made a step impossible', () => {
    const e = editor();
    e.apply([{ type: 'addNode', node: { id: 'c', type: 'output' }, position: null }], { mode: 'record' });
    e.apply([{ type: 'renameNode', from: asNodeId('c'), to: asNodeId('d') }], { mode: 'ignore' });
    const step = undo(e.state.history, e.state.definition);
    expect(step.conflict?.code).toBe('unknown_node');
    expect(step.definition).toBe(e.state.definition);
    expect(canUndo(step.history) || canRedo(step.history)).toBe(false);
  });
});
