import type { EdgeDefinition } from '@trellis/engine';
import type { GraphChange, SwitchEntry } from '../model/index.ts';

/** The change that sets (or, when empty, removes) a plain edge's condition. */
export function conditionChange(index: number, text: string): GraphChange {
  return { type: 'updateEdge', index, patch: { condition: text === '' ? null : text } };
}

/** The change that sets the `when` of one switch case. */
export function switchWhenChange(index: number, edge: EdgeDefinition, caseIndex: number, when: string): GraphChange | undefined {
  if (!('switch' in edge)) return undefined;
  const entries: SwitchEntry[] = edge.switch.map((entry, i) => (i === caseIndex && 'when' in entry ? { ...entry, when } : entry));
  return { type: 'updateEdge', index, patch: { switch: entries } };
}
