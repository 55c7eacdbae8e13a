import { useId, useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { heightForKey, RUN_DOCK_MIN_HEIGHT } from '../../designer/dock/runDock.ts';
import { useRunDock } from '../../designer/dock/useRunDock.ts';
import { useRun } from '../../run/runContext.ts';
import type { RunPhase, RunState } from '../../run/runState.ts';
import { RunPanel } from './RunPanel.tsx';

const selectPhase = (run: RunState) => run.phase;

/** What the collapsed dock says about the run, so a person knows when to open it. */
const PHASE_WORDS: Record<RunPhase, string> = {
  none: 'ready',
  starting: 'starting…',
  running: 'running…',
  waiting: 'waiting for an answer',
  ended: 'ended',
};

interface DragStart {
  pointerId: number;
  y: number;
  height: number;
}

/**
 * The run panel's place under the canvas: a fixed-height body whose content scrolls inside it, a
 * handle on its top edge to resize it (pointer, or arrows, Page Up/Down, Home and End), and a
 * button to collapse it to one line. The panel stays mounted while collapsed, so a run keeps going
 * and a reopened document still resumes its waiting run.
 */
export function RunDock() {
  const dock = useRunDock();
  const phase = useRun(selectPhase);
  const bodyId = useId();
  const drag = useRef<DragStart | null>(null);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { pointerId: event.pointerId, y: event.clientY, height: dock.height };
  };
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const start = drag.current;
    if (start?.pointerId !== event.pointerId) return;
    // the handle is the dock's top edge: moving it up makes the dock taller
    dock.setHeight(start.height + start.y - event.clientY);
  };
  const onPointerEnd = (event: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointerId === event.pointerId) drag.current = null;
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = heightForKey(event.key, dock.height, window.innerHeight);
    if (next === undefined) return;
    event.preventDefault();
    dock.setHeight(next);
  };

  return (
    <div className={`run-dock${dock.collapsed ? ' is-collapsed' : ''}`} data-testid="run-dock">
      {dock.collapsed ? (
        <p className={`run-dock-summary${phase === 'waiting' ? ' needs-attention' : ''}`} data-testid="run-dock.summary">
          <span className="run-dock-title">Run</span> {PHASE_WORDS[phase]}
        </p>
      ) : (
        <div
          role="separator"
          aria-orientation="horizontal"
          aria-label="Run panel height"
          aria-controls={bodyId}
          aria-valuemin={RUN_DOCK_MIN_HEIGHT}
          aria-valuemax={dock.maxHeight}
          aria-valuenow={dock.height}
          tabIndex={0}
          className="run-dock-resize"
          data-testid="run-dock.resize"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerEnd}
          onPointerCancel={onPointerEnd}
          onKeyDown={onKeyDown}
        />
      )}
      <button
        type="button"
        className="button run-dock-toggle"
        aria-expanded={!dock.collapsed}
        aria-controls={bodyId}
        data-testid="run-dock.toggle"
        onClick={dock.toggle}
      >
        {dock.collapsed ? 'Show run panel' : 'Hide run panel'}
      </button>
      <div id={bodyId} className="run-dock-body" style={{ height: dock.height }} hidden={dock.collapsed} data-testid="run-dock.body">
        <RunPanel />
      </div>
    </div>
  );
}
