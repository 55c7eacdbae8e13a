import { formatDuration } from '../../run/describeOutcome.ts';
import { useRun } from '../../run/runContext.ts';
import type { RunState } from '../../run/runState.ts';

const selectSupersteps = (run: RunState) => run.supersteps;
const selectLastEventAt = (run: RunState) => run.lastEventAt;

/** At most this many supersteps are drawn (the latest); a loop can run thousands. */
const SHOWN = 200;

/**
 * The supersteps as a timeline: one bar per superstep, as long as it took (relative to the
 * longest), with the nodes that ran in it.
 */
export function SuperstepTimeline() {
  const spans = useRun(selectSupersteps);
  const lastEventAt = useRun(selectLastEventAt);
  if (spans.length === 0) return null;
  const shown = spans.slice(-SHOWN);
  const durations = shown.map((span) => (span.endedAt ?? lastEventAt ?? span.startedAt) - span.startedAt);
  const longest = Math.max(1, ...durations);
  return (
    <section className="run-section" aria-labelledby="run-timeline-heading">
      <h3 id="run-timeline-heading">Supersteps</h3>
      {spans.length > SHOWN && (
        <p className="empty">
          The latest {SHOWN} of {spans.length}.
        </p>
      )}
      <ol className="run-timeline" data-testid="run.timeline">
        {shown.map((span, index) => {
          const duration = durations[index] ?? 0;
          return (
            <li key={span.superstep} className="run-timeline-step" data-testid="run.superstep" data-superstep={span.superstep}>
              <span className="run-timeline-number">{span.superstep}</span>
              <span className="run-timeline-track">
                <span
                  className={`run-timeline-bar${span.endedAt === undefined ? ' is-open' : ''}`}
                  style={{ width: `${String(Math.max(2, (duration / longest) * 100))}%` }}
                />
              </span>
              <span className="run-timeline-duration">{formatDuration(duration)}</span>
              <span className="run-timeline-nodes" data-testid="run.superstep.nodes">
                {span.nodeIds.join(', ')}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
