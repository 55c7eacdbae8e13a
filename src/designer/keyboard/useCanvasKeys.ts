import { useEffect, type RefObject } from 'react';
import { selectPositions } from '../positions.ts';
import { SNAP_GRID } from '../flowElements.ts';
import { useDesignerStore } from '../useDesigner.ts';
import { isShortcutTarget, nodeIdOf } from './keyTargets.ts';
import { arrowDirection, nudgeKey, nudgeMoves } from './nudge.ts';
import { asNodeId } from '../../model/index.ts';

/** What the canvas's own shortcuts call. */
export interface CanvasKeyCommands {
  /** `?`: the keyboard shortcuts overlay. */
  readonly showShortcuts: () => void;
  /** `C`: connect from the node with the focus (its id), else from the selection. */
  readonly connect: (focusedNodeId: string | undefined) => void;
  /** `Shift+L`. */
  readonly autoLayout: () => void;
  /** `F` and `Shift+1`. */
  readonly fitView: () => void;
}

/** Whether an arrow key pressed on `target` is meant for the canvas: a node, the canvas itself, or nothing focused. */
function isCanvasSurface(target: EventTarget | null, canvas: HTMLElement | null): boolean {
  if (target === document.body || target === document.documentElement) return true;
  if (!(target instanceof Element) || canvas === null || !canvas.contains(target)) return false;
  return target.closest('button, a, [role="toolbar"], .react-flow__controls') === null;
}

/**
 * The canvas's shortcuts: `?`, `C`, `Shift+L`, `F` / `Shift+1`, and the arrow keys, which move the
 * selected nodes (or the focused node) one grid step, five with Shift. An arrow burst over the
 * same nodes is one undo step (a `nudge:<ids>` merge key). The arrows are taken in the capture
 * phase, before React Flow's own node handler: that one moves nodes inside React Flow only, and
 * this canvas is drawn from the store.
 */
export function useCanvasKeys(canvas: RefObject<HTMLElement | null>, commands: CanvasKeyCommands): void {
  const store = useDesignerStore();

  useEffect(() => {
    const onArrow = (event: KeyboardEvent): void => {
      const direction = arrowDirection(event.key);
      if (direction === undefined || event.ctrlKey || event.metaKey || event.altKey) return;
      if (!isShortcutTarget(event) || !isCanvasSurface(event.target, canvas.current)) return;
      const state = store.getState();
      if (!state.yamlParsed) return;
      const focused = nodeIdOf(event.target);
      let ids = state.selectedNodeIds;
      if (focused !== undefined && !ids.includes(asNodeId(focused))) {
        ids = [asNodeId(focused)]; // a focused node that is not selected moves alone, and becomes the selection
        state.select({ nodes: ids });
      }
      if (ids.length === 0) return;
      event.preventDefault(); // no page scrolling
      event.stopPropagation(); // nor React Flow's own move
      const moves = nudgeMoves(ids, selectPositions(state), direction, { grid: SNAP_GRID[0], big: event.shiftKey });
      state.applyChanges([{ type: 'moveNodes', moves }], { history: 'merge', mergeKey: nudgeKey(ids), at: event.timeStamp });
    };

    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || !isShortcutTarget(event)) return;
      // keys whose meaning is a list's own (type-ahead in a listbox or menu) stay there
      if (event.target instanceof Element && event.target.closest('[role="listbox"], [role="menu"]') !== null) return;
      const key = event.key.toLowerCase();
      if (event.key === '?') commands.showShortcuts();
      else if (event.shiftKey && key === 'l') commands.autoLayout();
      else if (!event.shiftKey && key === 'c') commands.connect(nodeIdOf(event.target));
      else if ((!event.shiftKey && key === 'f') || (event.shiftKey && event.code === 'Digit1')) commands.fitView();
      else return;
      event.preventDefault();
    };

    window.addEventListener('keydown', onArrow, { capture: true });
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onArrow, { capture: true });
      window.removeEventListener('keydown', onKey);
    };
  }, [store, canvas, commands]);
}
