import type { RunOutcome } from '../engine-host/protocol.ts';
import type { RunState } from './runState.ts';

/** How long something took, for people: `850 ms`, `2.4 s`, `3 min 5 s`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${String(Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${String(minutes)} min ${String(Math.round((ms % 60_000) / 1000))} s`;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${String(count)} ${count === 1 ? one : many}`;
}

/** How the run ended (or where it is), in one sentence. */
export function describeRun(run: RunState): string {
  switch (run.phase) {
    case 'none':
      return 'Not run yet.';
    case 'starting':
      return run.resumed ? 'Resuming from the latest checkpoint…' : 'Starting…';
    case 'running':
      return `Running: superstep ${String(run.superstep)}.`;
    case 'waiting':
      return `Waiting for a person: ${plural(run.pending.length, 'question')} to answer.`;
    case 'ended':
      return run.outcome === undefined ? 'Stopped before the engine started.' : describeOutcome(run.outcome, run);
  }
}

function describeOutcome(outcome: RunOutcome, run: RunState): string {
  const outputs = plural(run.outputs.length, 'output');
  const steps = plural(run.supersteps.length, 'superstep');
  switch (outcome.reason) {
    case 'finished':
      return `Finished: ${outputs} in ${steps}.`;
    case 'failed': {
      const where = outcome.executorId ?? failedNode(run);
      const what = outcome.error === undefined ? 'an error' : `${outcome.error.name}: ${outcome.error.message}`;
      return where === undefined ? `Failed: ${what}` : `Failed in “${where}”: ${what}`;
    }
    case 'cancelled':
      return `Stopped by you after ${steps}.`;
    case 'load_failed': {
      const problems = outcome.problems ?? [];
      const first = problems[0];
      if (first === undefined) return 'The workflow did not load, so nothing ran.';
      return `The workflow did not load, so nothing ran: ${first.message}${problems.length > 1 ? ` (and ${plural(problems.length - 1, 'more problem')})` : ''}`;
    }
    case 'host_lost':
      return 'The engine stopped unexpectedly (its worker was replaced); the run did not finish.';
  }
}

function failedNode(run: RunState): string | undefined {
  return Object.entries(run.nodes).find(([, node]) => node.status === 'failed')?.[0];
}

/** A value in full, pretty-printed for reading: JSON where it has one, text otherwise. */
export function prettyValue(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    // `undefined` has no JSON (values that crossed postMessage hold no functions or symbols)
    const json = JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? `${inner.toString()}n` : inner), 2) as
      string | undefined;
    return json ?? 'undefined';
  } catch {
    return '(a value with a cycle, which cannot be shown as JSON)';
  }
}
