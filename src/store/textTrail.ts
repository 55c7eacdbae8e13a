import type { History } from '../model/index.ts';
import { documentToYaml } from '../model/index.ts';
import type { WorkflowDefinition } from '@trellis/engine';

/**
 * The YAML texts kept alongside the history's entries, so undo and redo give back the author's
 * exact bytes (see the model README's "Pitfalls for the store"). For each undo step the trail
 * keeps the text before and after it; `past` and `future` mirror the history's stacks one to one.
 */

/** The panel's text before and after one history entry. */
export interface TextStep {
  readonly before: string;
  readonly after: string;
}

/** Text steps parallel to `History.past` and `History.future` (last item = next step). */
export interface TextTrail {
  readonly past: readonly TextStep[];
  readonly future: readonly TextStep[];
}

/** A trail for a fresh history. */
export const EMPTY_TRAIL: TextTrail = { past: [], future: [] };

/**
 * The trail after `record` turned `previous` into `next` for an edit that took the text from
 * `step.before` to `step.after`. A merged gesture keeps the text from before its first tick. A
 * merge is recognised by the history's own rule: a merged entry ends with the inverse changes of
 * the entry it absorbed (the very objects), while a new entry's inverse is fresh.
 */
export function trailAfterRecord(trail: TextTrail, previous: History, next: History, step: TextStep): TextTrail {
  if (next === previous) return trail;
  const before = previous.past.at(-1);
  const after = next.past.at(-1);
  const lastInverse = before?.inverse.at(-1);
  const merged = before !== undefined && after !== before && lastInverse !== undefined && after?.inverse.at(-1) === lastInverse;
  const last = trail.past.at(-1);
  if (merged && last !== undefined) return { past: [...trail.past.slice(0, -1), { before: last.before, after: step.after }], future: [] };
  // the history drops its oldest entries past its limit; the trail drops the same ones
  return { past: [...trail.past, step].slice(-next.past.length), future: [] };
}

/** The trail after an undo: its last step moves to `future`. */
export function trailAfterUndo(trail: TextTrail): TextTrail {
  const step = trail.past.at(-1);
  return step === undefined ? trail : { past: trail.past.slice(0, -1), future: [...trail.future, step] };
}

/** The trail after a redo: its next redo step moves back to `past`. */
export function trailAfterRedo(trail: TextTrail): TextTrail {
  const step = trail.future.at(-1);
  return step === undefined ? trail : { past: [...trail.past, step], future: trail.future.slice(0, -1) };
}

/**
 * The text after undoing (`from` = the step's `after`, `to` = its `before`) or redoing (the
 * reverse) a step. When the panel still shows `from`, the step's other text is passed as the
 * writer's original, so the author's bytes come back exactly. When the text changed outside the
 * history since (a comment typed, which is no graph change), that newer text is the original, so
 * what was typed is kept.
 */
export function textAfterStep(definition: WorkflowDefinition, current: string, step: { from: string; to: string } | undefined): string {
  const original = step !== undefined && step.from === current ? step.to : current;
  return documentToYaml(definition, original);
}
