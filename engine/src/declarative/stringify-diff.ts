import { isRecord } from './problems.js';

/**
 * Comparing definitions and lining up the items of two versions of a list, for the writer that
 * edits a file in place.
 */

/** Deep equality of JSON-like values; mapping key order does not matter, list order does. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    return keys.every((key) => Object.hasOwn(b, key) && deepEqual(a[key], b[key]));
  }
  return false;
}

/** The value as JSON data: mapping keys whose value is `undefined` dropped (they are absent in YAML). */
export function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : withoutUndefined(item)));
  if (!isRecord(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = withoutUndefined(item);
  return out;
}

/** How a list item is recognised across versions: an executor by its id, anything else by its value. */
function identity(item: unknown): string {
  if (isRecord(item) && typeof item.id === 'string') return `id:${item.id}`;
  try {
    const json = JSON.stringify(item) as string | undefined;
    return `=${json ?? 'undefined'}`;
  } catch {
    return '?';
  }
}

/** One step of an alignment: an old item kept as (or edited into) a new one, an old item removed, or a new item added. */
export type AlignStep = { kind: 'keep'; old: number; new: number } | { kind: 'remove'; old: number } | { kind: 'add'; new: number };

/**
 * Lines up two versions of a list: items with the same identity (longest common subsequence) are
 * kept; between two kept items, old and new items are paired in order (an edited item), and the
 * rest are removed or added. Past 4 million comparisons it pairs by position.
 */
export function align(before: readonly unknown[], after: readonly unknown[]): AlignStep[] {
  const a = before.map(identity);
  const b = after.map(identity);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const matches = (endA - start) * (endB - start) > 4_000_000 ? [] : lcs(a.slice(start, endA), b.slice(start, endB));
  const steps: AlignStep[] = [];
  for (let i = 0; i < start; i++) steps.push({ kind: 'keep', old: i, new: i });
  let i = start;
  let j = start;
  for (const [mi, mj] of [...matches.map(([x, y]) => [x + start, y + start] as const), [endA, endB] as const]) {
    // the gap before this match: pair in order, then remove or add the rest
    while (i < mi && j < mj) steps.push({ kind: 'keep', old: i++, new: j++ });
    while (i < mi) steps.push({ kind: 'remove', old: i++ });
    while (j < mj) steps.push({ kind: 'add', new: j++ });
    if (mi < endA) steps.push({ kind: 'keep', old: i++, new: j++ });
  }
  for (let k = 0; endA + k < a.length; k++) steps.push({ kind: 'keep', old: endA + k, new: endB + k });
  return steps;
}

function lcs(a: readonly string[], b: readonly string[]): (readonly [number, number])[] {
  const n = a.length;
  const m = b.length;
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const at = i * (m + 1) + j;
      table[at] = a[i] === b[j] ? (table[at + m + 2] ?? 0) + 1 : Math.max(table[at + m + 1] ?? 0, table[at + 1] ?? 0);
    }
  }
  const pairs: (readonly [number, number])[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) pairs.push([i++, j++]);
    else if ((table[(i + 1) * (m + 1) + j] ?? 0) >= (table[i * (m + 1) + j + 1] ?? 0)) i++;
    else j++;
  }
  return pairs;
}
