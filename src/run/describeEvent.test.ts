import { describe, expect, it } from 'vitest';
import { describeEvent, eventExecutorId, preview } from './describeEvent.ts';

describe('describeEvent', () => {
  it('summarises the fields the event log shows', () => {
    expect(describeEvent({ type: 'workflow_start', runId: 'run_1', workflowName: 'linear' })).toBe('linear (run_1)');
    expect(describeEvent({ type: 'workflow_complete', state: 'idle' })).toBe('state idle');
    expect(describeEvent({ type: 'superstep_start', superstep: 2 })).toBe('superstep 2');
    expect(describeEvent({ type: 'executor_start', executorId: 'step1', data: 'hello' })).toBe('step1 ← "hello"');
    expect(describeEvent({ type: 'executor_output', executorId: 'a', targetId: 'b', data: 1 })).toBe('a → b: 1');
    expect(describeEvent({ type: 'error', executorId: 'x', error: { name: 'Error', message: 'boom' } })).toBe('x: Error: boom');
    expect(describeEvent({ type: 'error', error: { name: 'TypeError', message: 'bad' } })).toBe('TypeError: bad');
  });

  it('finds the executor an event is about', () => {
    expect(eventExecutorId({ type: 'executor_complete', executorId: 'step3', durationMs: 0 })).toBe('step3');
    expect(eventExecutorId({ type: 'message_dropped', sourceId: 's', reason: 'no_edge_to_target', data: null })).toBe('s');
    expect(eventExecutorId({ type: 'workflow_status', state: 'in_progress' })).toBeUndefined();
  });
});

describe('preview', () => {
  it('shows JSON, falls back to String, and truncates', () => {
    expect(preview({ a: [1, 'x'] })).toBe('{"a":[1,"x"]}');
    expect(preview(undefined)).toBe('undefined');
    expect(preview(10n)).toBe('10');
    const long = preview('y'.repeat(200));
    expect(long).toHaveLength(80);
    expect(long.endsWith('…')).toBe(true);
  });
});
