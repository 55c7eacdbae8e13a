import type { WorkflowEvent } from '@trellis/engine';
import { describe, expect, it } from 'vitest';
import type { RunMessage, RunOutcome } from '../engine-host/protocol.ts';
import { answerableResponses, endWithEngineError, markAnswered } from './runCommands.ts';
import { applyRunMessages } from './runReducer.ts';
import { startingRun, type RunState } from './runState.ts';

let clock = 1;
function batch(...events: WorkflowEvent[]): RunMessage {
  return { type: 'events', runId: 'r1', events: events.map((event) => ({ at: clock++, event })) };
}
function ended(outcome: Partial<RunOutcome> = {}): RunMessage {
  return { type: 'run_ended', runId: 'r1', outcome: { reason: 'finished', state: 'idle', durationMs: 5, ...outcome } };
}
const ask = (requestId: string, executorId: string): WorkflowEvent => ({
  type: 'request_info',
  requestId,
  executorId,
  data: { prompt: `${executorId}?` },
  responseType: 'boolean',
});
const apply = (state: RunState, ...messages: RunMessage[]) => applyRunMessages(state, messages);

/** A run waiting on q1 (node a) and q2 (node b). */
function waitingOnTwo(): RunState {
  return apply(
    startingRun('r1', [], 0, false),
    batch(ask('q1', 'a'), ask('q2', 'b'), { type: 'workflow_status', state: 'idle_with_pending_requests' }),
    ended({ state: 'idle_with_pending_requests' }),
  );
}
const refusal = ended({
  reason: 'failed',
  state: 'idle_with_pending_requests',
  error: { name: 'ResponseError', message: 'q1 wants a boolean' },
});

describe('answering a request', () => {
  it('keeps an answered request, marked sending, until the continuation’s events arrive', () => {
    const answered = markAnswered(waitingOnTwo(), ['q1']);
    expect(answered.phase).toBe('running');
    expect(answered.pending.map((request) => [request.requestId, request.sending])).toEqual([
      ['q1', true],
      ['q2', undefined],
    ]);
    expect(answered.continuations).toEqual([{ requestIds: ['q1'], taken: false }]);
    const taken = apply(answered, batch({ type: 'executor_start', executorId: 'a', data: true }));
    expect(taken.pending.map((request) => request.requestId)).toEqual(['q2']);
    expect(taken.nodes.a?.status).toBe('running');
  });

  it('gives a refused answer’s question back with the engine’s reason, and waits again', () => {
    const waiting = waitingOnTwo();
    const refused = apply(markAnswered(waiting, ['q1']), refusal);
    expect(refused.phase).toBe('waiting');
    expect(refused.state).toBe('idle_with_pending_requests');
    expect(refused.pending).toEqual([
      { requestId: 'q1', executorId: 'a', data: { prompt: 'a?' }, responseType: 'boolean', refusal: 'q1 wants a boolean' },
      { requestId: 'q2', executorId: 'b', data: { prompt: 'b?' }, responseType: 'boolean' },
    ]);
    expect(refused.nodes.a?.status).toBe('waiting');
    expect(refused.outcome).toEqual(waiting.outcome);
    expect(refused.continuations).toEqual([]);
    // Answered again: the old reason goes.
    expect(markAnswered(refused, ['q1']).pending[0]).not.toHaveProperty('refusal');
  });

  it('lets the other questions be answered while an answer is on its way, and waits for every continuation', () => {
    const first = markAnswered(waitingOnTwo(), ['q1']);
    expect(answerableResponses(first, { q1: true, q2: false, q9: true })).toEqual({ q2: false });
    const both = markAnswered(first, ['q2']);
    expect(both.continuations.map((continuation) => continuation.requestIds)).toEqual([['q1'], ['q2']]);
    const afterFirst = apply(
      both,
      batch({ type: 'executor_start', executorId: 'a', data: true }, { type: 'executor_complete', executorId: 'a', durationMs: 1 }),
      ended({ state: 'idle_with_pending_requests' }),
    );
    expect(afterFirst.phase).toBe('running');
    expect(afterFirst.pending.map((request) => [request.requestId, request.sending])).toEqual([['q2', true]]);
    expect(afterFirst.nodes.b?.status).toBe('queued');
    const refusedSecond = apply(afterFirst, refusal);
    expect(refusedSecond.phase).toBe('waiting');
    expect(refusedSecond.pending.map((request) => [request.requestId, request.refusal])).toEqual([['q2', 'q1 wants a boolean']]);
  });

  it('ends the run when the host is lost or the run stopped, whatever answers were still queued', () => {
    for (const reason of ['host_lost', 'cancelled'] as const) {
      const queued = markAnswered(markAnswered(waitingOnTwo(), ['q1']), ['q2']);
      const lost = apply(queued, ended({ reason, state: reason === 'cancelled' ? 'cancelled' : 'failed' }));
      expect(lost).toMatchObject({ phase: 'ended', pending: [], continuations: [] });
      expect(lost.nodes.a?.status).not.toBe('queued');
    }
  });

  it('answers nothing once the run ended, or before it started', () => {
    expect(answerableResponses(startingRun('r1', [], 0, false), { q1: true })).toEqual({});
    const over = apply(waitingOnTwo(), ended({ reason: 'cancelled', state: 'cancelled' }));
    expect(answerableResponses(over, { q1: true })).toEqual({});
  });
});

describe('endWithEngineError', () => {
  it('ends a run the engine client could not take, its queued nodes back to what they were', () => {
    const starting = startingRun('r1', [], 0, false, 'a');
    expect(starting.nodes.a?.status).toBe('queued');
    const failed = endWithEngineError(starting, 'The engine could not take the command: DataCloneError');
    expect(failed).toMatchObject({
      phase: 'ended',
      state: 'failed',
      outcome: { reason: 'failed', error: { message: 'The engine could not take the command: DataCloneError' } },
    });
    expect(failed.nodes.a?.status).toBe('idle');
    expect(endWithEngineError(failed, 'again')).toBe(failed);
  });
});
