import { describe, expect, it } from 'vitest';
import { describeRun, formatDuration, prettyValue } from './describeOutcome.ts';
import { NO_RUN, startingRun, type RunState } from './runState.ts';

const ended = (outcome: RunState['outcome'], extra: Partial<RunState> = {}): RunState => ({
  ...startingRun('r', [], 0, false),
  phase: 'ended',
  outcome,
  ...extra,
});

describe('describeRun', () => {
  it('says where a run is', () => {
    expect(describeRun(NO_RUN)).toBe('Not run yet.');
    expect(describeRun(startingRun('r', [], 0, true))).toBe('Resuming from the latest checkpoint…');
    expect(describeRun({ ...NO_RUN, phase: 'running', superstep: 3 })).toBe('Running: superstep 3.');
    expect(describeRun({ ...NO_RUN, phase: 'waiting', pending: [{ requestId: 'q', executorId: 'a', data: 1, responseType: 'any' }] })).toBe(
      'Waiting for a person: 1 question to answer.',
    );
  });

  it('says how a run ended', () => {
    const spans = [{ superstep: 1, startedAt: 0, nodeIds: [] }];
    expect(describeRun(ended({ reason: 'finished', state: 'idle', durationMs: 1 }, { supersteps: spans }))).toBe(
      'Finished: 0 outputs in 1 superstep.',
    );
    expect(
      describeRun(
        ended({ reason: 'failed', state: 'failed', durationMs: 1, executorId: 'x', error: { name: 'TypeError', message: 'boom' } }),
      ),
    ).toBe('Failed in “x”: TypeError: boom');
    expect(describeRun(ended({ reason: 'cancelled', state: 'cancelled', durationMs: 1 }))).toBe('Stopped by you after 0 supersteps.');
    expect(
      describeRun(
        ended({
          reason: 'load_failed',
          state: 'failed',
          durationMs: 1,
          problems: [
            { code: 'a', message: 'bad start', path: [] },
            { code: 'b', message: 'other', path: [] },
          ] as never,
        }),
      ),
    ).toBe('The workflow did not load, so nothing ran: bad start (and 1 more problem)');
    expect(describeRun(ended({ reason: 'host_lost', state: 'failed', durationMs: 1 }))).toContain('stopped unexpectedly');
    expect(describeRun(ended(undefined))).toBe('Stopped before the engine started.');
  });
});

describe('formatDuration and prettyValue', () => {
  it('formats durations', () => {
    expect(formatDuration(12.4)).toBe('12 ms');
    expect(formatDuration(2345)).toBe('2.35 s');
    expect(formatDuration(12_345)).toBe('12.3 s');
    expect(formatDuration(185_000)).toBe('3 min 5 s');
  });

  it('pretty-prints values in full', () => {
    expect(prettyValue('text')).toBe('text');
    expect(prettyValue({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(prettyValue(undefined)).toBe('undefined');
    expect(prettyValue(5n)).toBe('"5n"');
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(prettyValue(cycle)).toBe('(a value with a cycle, which cannot be shown as JSON)');
  });
});
