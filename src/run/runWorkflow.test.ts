import { WorkflowBuilder, executor, type WorkflowEvent } from '@trellis/engine';
import { describe, expect, it } from 'vitest';
import { createLinearWorkflow } from '../examples/linearExample.ts';
import { describeError, runWorkflow } from './runWorkflow.ts';

function failingWorkflow() {
  const start = executor({ id: 'start', input: 'string' }, async () => {
    await Promise.resolve();
    throw new Error('boom');
  });
  return new WorkflowBuilder({ startExecutor: start, name: 'failing' }).build();
}

describe('runWorkflow', () => {
  it('streams the linear example and collects its output', async () => {
    const events: WorkflowEvent[] = [];
    const outcome = await runWorkflow(createLinearWorkflow, 'hello', (event) => events.push(event));

    expect(outcome).toEqual({ state: 'idle', outputs: ['!!!OLLEH'], error: undefined });
    expect(events[0]?.type).toBe('workflow_start');
    expect(events.at(-1)).toEqual({ type: 'workflow_complete', state: 'idle' });
    const started = events.flatMap((event) => (event.type === 'executor_start' ? [event.executorId] : []));
    expect(started).toEqual(['step1', 'step2', 'step3']);
  });

  it('reports a failed run as an outcome, after its last events', async () => {
    const events: WorkflowEvent[] = [];
    const outcome = await runWorkflow(failingWorkflow, 'x', (event) => events.push(event));

    expect(outcome.state).toBe('failed');
    expect(outcome.outputs).toEqual([]);
    expect(outcome.error).toMatch(/^WorkflowRunError: .*boom/);
    expect(events.map((event) => event.type)).toContain('error');
    expect(events.at(-1)).toEqual({ type: 'workflow_complete', state: 'failed' });
  });

  it('reports an input the start executor cannot take', async () => {
    const outcome = await runWorkflow(createLinearWorkflow, 42, () => undefined);
    expect(outcome.state).toBe('failed');
    expect(outcome.error).toContain('cannot take the input');
  });

  it('reports a workflow that fails to build', async () => {
    const outcome = await runWorkflow(
      () => {
        throw new TypeError('bad graph');
      },
      'x',
      () => undefined,
    );
    expect(outcome).toEqual({ state: 'failed', outputs: [], error: 'TypeError: bad graph' });
  });
});

describe('describeError', () => {
  it('names the error and its message', () => {
    expect(describeError(new RangeError('too big'))).toBe('RangeError: too big');
    expect(describeError(new Error(''))).toBe('Error');
    expect(describeError('plain')).toBe('Error: plain');
  });
});
