import { describeRun, formatDuration } from '../../run/describeOutcome.ts';
import { useRun, useRunStoreState } from '../../run/runContext.ts';
import type { RunPhase, RunState } from '../../run/runState.ts';
import type { RunStoreState } from '../../run/runStore.ts';

const selectEngineError = (state: RunStoreState) => state.engineError;

/** What a screen reader hears when the run's phase changes (once it ended: how, which no longer changes). */
const PHASE_ANNOUNCEMENT: Record<Exclude<RunPhase, 'ended'>, string> = {
  none: '',
  starting: 'Run starting.',
  running: 'Run running.',
  waiting: 'Run waiting for your answer.',
};
const selectBacklog = (state: RunStoreState) => state.backlog;

/**
 * The run's state, how it ended in words, its duration; the error and its stack when it failed;
 * how far the page lags behind the engine while it catches up with a flood of events.
 */
export function RunSummary() {
  const run = useRun(selectSummary);
  const engineError = useRunStoreState(selectEngineError);
  const backlog = useRunStoreState(selectBacklog);
  const { outcome } = run;
  return (
    <div className="run-summary" data-testid="run.summary">
      {/* Announced: only the phase, which changes a few times a run (the line below changes every superstep). */}
      <p className="visually-hidden" aria-live="polite" data-testid="run.phaseAnnouncement">
        {run.phase === 'ended' ? describeRun(run) : PHASE_ANNOUNCEMENT[run.phase]}
      </p>
      <p className="run-summary-line">
        <span className={`run-state run-state-${run.state ?? 'none'}`} data-testid="run.state">
          {run.state ?? (run.phase === 'none' ? 'ready' : 'starting')}
        </span>
        {run.phase === 'ended' && outcome !== undefined && (
          <span className="run-duration" data-testid="run.duration" title="Time in the engine, all continuations together">
            {formatDuration(run.totalDurationMs)}
          </span>
        )}
        {backlog > 0 && (
          // Not announced: it changes every frame while the page catches up.
          <span className="run-backlog" data-testid="run.backlog" aria-live="off" title="The page shows events a frame's worth at a time">
            applying {backlog.toLocaleString('en')} queued {backlog === 1 ? 'event' : 'events'}…
          </span>
        )}
      </p>
      <p className="run-ending" data-testid="run.ending" aria-live="off">
        {describeRun(run)}
      </p>
      {engineError !== undefined && (
        <p className="run-error" role="alert" data-testid="run.engineError">
          {engineError}
        </p>
      )}
      {outcome?.error?.stack !== undefined && (
        <details className="run-stack">
          <summary>Stack</summary>
          <pre data-testid="run.stack">{outcome.error.stack}</pre>
        </details>
      )}
      {outcome?.problems !== undefined && outcome.problems.length > 0 && (
        <ul className="run-problems" data-testid="run.problems">
          {outcome.problems.map((problem, index) => (
            <li key={index}>{problem.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The run, for the summary: it changes with every batch, which the summary's few lines can afford. */
function selectSummary(run: RunState): RunState {
  return run;
}
