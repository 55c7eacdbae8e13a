import type { WorkflowDefinition } from '@trellis/engine';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { definitionArb } from '../../engine/test/yaml-fuzz-arbitraries.ts';
import { applyChanges, type GraphChange } from './changes.ts';
import { canRedo, canUndo, createHistory, record, redo, undo } from './history.ts';
import { isCanvasDocument } from './shape.ts';
import { changesFor, seedArb } from './test/change-arbitrary.ts';
import { deepFreeze } from './test/support.ts';

/**
 * The arbitrary definitions as a parsed file gives them: plain JSON objects (fast-check's records
 * have no prototype, which `toStrictEqual` tells apart), and the model's normal form: it drops an
 * `edges` list or `layout` a change empties (so adding the first edge and undoing it gives the file
 * back), so an empty one in the input would come back dropped.
 */
function normal(generated: WorkflowDefinition): WorkflowDefinition {
  const definition = JSON.parse(JSON.stringify(generated)) as WorkflowDefinition;
  const { edges, ...body } = definition.workflow;
  const { layout, ...rest } = definition;
  return deepFreeze({
    ...rest,
    workflow: edges === undefined || edges.length === 0 ? body : { ...body, edges },
    ...(layout === undefined || Object.keys(layout).length === 0 ? {} : { layout }),
  });
}

const scenario = fc.tuple(definitionArb.map(normal), fc.array(seedArb, { maxLength: 15 }));

/** Applies each seed's changes in turn: every state, and the changes and inverses applied. */
function run(start: WorkflowDefinition, seeds: readonly (readonly number[])[]) {
  const states = [start];
  const steps: { changes: GraphChange[]; inverse: GraphChange[] }[] = [];
  let current = start;
  for (const seed of seeds) {
    const changes = changesFor(current, seed);
    const result = applyChanges(current, changes);
    // frozen: a later change that mutated an earlier state (shared with the history) would throw
    current = deepFreeze(result.definition);
    states.push(current);
    steps.push({ changes, inverse: result.inverse });
  }
  return { states, steps };
}

describe('every change has an exact inverse', () => {
  it('applying random valid changes, then all the inverses, gives the definition back', () => {
    fc.assert(
      fc.property(scenario, ([start, seeds]) => {
        const { states, steps } = run(start, seeds);
        let current = states.at(-1) ?? start;
        // through JSON: changes are plain data, so they can cross a worker or tab boundary, or be saved
        for (const step of [...steps].reverse())
          current = applyChanges(current, JSON.parse(JSON.stringify(step.inverse)) as GraphChange[]).definition;
        expect(current).toStrictEqual(start);
        for (const state of states) expect(isCanvasDocument(state)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('undo walks back through every state and redo forward again to the same result', () => {
    fc.assert(
      fc.property(scenario, ([start, seeds]) => {
        const { states, steps } = run(start, seeds);
        let history = createHistory();
        for (const step of steps) history = record(history, step.changes, step.inverse, { mode: 'record' });
        let current = states.at(-1) ?? start;
        for (let i = states.length - 2; i >= 0; i--) {
          ({ history, definition: current } = undo(history, current));
          expect(current).toStrictEqual(states[i]);
        }
        for (let i = 1; i < states.length; i++) {
          ({ history, definition: current } = redo(history, current));
          expect(current).toStrictEqual(states[i]);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('merged gestures undo to where they began and redo to where they ended', () => {
    const timed = fc.array(fc.tuple(seedArb, fc.nat(3), fc.nat(1500)), { maxLength: 20 });
    fc.assert(
      fc.property(definitionArb.map(normal), timed, (start, edits) => {
        let history = createHistory();
        let current = start;
        let at = 0;
        for (const [seed, key, gap] of edits) {
          const changes = changesFor(current, seed);
          const result = applyChanges(current, changes);
          current = deepFreeze(result.definition);
          at += gap;
          const options = key === 0 ? ({ mode: 'record' } as const) : ({ mode: 'merge', mergeKey: `k${String(key)}`, at } as const);
          history = record(history, changes, result.inverse, options);
        }
        const end = current;
        while (canUndo(history)) ({ history, definition: current } = undo(history, current));
        expect(current).toStrictEqual(start);
        while (canRedo(history)) ({ history, definition: current } = redo(history, current));
        expect(current).toStrictEqual(end);
      }),
      { numRuns: 200 },
    );
  });
});
