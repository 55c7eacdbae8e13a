// build() refuses invalid graphs with a WorkflowValidationError whose code and ids say what is wrong.
import { describe, expect, it } from 'vitest';
import { Case, Default, WorkflowBuilder, WorkflowValidationError, executor, type ValidationCode } from '../src/index.js';
import { relay, sink } from './helpers.js';

function buildError(fn: () => unknown): WorkflowValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof WorkflowValidationError) return error;
    throw error;
  }
  throw new Error('expected a WorkflowValidationError');
}

describe('WorkflowBuilder.build() validation', () => {
  it('DUPLICATE_EXECUTOR_ID: two executors with one id', () => {
    const a = relay('a');
    const error = buildError(() => new WorkflowBuilder({ startExecutor: a }).addEdge(a, sink('dup')).addEdge(a, relay('dup')).build());
    expect(error.code).toBe<ValidationCode>('DUPLICATE_EXECUTOR_ID');
    expect(error.executorIds).toEqual(['dup']);
    expect(error.name).toBe('WorkflowValidationError');
    expect(error.message).toMatch(/two different executors have the id 'dup'/);
  });

  it('INVALID_EDGE_GROUP: an edge to an executor not in the graph', () => {
    const a = relay('a');
    const error = buildError(() => new WorkflowBuilder({ startExecutor: a }).addEdge(a, 'ghost').build());
    expect(error.code).toBe('INVALID_EDGE_GROUP');
    expect(error.executorIds).toEqual(['ghost']);
    expect(error.edges).toEqual([{ source: 'a', target: 'ghost' }]);
    expect(error.message).toMatch(/the edge a -> ghost refers to executor 'ghost', which is not in the graph/);
  });

  it('accepts an id for an executor added elsewhere', () => {
    const a = relay('a');
    const b = sink('b');
    expect(() => new WorkflowBuilder({ startExecutor: a }).addExecutor(b).addEdge('a', 'b').build()).not.toThrow();
  });

  it('INVALID_EDGE_GROUP: a switch-case without Default', () => {
    const a = relay('a');
    const error = buildError(() =>
      new WorkflowBuilder({ startExecutor: a }).addSwitchCaseEdgeGroup(a, [new Case(() => true, sink('b'))]).build(),
    );
    expect(error.code).toBe('INVALID_EDGE_GROUP');
    expect(error.executorIds).toEqual(['a', 'b']);
    expect(error.message).toMatch(/switch-case from a: it has no Default/);
  });

  it('INVALID_EDGE_GROUP: a Default that is not last, or two Defaults, or no Case', () => {
    const a = relay('a');
    const b = sink('b');
    const c = sink('c');
    expect(
      buildError(() =>
        new WorkflowBuilder({ startExecutor: a }).addSwitchCaseEdgeGroup(a, [new Default(b), new Case(() => true, c)]).build(),
      ).message,
    ).toMatch(/Default must be the last entry/);
    expect(
      buildError(() =>
        new WorkflowBuilder({ startExecutor: a })
          .addSwitchCaseEdgeGroup(a, [new Case(() => true, c), new Default(b), new Default(c)])
          .build(),
      ).message,
    ).toMatch(/2 Defaults/);
    expect(buildError(() => new WorkflowBuilder({ startExecutor: a }).addSwitchCaseEdgeGroup(a, [new Default(b)]).build()).message).toMatch(
      /at least one Case/,
    );
  });

  it('INVALID_EDGE_GROUP: a fan-in with one source, a fan-out with one target', () => {
    const a = relay('a');
    const b = sink('b');
    const fanIn = buildError(() => new WorkflowBuilder({ startExecutor: a }).addFanInEdges([a], b).build());
    expect(fanIn.code).toBe('INVALID_EDGE_GROUP');
    expect(fanIn.executorIds).toEqual(['a', 'b']);
    expect(fanIn.message).toMatch(/fan-in into 'b' needs at least two distinct sources, got 1/);
    const fanOut = buildError(() => new WorkflowBuilder({ startExecutor: a }).addFanOutEdges(a, [b, b]).build());
    expect(fanOut.message).toMatch(/fan-out from 'a' needs at least two distinct targets, got 1/);
  });

  it('DUPLICATE_EDGE: the same edge twice', () => {
    const a = relay('a');
    const b = sink('b');
    const error = buildError(() =>
      new WorkflowBuilder({ startExecutor: a })
        .addEdge(a, b)
        .addEdge(a, b, { condition: () => true })
        .build(),
    );
    expect(error.code).toBe('DUPLICATE_EDGE');
    expect(error.edges).toEqual([{ source: 'a', target: 'b' }]);
  });

  it('UNREACHABLE_EXECUTOR: an executor the start cannot reach', () => {
    const a = relay('a');
    const island = relay('island');
    const error = buildError(() => new WorkflowBuilder({ startExecutor: a }).addEdge(a, sink('b')).addEdge(island, sink('c')).build());
    expect(error.code).toBe('UNREACHABLE_EXECUTOR');
    expect(error.executorIds).toEqual(['island', 'c']);
  });

  it('MISSING_START: no start executor, or one not in the graph', () => {
    const noStart = buildError(() => new WorkflowBuilder({} as never).build());
    expect(noStart.code).toBe('MISSING_START');
    const unknown = buildError(() => new WorkflowBuilder({ startExecutor: 'nobody' }).addEdge(relay('a'), sink('b')).build());
    expect(unknown.code).toBe('MISSING_START');
    expect(unknown.executorIds).toEqual(['nobody']);
  });

  it('TYPE_MISMATCH: declared output and input types that can never meet', () => {
    const numbers = executor({ id: 'numbers', output: 'number' }, async () => {});
    const strings = executor({ id: 'strings', input: 'string' }, async () => {});
    const error = buildError(() => new WorkflowBuilder({ startExecutor: numbers }).addEdge(numbers, strings).build());
    expect(error.code).toBe('TYPE_MISMATCH');
    expect(error.edges).toEqual([{ source: 'numbers', target: 'strings' }]);
    expect(error.message).toMatch(/'numbers' sends number but 'strings' accepts string/);
  });

  it('TYPE_MISMATCH: a fan-in target that cannot take a list', () => {
    const src = relay('src');
    const a = executor({ id: 'a', output: 'string' }, async () => {});
    const b = executor({ id: 'b', output: 'string' }, async () => {});
    const join = executor({ id: 'join', input: 'string' }, async () => {});
    const error = buildError(() =>
      new WorkflowBuilder({ startExecutor: src }).addFanOutEdges(src, [a, b]).addFanInEdges([a, b], join).build(),
    );
    expect(error.code).toBe('TYPE_MISMATCH');
    expect(error.message).toMatch(/sends a list/);
  });

  it('lists every problem in issues, the first one in code', () => {
    const a = relay('a');
    const error = buildError(() => new WorkflowBuilder({ startExecutor: a }).addEdge(a, 'x').addFanInEdges([a], sink('b')).build());
    // the invalid fan-in is left out of the graph, so its target is also reported unreachable
    expect(error.issues.map((i) => i.code)).toEqual(['INVALID_EDGE_GROUP', 'INVALID_EDGE_GROUP', 'UNREACHABLE_EXECUTOR']);
    expect(error.message).toMatch(/\(and 2 more: INVALID_EDGE_GROUP, UNREACHABLE_EXECUTOR\)$/);
  });

  it('rejects an empty executor id at construction', () => {
    expect(() => relay('')).toThrow(/non-empty string/);
  });

  it('builds a chain with addChain, and refuses a chain of one', () => {
    const [a, b, c] = [relay('a'), relay('b'), sink('c')];
    const workflow = new WorkflowBuilder({ startExecutor: a }).addChain([a, b, c]).build();
    expect(workflow.getEdgeGroups().map((g) => (g.kind === 'single' ? `${g.source}->${g.target}` : g.kind))).toEqual(['a->b', 'b->c']);
    expect(buildError(() => new WorkflowBuilder({ startExecutor: a }).addChain([a]).build()).code).toBe('INVALID_EDGE_GROUP');
  });
});
