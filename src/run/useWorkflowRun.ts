import type { Workflow, WorkflowEvent } from '@trellis/engine';
import { useCallback, useRef, useState } from 'react';
import { runWorkflow, type RunOutcome } from './runWorkflow.ts';

/** What the page shows about the current (or last) run. */
export interface WorkflowRunView {
  /** `ready` before the first run, then the run's latest state (`in_progress`, `idle`, `failed`, ...). */
  status: string;
  running: boolean;
  events: readonly WorkflowEvent[];
  outputs: readonly unknown[];
  error: string | undefined;
  /** Starts a run on `input`; ignored while a run is active. */
  start: (input: unknown) => void;
}

/** Runs workflows made by `createWorkflow` one at a time and collects their events as they stream. */
export function useWorkflowRun(createWorkflow: () => Workflow): WorkflowRunView {
  const [events, setEvents] = useState<readonly WorkflowEvent[]>([]);
  const [outcome, setOutcome] = useState<RunOutcome | undefined>(undefined);
  const [running, setRunning] = useState(false);
  const active = useRef(false);

  const start = useCallback(
    (input: unknown) => {
      if (active.current) return;
      active.current = true;
      setRunning(true);
      setEvents([]);
      setOutcome(undefined);
      void runWorkflow(createWorkflow, input, (event) => {
        setEvents((previous) => [...previous, event]);
      }).then((result) => {
        active.current = false;
        setOutcome(result);
        setRunning(false);
      });
    },
    [createWorkflow],
  );

  return {
    status: outcome?.state ?? latestState(events) ?? (running ? 'starting' : 'ready'),
    running,
    events,
    outputs: events.flatMap((event) => (event.type === 'workflow_output' ? [event.data] : [])),
    error: outcome?.error,
    start,
  };
}

function latestState(events: readonly WorkflowEvent[]): string | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i];
    if (event?.type === 'workflow_status' || event?.type === 'workflow_complete') return event.state;
  }
  return undefined;
}
