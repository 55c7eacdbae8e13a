import type { EdgeDefinition } from '@trellis/engine';
import type { EdgePatch, GraphChange } from './changes.ts';
import { sameJson } from './document.ts';
import { isFanIn, isFanOut, membersOf, type CanvasEdge } from './graph.ts';

/**
 * Edge surgery shared by node removal, edge removal, rename, copy and paste: taking connections
 * out of an edge definition while keeping what is left a valid edge of the simplest shape.
 */

/** The keys that make an edge's shape; `updateEdge` patches these and only these. */
export const EDGE_KEYS = ['from', 'to', 'condition', 'switch'] as const;

/** A record without some keys (unknown keys an edge may carry from YAML are kept). */
function omit(record: object, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !keys.includes(key)));
}

/**
 * The edge without the members at the `killed` slot indices, in its simplest valid shape: a
 * fan-out or fan-in with one member left becomes a plain edge; a switch with only its default left
 * becomes a plain edge to it, with one case and no default a conditional edge (the same routing).
 * Undefined when nothing is left.
 */
export function shrinkEdge(edge: EdgeDefinition, killed: ReadonlySet<number>): EdgeDefinition | undefined {
  const keep = <T>(list: readonly T[]): T[] => list.filter((_, i) => !killed.has(i));
  if ('switch' in edge) {
    const entries = keep(edge.switch);
    const cases = entries.flatMap((entry) => ('when' in entry ? [entry] : []));
    const fallback = entries.find((entry) => 'default' in entry);
    const rest = omit(edge, ['switch']);
    const [onlyCase] = cases;
    if (entries.length === 0) return undefined;
    if (cases.length === 0 && fallback !== undefined) return { ...rest, to: fallback.default } as EdgeDefinition;
    if (cases.length === 1 && fallback === undefined && onlyCase !== undefined) {
      return { ...rest, to: onlyCase.to, condition: onlyCase.when } as EdgeDefinition;
    }
    return { ...edge, switch: entries };
  }
  if (isFanIn(edge)) {
    const from = keep(edge.from);
    if (from.length === 0) return undefined;
    return { ...edge, from: from.length === 1 ? (from[0] as string) : from } as EdgeDefinition;
  }
  if (isFanOut(edge)) {
    const to = keep(edge.to);
    if (to.length === 0) return undefined;
    return { ...edge, to: to.length === 1 ? (to[0] as string) : to } as EdgeDefinition;
  }
  return killed.size > 0 ? undefined : edge;
}

/** The patch that turns edge `after` back into `before` (`null` for keys `before` had not). */
export function restorePatch(after: EdgeDefinition, before: EdgeDefinition): EdgePatch {
  const entries = EDGE_KEYS.flatMap((key) => {
    const had = Object.hasOwn(before, key);
    if (!had) return Object.hasOwn(after, key) ? [[key, null] as const] : [];
    const old = (before as Record<string, unknown>)[key];
    return sameJson((after as Record<string, unknown>)[key], old) ? [] : [[key, old] as const];
  });
  return Object.fromEntries(entries);
}

/** Which edges and members {@link removeMembers} takes out. */
export interface Doomed {
  /** Whole edges, by index (also those with no members at all). */
  edge?: (edgeIndex: number) => boolean;
  member?: (member: Omit<CanvasEdge, 'dangling'>) => boolean;
}

/** The edges left, and the changes that (applied after re-adding removed nodes) restore the old list. */
export interface RemovedMembers {
  edges: EdgeDefinition[];
  restore: GraphChange[];
  changed: boolean;
}

/**
 * Takes whole edges and single members out of an edge list, shrinking the edges that keep some
 * members. The restore changes put shrunk edges back first (by their new index), then re-insert
 * removed ones at their old index in ascending order, which rebuilds the list exactly.
 */
export function removeMembers(edges: readonly EdgeDefinition[], doomed: Doomed): RemovedMembers {
  const kept: EdgeDefinition[] = [];
  const updates: GraphChange[] = [];
  const additions: GraphChange[] = [];
  edges.forEach((edge, index) => {
    const killed = new Set(
      membersOf(edge, index)
        .filter((member) => doomed.member?.(member) === true)
        .map((member) => (member.slot.list === 'none' ? 0 : member.slot.index)),
    );
    const shrunk = doomed.edge?.(index) === true ? undefined : killed.size === 0 ? edge : shrinkEdge(edge, killed);
    if (shrunk === edge) kept.push(edge);
    else if (shrunk === undefined) additions.push({ type: 'addEdge', edge, index });
    else {
      updates.push({ type: 'updateEdge', index: kept.length, patch: restorePatch(shrunk, edge) });
      kept.push(shrunk);
    }
  });
  return { edges: kept, restore: [...updates, ...additions], changed: updates.length + additions.length > 0 };
}

/** The edge with every executor id passed through `rename`; the same object when none changes. */
export function renameInEdge(edge: EdgeDefinition, rename: (id: string) => string): EdgeDefinition {
  let next: EdgeDefinition;
  if ('switch' in edge) {
    const entries = edge.switch.map((entry) =>
      'default' in entry ? { ...entry, default: rename(entry.default) } : { ...entry, to: rename(entry.to) },
    );
    next = { ...edge, from: rename(edge.from), switch: entries };
  } else if (isFanIn(edge)) next = { ...edge, from: edge.from.map(rename), to: rename(edge.to) };
  else if (isFanOut(edge)) next = { ...edge, from: rename(edge.from), to: edge.to.map(rename) };
  else next = { ...edge, from: rename(edge.from), to: rename(edge.to) };
  return sameJson(next, edge) ? edge : next;
}
