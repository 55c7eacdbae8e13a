import { useId, useMemo, useRef, useState } from 'react';
import { describeEvent, eventExecutorId } from '../../run/describeEvent.ts';
import { ALL_EVENTS, countMatching, EVENT_TYPES, filterLog, relativeTime, type EventFilter } from '../../run/eventFilter.ts';
import { useRun } from '../../run/runContext.ts';
import { LOG_LIMIT } from '../../run/runLog.ts';
import type { RunState } from '../../run/runState.ts';
import { useFollowingRowWindow } from './useFollowingRowWindow.ts';
import './event-log.css';

const ROW_HEIGHT = 22;
const OVERSCAN = 12;
const selectLog = (run: RunState) => run.log;
const selectLogTotal = (run: RunState) => run.logTotal;
const selectLogCounts = (run: RunState) => run.logCounts;
const selectOrigin = (run: RunState) => run.firstEventAt;

interface EventLogViewProps {
  /** The workflow's node ids, for the node filter. */
  nodeIds: readonly string[];
}

/**
 * The run's events, newest at the bottom, with their time since the run's first event. The log
 * keeps the latest events (a long run has millions) and says how many earlier ones it let go;
 * counts are exact. Only the rows in view are in the page; it follows new events while scrolled
 * to the bottom. Filterable by node and by type.
 */
export function EventLogView({ nodeIds }: EventLogViewProps) {
  const id = useId();
  const log = useRun(selectLog);
  const logTotal = useRun(selectLogTotal);
  const logCounts = useRun(selectLogCounts);
  const origin = useRun(selectOrigin);
  const [filter, setFilter] = useState<EventFilter>(ALL_EVENTS);
  const rows = useMemo(() => filterLog(log, filter), [log, filter]);
  const filtered = filter.nodeId !== undefined || filter.type !== undefined;
  const matching = filtered ? countMatching(logCounts, filter) : logTotal;
  const notKept = matching - rows.length;
  const scrollRef = useRef<HTMLDivElement>(null);
  const { start, end, totalHeight, onScroll } = useFollowingRowWindow(scrollRef, rows.length, ROW_HEIGHT, OVERSCAN);

  return (
    <section className="run-section run-log" aria-labelledby={`${id}-heading`}>
      <div className="run-log-head">
        <h3 id={`${id}-heading`}>
          Events{' '}
          <span className="run-log-count" data-testid="run.log.count">
            {filtered ? `${String(matching)} of ${String(logTotal)}` : String(logTotal)}
          </span>
        </h3>
        <label>
          <span className="visually-hidden">Filter events by node</span>
          <select
            className="input"
            data-testid="run.log.node"
            value={filter.nodeId ?? ''}
            onChange={(event) => {
              setFilter({ ...filter, nodeId: event.target.value === '' ? undefined : event.target.value });
            }}
          >
            <option value="">All nodes</option>
            {nodeIds.map((nodeId) => (
              <option key={nodeId} value={nodeId}>
                {nodeId}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="visually-hidden">Filter events by type</span>
          <select
            className="input"
            data-testid="run.log.type"
            value={filter.type ?? ''}
            onChange={(event) => {
              const type = EVENT_TYPES.find((known) => known === event.target.value);
              setFilter({ ...filter, type });
            }}
          >
            <option value="">All types</option>
            {EVENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
      </div>
      {notKept > 0 && (
        <p className="run-log-not-kept" data-testid="run.log.notKept">
          {notKept.toLocaleString('en')} earlier {filtered ? 'matching ' : ''}
          {notKept === 1 ? 'event' : 'events'} not kept: the log keeps the latest {LOG_LIMIT.toLocaleString('en')}.
        </p>
      )}
      <div
        ref={scrollRef}
        className="run-log-scroll"
        data-testid="run.log"
        tabIndex={0}
        role="log"
        // Not announced: the virtualised rows are rewritten every frame while a run streams; the
        // run summary announces the phase changes instead.
        aria-live="off"
        aria-label="Run events"
        onScroll={onScroll}
      >
        {rows.length === 0 && <p className="empty">{logTotal === 0 ? 'Press Run to see the events stream in.' : 'No event matches.'}</p>}
        <ol className="run-log-rows" style={{ height: `${String(totalHeight)}px` }}>
          {rows.slice(start, end).map((entry, offset) => {
            const { event } = entry;
            const detail = describeEvent(event);
            return (
              <li
                key={entry.seq}
                className={`run-log-row event-${event.type}`}
                style={{ transform: `translateY(${String((start + offset) * ROW_HEIGHT)}px)`, height: `${String(ROW_HEIGHT)}px` }}
                data-testid="run.event"
                data-event-type={event.type}
                data-executor-id={eventExecutorId(event)}
                data-seq={entry.seq}
              >
                <time className="run-log-time" dateTime={new Date(entry.at).toISOString()} title={new Date(entry.at).toLocaleTimeString()}>
                  {relativeTime(entry.at, origin)}
                </time>
                <code className="run-log-type">{event.type}</code>
                <span className="run-log-detail" title={detail}>
                  {detail}
                </span>
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
