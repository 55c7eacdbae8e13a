import type { EdgeDefinition } from '@trellis/engine';
import { edgesOf, type CanvasEdge, type EdgeRef, type GraphChange, type SwitchEntry } from '../model/index.ts';
import type { DesignerStore, EditResult } from '../store/index.ts';

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

/**
 * Writes typed text into an edge, as one merged step per typing burst (key `type:<edge>:<field>`).
 * Edge ids are positions, so the write first checks that `id` still names the edge the text was
 * typed into (same ends); the edge list changing clears edge selection, so the edge is selected
 * again afterwards and its form stays open.
 */
export function writeEdgeText(
  store: DesignerStore,
  id: EdgeRef,
  typedInto: Pick<CanvasEdge, 'source' | 'target'>,
  field: string,
  change: (edge: EdgeDefinition, edgeIndex: number) => GraphChange | undefined,
): EditResult {
  const state = store.getState();
  const current = edgesOf(state.definition).find((edge) => edge.id === id);
  const edge = current === undefined ? undefined : state.definition.workflow.edges?.[current.edgeIndex];
  if (current === undefined || edge === undefined || current.source !== typedInto.source || current.target !== typedInto.target) {
    return { ok: false, reason: 'invalid_change', error: `the edge ${typedInto.source} → ${typedInto.target} is no longer ${id}` };
  }
  const graphChange = change(edge, current.edgeIndex);
  if (graphChange === undefined) return { ok: false, reason: 'nothing_to_do', error: `${id} has no ${field}` };
  const result = state.applyChanges([graphChange], { history: 'merge', mergeKey: `type:${id}:${field}` });
  if (result.ok) store.getState().select({ edges: [id] });
  return result;
}
