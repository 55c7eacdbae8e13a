import type { WorkflowEvent } from '@trellis/engine';
import { describe, expect, it } from 'vitest';
import type { RunMessage, RunOutcome } from '../engine-host/protocol.ts';
import { RunBacklog } from './runBacklog.ts';
import { LOG_LIMIT, logCountKey } from './runLog.ts';
import { markAnswered } from './runCommands.ts';
import { applyBacklog, applyRunMessages } from './runReducer.ts';
import { edgeKey, NO_RUN, startingRun, type RunGraphEdge, type RunState } from './runState.ts';

const LINEAR: RunGraphEdge[] = [
  { source: 'a', target: 'b', kind: 'plain' },
  { source: 'b', target: 'c', kind: 'plain' },
];

let clock = 1000;
function batch(runId: string, ...events: WorkflowEvent[]): RunMessage {
  return { type: 'events', runId, events: events.map((event) => ({ at: clock++, event })) };
}
function ended(runId: string, outcome: Partial<RunOutcome> = {}): RunMessage {
  return { type: 'run_ended', runId, outcome: { reason: 'finished', state: 'idle', durationMs: 12, ...outcome } };
}
function step(superstep: number, ...ids: string[]): WorkflowEvent[] {
  return [
    { type: 'superstep_start', superstep },
    ...ids.flatMap((id): WorkflowEvent[] => [
      { type: 'executor_start', executorId: id, data: `in-${id}` },
      { type: 'executor_output', executorId: id, data: `out-${id}` },
      { type: 'executor_complete', executorId: id, durationMs: 3 },
    ]),
    { type: 'superstep_complete', superstep },
  ];
}
function run(graph: readonly RunGraphEdge[], ...messages: RunMessage[]): RunState {
  return messages.reduce((state, message) => applyRunMessages(state, [message]), startingRun('r1', graph, 0, false));
}

