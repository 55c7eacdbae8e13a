import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { describeEvent, eventExecutorId } from '../../run/describeEvent.ts';
import { ALL_EVENTS, EVENT_TYPES, filterLog, relativeTime, type EventFilter } from '../../run/eventFilter.ts';
import { useRun } from '../../run/runContext.ts';
import type { RunState } from '../../run/runState.ts';

const ROW_HEIGHT = 22;
const selectLog = (run: RunState) => run.log;
const selectOrigin = (run: RunState) => run.firstEventAt;

interface EventLogViewProps {
  /** The workflow's node ids, for the node filter. */
  nodeIds: readonly string[];
}

/**
 * The run's events, newest at the bottom, with their time since the run's first event. Only the
 * rows in view are in the page (a long run has hundreds of thousands); it follows new events
 * while scrolled to the bottom. Filterable by node and by type.
 */
export function EventLogView({ nodeIds }: EventLogViewProps) {
  const id = useId();
  const log = useRun(selectLog);
  const origin = useRun(selectOrigin);
  const [filter, setFilter] = useState<EventFilter>(ALL_EVENTS);
  const rows = useMemo(() => filterLog(log, filter), [log, filter]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  // TanStack Virtual answers fresh functions on every render, so the React Compiler leaves this
  // component alone; it re-renders once per delivered batch, which is what it needs.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  // Follows new events while scrolled to the bottom. One scroll write per delivered batch (the
  // browser clamps it to the end): `scrollToIndex` re-measures in a loop, a forced layout each time.
  const totalSize = virtualizer.getTotalSize();
  useEffect(() => {
    const element = scrollRef.current;
    if (following.current && element !== null) element.scrollTop = totalSize;
  }, [totalSize]);

  return (
    <section className="run-section run-log" aria-labelledby={`${id}-heading`}>
      <div className="run-log-head">
        <h3 id={`${id}-heading`}>
          Events{' '}
          <span className="run-log-count" data-testid="run.log.count">
            {rows.length === log.length ? log.length : `${String(rows.length)} of ${String(log.length)}`}
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
      <div
        ref={scrollRef}
        className="run-log-scroll"
        data-testid="run.log"
        tabIndex={0}
        role="log"
        aria-label="Run events"
        onScroll={(event) => {
          const element = event.currentTarget;
          following.current = element.scrollTop + element.clientHeight >= element.scrollHeight - ROW_HEIGHT;
        }}
      >
        {rows.length === 0 && <p className="empty">{log.length === 0 ? 'Press Run to see the events stream in.' : 'No event matches.'}</p>}
        <ol className="run-log-rows" style={{ height: `${String(totalSize)}px` }}>
          {virtualizer.getVirtualItems().map((item) => {
            const entry = rows[item.index];
            if (entry === undefined) return null;
            const { event } = entry;
            const detail = describeEvent(event);
            return (
              <li
                key={entry.seq}
                className={`run-log-row event-${event.type}`}
                style={{ transform: `translateY(${String(item.start)}px)`, height: `${String(ROW_HEIGHT)}px` }}
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
