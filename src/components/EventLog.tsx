import type { WorkflowEvent } from '@trellis/engine';
import { describeEvent, eventExecutorId } from '../run/describeEvent.ts';

interface EventLogProps {
  events: readonly WorkflowEvent[];
}

/** One row per streamed event: its type and a summary of its fields. */
export function EventLog({ events }: EventLogProps) {
  return (
    <section className="panel" aria-labelledby="event-log-heading">
      <h2 id="event-log-heading">Event log</h2>
      {events.length === 0 && <p className="empty">Press Run to see the events stream in.</p>}
      <ol className="event-log" data-testid="event-log">
        {events.map((event, index) => (
          <li
            key={index}
            data-testid="event"
            data-event-type={event.type}
            data-executor-id={eventExecutorId(event)}
            className={`event event-${event.type}`}
          >
            <code className="event-type" data-testid="event-type">
              {event.type}
            </code>
            <span className="event-detail">{describeEvent(event)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