describe('applyRunMessages', () => {
  it('follows a linear run: node states, counts, values, edges, timeline, outcome', () => {
    const state = run(
      LINEAR,
      batch('r1', { type: 'workflow_start', runId: 'x', workflowName: 'w' }, ...step(1, 'a'), ...step(2, 'b'), ...step(3, 'c')),
      batch('r1', { type: 'workflow_output', executorId: 'c', data: 'done!' }, { type: 'workflow_complete', state: 'idle' }),
      ended('r1'),
    );
    expect(state.phase).toBe('ended');
    expect(state.state).toBe('idle');
    expect(state.outcome?.reason).toBe('finished');
    expect(state.totalDurationMs).toBe(12);
    for (const id of ['a', 'b', 'c']) {
      expect(state.nodes[id]).toMatchObject({ status: 'done', runs: 1, lastDurationMs: 3, lastInput: { value: `in-${id}` } });
    }
    expect(state.nodes.c?.lastOutput).toEqual({ value: 'done!' });
    expect(state.edges[edgeKey('a', 'b')]).toMatchObject({ messages: 1, dropped: 0, uncertain: false });
    expect(state.edges[edgeKey('b', 'c')]?.messages).toBe(1);
    expect(state.outputs).toEqual([{ seq: state.log.length - 2, executorId: 'c', value: 'done!' }]);
    expect(state.supersteps.map((span) => [span.superstep, span.nodeIds, span.endedAt !== undefined])).toEqual([
      [1, ['a'], true],
      [2, ['b'], true],
      [3, ['c'], true],
    ]);
    expect(state.log.map((entry) => entry.seq)).toEqual(state.log.map((_, index) => index));
  });

  it('shows a node queued while a message is on its way, then running', () => {
    const sent = run(LINEAR, batch('r1', ...step(1, 'a')));
    expect(sent.phase).toBe('running');
    expect(sent.nodes.b?.status).toBe('queued');
    const running = applyRunMessages(sent, [
      batch('r1', { type: 'superstep_start', superstep: 2 }, { type: 'executor_start', executorId: 'b', data: 1 }),
    ]);
    expect(running.nodes.b?.status).toBe('running');
  });

  it('keeps untouched nodes and edges identical, and applies a whole batch as one state', () => {
    const first = run(LINEAR, batch('r1', ...step(1, 'a')));
    const next = applyRunMessages(first, [batch('r1', { type: 'agent_update', executorId: 'c', delta: 'x' })]);
    expect(next.nodes.a).toBe(first.nodes.a);
    expect(next.edges).toBe(first.edges);
    expect(next.nodes.c).not.toBe(first.nodes.c);
  });

  it('ignores messages for another run and changes nothing for an empty batch', () => {
    const state = run(LINEAR, batch('r1', ...step(1, 'a')));
    expect(applyRunMessages(state, [batch('other', ...step(2, 'b')), ended('other')]).nodes).toBe(state.nodes);
    expect(applyRunMessages(NO_RUN, [batch('r1', ...step(1, 'a'))])).toBe(NO_RUN);
  });

  it('streams agent text per invocation', () => {
    const state = run(
      [],
      batch('r1', { type: 'executor_start', executorId: 'w', data: 'q' }, { type: 'agent_update', executorId: 'w', delta: 'Hel' }),
      batch('r1', { type: 'agent_update', executorId: 'w', delta: 'lo' }),
    );
    expect(state.nodes.w?.reply).toBe('Hello');
    const again = applyRunMessages(state, [batch('r1', { type: 'executor_start', executorId: 'w', data: 'q2' })]);
    expect(again.nodes.w).toMatchObject({ reply: '', runs: 2 });
  });

  it('marks a failed node with its error, and clears the error when it runs again', () => {
    const error = { name: 'TypeError', message: 'boom', stack: 'TypeError: boom\n  at x' };
    const failed = run(
      LINEAR,
      batch('r1', { type: 'executor_start', executorId: 'a', data: 1 }, { type: 'error', executorId: 'a', error }),
      ended('r1', { reason: 'failed', state: 'failed', error }),
    );
    expect(failed.nodes.a).toMatchObject({ status: 'failed', error });
    expect(failed.outcome?.error).toEqual(error);
    expect(failed.phase).toBe('ended');
    const rerun = applyRunMessages({ ...failed, phase: 'running' }, [batch('r1', { type: 'executor_start', executorId: 'a', data: 2 })]);
    expect(rerun.nodes.a?.error).toBeUndefined();
    expect(Object.keys(rerun.nodes.a ?? {})).not.toContain('error');
  });

  it('puts nodes caught mid-way by a stop back to what they were', () => {
    const state = run(
      LINEAR,
      batch('r1', ...step(1, 'a'), { type: 'superstep_start', superstep: 2 }, { type: 'executor_start', executorId: 'b', data: 1 }),
      ended('r1', { reason: 'cancelled', state: 'cancelled' }),
    );
    expect(state.nodes.a?.status).toBe('done');
    expect(state.nodes.b?.status).toBe('idle');
    expect(state.nodes.b?.runs).toBe(1);
    expect(state.state).toBe('cancelled');
  });

  it('keeps a pending request until it is answered, and waits for the person', () => {
    const asked = run(
      [{ source: 'ask', target: 'next', kind: 'plain' }],
      batch(
        'r1',
        { type: 'executor_start', executorId: 'ask', data: 'draft' },
        { type: 'request_info', requestId: 'q1', executorId: 'ask', data: { prompt: 'OK?' }, responseType: 'boolean' },
        { type: 'executor_complete', executorId: 'ask', durationMs: 1 },
        { type: 'workflow_status', state: 'idle_with_pending_requests' },
      ),
      ended('r1', { state: 'idle_with_pending_requests' }),
    );
    expect(asked.phase).toBe('waiting');
    expect(asked.nodes.ask?.status).toBe('waiting');
    expect(asked.pending).toEqual([{ requestId: 'q1', executorId: 'ask', data: { prompt: 'OK?' }, responseType: 'boolean' }]);

    const answered = markAnswered(asked, ['q1']);
    expect(answered.pending).toEqual([
      { requestId: 'q1', executorId: 'ask', data: { prompt: 'OK?' }, responseType: 'boolean', sending: true },
    ]);
    expect(answered.phase).toBe('running');
    expect(answered.nodes.ask?.status).toBe('queued');
    expect(markAnswered(answered, ['q1'])).toBe(answered);

    const taken = applyRunMessages(answered, [batch('r1', { type: 'workflow_start', runId: 'x', workflowName: 'w' })]);
    expect(taken.pending).toEqual([]);

    const again = applyRunMessages(answered, [
      batch(
        'r1',
        { type: 'executor_start', executorId: 'ask', data: true },
        { type: 'executor_complete', executorId: 'ask', durationMs: 1 },
      ),
      ended('r1'),
    ]);
    expect(again.nodes.ask?.status).toBe('done');
    expect(again.phase).toBe('ended');
    expect(again.totalDurationMs).toBe(24);
  });

  it('marks a dropped message on its edge, or on the sender when no edge leads there', () => {
    const state = run(
      LINEAR,
      batch(
        'r1',
        ...step(1, 'a'),
        { type: 'message_dropped', sourceId: 'a', targetId: 'b', reason: 'no_matching_handler', data: 1 },
        { type: 'message_dropped', sourceId: 'c', targetId: 'zz', reason: 'no_edge_to_target', data: 1 },
        { type: 'message_dropped', sourceId: 'c', reason: 'no_edge_to_target', data: 2 },
      ),
    );
    expect(state.edges[edgeKey('a', 'b')]).toMatchObject({ messages: 1, dropped: 1 });
    expect(state.nodes.b?.status).toBe('idle');
    expect(state.nodes.c?.dropped).toBe(2);
    expect(state.edges[edgeKey('c', 'zz')]).toBeUndefined();
  });

  it('counts a targeted send only on the edge to its target', () => {
    const graph: RunGraphEdge[] = [
      { source: 'a', target: 'b', kind: 'fan_out' },
      { source: 'a', target: 'c', kind: 'fan_out' },
    ];
    const state = run(graph, batch('r1', { type: 'executor_output', executorId: 'a', data: 1, targetId: 'c' }));
    expect(state.edges[edgeKey('a', 'c')]?.messages).toBe(1);
    expect(state.edges[edgeKey('a', 'b')]).toBeUndefined();
    expect(state.nodes.c?.status).toBe('queued');
    expect(state.nodes.b).toBeUndefined();
  });

  it('attributes a switch message to the case whose target started next', () => {
    const graph: RunGraphEdge[] = [
      { source: 's', target: 'yes', kind: 'switch_case' },
      { source: 's', target: 'no', kind: 'switch_default' },
    ];
    const state = run(graph, batch('r1', ...step(1, 's'), ...step(2, 'no')));
    expect(state.edges[edgeKey('s', 'no')]).toMatchObject({ messages: 1, uncertain: false, lastSuperstep: 1 });
    expect(state.edges[edgeKey('s', 'yes')]).toBeUndefined();
    // a switch target is not shown as queued: which case wins is not known until it starts
    expect(run(graph, batch('r1', ...step(1, 's'))).nodes.yes).toBeUndefined();
  });

  it('marks conditional edges uncertain when two senders could explain a start', () => {
    const graph: RunGraphEdge[] = [
      { source: 'p', target: 't', kind: 'conditional' },
      { source: 'q', target: 't', kind: 'conditional' },
    ];
    const state = run(graph, batch('r1', ...step(1, 'p', 'q'), ...step(2, 't')));
    expect(state.edges[edgeKey('p', 't')]).toMatchObject({ messages: 0, uncertain: true });
    expect(state.edges[edgeKey('q', 't')]).toMatchObject({ messages: 0, uncertain: true });
  });

  it('counts a loop on a conditional self-edge', () => {
    const graph: RunGraphEdge[] = [
      { source: 'n', target: 'n', kind: 'conditional' },
      { source: 'n', target: 'exit', kind: 'conditional' },
    ];
    const state = run(graph, batch('r1', ...step(1, 'n'), ...step(2, 'n'), ...step(3, 'n'), ...step(4, 'exit')));
    expect(state.edges[edgeKey('n', 'n')]?.messages).toBe(2);
    expect(state.edges[edgeKey('n', 'exit')]?.messages).toBe(1);
    expect(state.nodes.n?.runs).toBe(3);
  });

  it('keeps the latest events in the log and counts every event exactly', () => {
    const ticks = Array.from({ length: LOG_LIMIT + 5 }, (_, index): WorkflowEvent => ({
      type: 'custom',
      name: 'tick',
      executorId: 'a',
      data: index,
    }));
    const state = run(LINEAR, batch('r1', ...step(1, 'a')), batch('r1', ...ticks));
    expect(state.logTotal).toBe(LOG_LIMIT + 10);
    expect(state.log).toHaveLength(LOG_LIMIT);
    expect(state.log[0]?.seq).toBe(10);
    expect(state.log.at(-1)?.seq).toBe(LOG_LIMIT + 9);
    expect(state.logCounts).toEqual({
      [logCountKey('superstep_start', undefined)]: 1,
      [logCountKey('superstep_complete', undefined)]: 1,
      [logCountKey('executor_start', 'a')]: 1,
      [logCountKey('executor_output', 'a')]: 1,
      [logCountKey('executor_complete', 'a')]: 1,
      [logCountKey('custom', 'a')]: LOG_LIMIT + 5,
    });
  });

  it('applies a backlog while there is time, at least one slice, leaving the rest queued', () => {
    const backlog = new RunBacklog();
    const ticks = Array.from({ length: 1000 }, (_, index): WorkflowEvent => ({
      type: 'custom',
      name: 'tick',
      executorId: 'a',
      data: index,
    }));
    backlog.push([batch('r1', ...step(1, 'a')), batch('r1', ...ticks), ended('r1')]);
    const start = startingRun('r1', LINEAR, 0, false);
    const first = applyBacklog(start, backlog, () => false);
    expect(first.logTotal).toBe(5); // one slice: the first batch, whole
    expect(first.nodes.a?.status).toBe('done');
    expect(backlog.size).toBe(1001);
    let slices = 0;
    const second = applyBacklog(first, backlog, () => ++slices < 3);
    expect(second.logTotal).toBe(5 + 3 * 256);
    expect(second.phase).toBe('running');
    const last = applyBacklog(second, backlog, () => true);
    expect(last).toMatchObject({ logTotal: 1005, phase: 'ended' });
    expect(backlog.size).toBe(0);
    expect(applyBacklog(last, backlog, () => true)).toBe(last);
  });

  it('shows a new run’s start node queued until it starts, and idle again if it never did', () => {
    const fresh = startingRun('r1', LINEAR, 0, false, 'a');
    expect(fresh.nodes.a?.status).toBe('queued');
    expect(startingRun('r1', LINEAR, 0, true, 'a').nodes).toEqual({}); // a resumed run continues elsewhere
    expect(applyRunMessages(fresh, [batch('r1', { type: 'executor_start', executorId: 'a', data: 1 })]).nodes.a?.status).toBe('running');
    expect(applyRunMessages(fresh, [ended('r1', { reason: 'cancelled', state: 'cancelled' })]).nodes.a?.status).toBe('idle');
  });
});
