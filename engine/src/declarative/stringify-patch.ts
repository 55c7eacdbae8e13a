import { isAlias, isMap, isScalar, isSeq, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { keyOrder, mappingKind } from './parse-keys.js';
import { isRecord, type PathSegment } from './problems.js';
import {
  orderedKeys,
  spacedKey,
  renderAfterDash,
  renderAfterKey,
  renderFlow,
  renderItem,
  renderKey,
  renderPair,
} from './stringify-clean.js';
import { align, deepEqual } from './stringify-diff.js';
import { SourceText, Unsupported } from './stringify-source.js';

/**
 * Rewrites a YAML text into the YAML of a new definition by splicing: only the spans of the values
 * that changed are replaced (a scalar's text, a pair or list item added or removed), so comments,
 * blank lines, quoting and key order everywhere else keep their bytes. Throws `Unsupported` for
 * shapes it does not edit in place (aliases, tags); the caller then writes clean YAML.
 */

/** Where a node sits, for replacing it whole. */
type Slot = { kind: 'root' } | { kind: 'pair'; pair: Pair; flow: boolean } | { kind: 'item'; flow: boolean };

/** The edited text, or throws {@link Unsupported}. */
export function patchYaml(text: string, doc: Document, before: unknown, after: unknown): string {
  const source = new SourceText(text);
  patch(source, doc.contents, before, after, [], { kind: 'root' });
  return source.apply();
}

const isScalarValue = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function patch(src: SourceText, node: Node | null, before: unknown, after: unknown, path: PathSegment[], slot: Slot): void {
  if (deepEqual(before, after)) return;
  if (node === null || isAlias(node) || node.anchor !== undefined || node.range == null) throw new Unsupported('alias');
  if (isScalar(node) && node.tag !== undefined) throw new Unsupported('tag');
  if (isMap(node) && isRecord(before) && isRecord(after) && Object.keys(after).length > 0) patchMap(src, node, before, after, path, slot);
  else if (isSeq(node) && Array.isArray(before) && Array.isArray(after) && after.length > 0) patchSeq(src, node, before, after, path, slot);
  else if (isScalar(node) && isScalarValue(before) && isScalarValue(after)) replaceScalar(src, node, after, path, slot);
  else replaceWhole(src, node, after, path, slot);
}

function replaceScalar(src: SourceText, node: Scalar, value: unknown, path: PathSegment[], slot: Slot): void {
  const [start] = src.range(node);
  const end = src.contentEnd(node);
  if (slot.kind === 'root') throw new Unsupported('root scalar');
  let text: string;
  if (slot.flow) text = renderFlow(value, path, node);
  else if (slot.kind === 'item') text = renderAfterDash(value, path, src.dashColumn(node), node);
  else text = renderAfterKey(value, path, src.column(src.range(slot.pair.key as Node)[0]), node).replace(/^ /, '');
  src.replace(start, end, text);
}

function replaceWhole(src: SourceText, node: Node, value: unknown, path: PathSegment[], slot: Slot): void {
  const [start] = src.range(node);
  const end = src.contentEnd(node);
  if (slot.kind === 'root') throw new Unsupported('root');
  // a flow collection stays one: only its text is rewritten
  if (slot.flow || ((isMap(node) || isSeq(node)) && node.flow === true && isFlowable(value))) {
    src.replace(start, end, renderFlow(value, path));
  } else if (slot.kind === 'item') {
    src.replace(start, end, renderAfterDash(value, path, src.dashColumn(node)));
  } else {
    const key = slot.pair.key as Node;
    const colon = src.colonAfter(src.range(key)[1]);
    src.replace(colon + 1, Math.max(end, colon + 1), renderAfterKey(value, path, src.column(src.range(key)[0])));
  }
}

/** Whether a value is a collection (so the flow style of the one it replaces fits it). */
function isFlowable(value: unknown): boolean {
  return Array.isArray(value) || isRecord(value);
}

function patchMap(
  src: SourceText,
  node: YAMLMap,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  path: PathSegment[],
  slot: Slot,
): void {
  const pairs = node.items;
  const keys = pairs.map((pair) => (isScalar(pair.key) && typeof pair.key.value === 'string' ? pair.key.value : undefined));
  if (keys.some((k) => k === undefined) || keys.length !== Object.keys(before).length) throw new Unsupported('keys');
  if (node.flow) {
    const same = Object.keys(after).length === keys.length && keys.every((k) => k !== undefined && Object.hasOwn(after, k));
    if (!same) {
      replaceWhole(src, node, after, path, slot);
      return;
    }
  }
  const removed = new Set(keys.filter((k): k is string => k !== undefined && !Object.hasOwn(after, k)));
  const added = Object.keys(after).filter((k) => !Object.hasOwn(before, k));
  if (mappingKind(path) === 'layout') renameKeys(src, pairs, keys, before, after, removed, added);
  pairs.forEach((pair, i) => {
    const key = keys[i];
    if (key === undefined || removed.has(key) || !Object.hasOwn(after, key) || !Object.hasOwn(before, key)) return;
    patch(src, pair.value as Node | null, before[key], after[key], [...path, key], { kind: 'pair', pair, flow: node.flow === true });
  });
  if (removed.size === 0 && added.length === 0) return;
  const kept = keys.map((k) => k !== undefined && !removed.has(k));
  if (!kept.includes(true)) {
    replaceWhole(src, node, after, path, slot);
    return;
  }
  removeRuns(kept, (from, to) => {
    const next = pairs[to + 1];
    if (from > 0) src.remove(src.lineEnd(pairEnd(src, pairs[from - 1])), src.lineEnd(pairEnd(src, pairs[to])));
    else if (next !== undefined) src.remove(src.range(pairs[0]?.key as Node)[0], src.range(next.key as Node)[0]);
  });
  const firstKept = pairs[kept.indexOf(true)] as Pair;
  const column = src.column(src.range(firstKept.key as Node)[0]);
  const order = orderedKeys(Object.keys(after), keyOrder(path, after));
  for (const key of added) {
    const text = renderPair(key, after[key], [...path, key], column);
    const position = order.indexOf(key);
    const anchor = order
      .slice(0, position)
      .reverse()
      .find((k) => keys.includes(k) && !removed.has(k));
    const anchorPair = anchor === undefined ? undefined : pairs[keys.indexOf(anchor)];
    if (anchorPair === undefined) src.insert(src.range(firstKept.key as Node)[0], `${text}\n${' '.repeat(column)}`);
    else src.insert(src.lineEnd(pairEnd(src, anchorPair)), `\n${spacedKey(path, key) ? '\n' : ''}${' '.repeat(column)}${text}`);
  }
}

/** A layout entry renamed with its position unchanged: rewrite the key only. */
function renameKeys(
  src: SourceText,
  pairs: Pair[],
  keys: (string | undefined)[],
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  removed: Set<string>,
  added: string[],
): void {
  for (const key of [...added]) {
    const old = [...removed].find((r) => deepEqual(before[r], after[key]));
    if (old === undefined) continue;
    const pair = pairs[keys.indexOf(old)] as Pair;
    const [start, end] = src.range(pair.key as Node);
    src.replace(start, end, renderKey(key));
    removed.delete(old);
    added.splice(added.indexOf(key), 1);
    keys[keys.indexOf(old)] = key;
  }
}

function pairEnd(src: SourceText, pair: Pair | undefined): number {
  if (pair === undefined) throw new Unsupported('pair');
  const value = pair.value as Node | null;
  const keyEnd = src.range(pair.key as Node)[1];
  return value?.range ? Math.max(keyEnd, src.contentEnd(value)) : keyEnd;
}

/** Calls `remove(from, to)` for each run of consecutive items not kept. */
function removeRuns(kept: readonly boolean[], remove: (from: number, to: number) => void): void {
  for (let i = 0; i < kept.length; i++) {
    if (kept[i] === true) continue;
    let j = i;
    while (j + 1 < kept.length && kept[j + 1] !== true) j++;
    remove(i, j);
    i = j;
  }
}

function patchSeq(src: SourceText, node: YAMLSeq, before: unknown[], after: unknown[], path: PathSegment[], slot: Slot): void {
  const items = node.items as (Node | null)[];
  if (items.length !== before.length) throw new Unsupported('items');
  if (node.flow && before.length !== after.length) {
    replaceWhole(src, node, after, path, slot);
    return;
  }
  const steps = node.flow ? before.map((_, i) => ({ kind: 'keep' as const, old: i, new: i })) : align(before, after);
  const kept = before.map(() => false);
  for (const step of steps) {
    if (step.kind !== 'keep') continue;
    kept[step.old] = true;
    patch(src, items[step.old] ?? null, before[step.old], after[step.new], [...path, step.new], { kind: 'item', flow: node.flow === true });
  }
  if (node.flow) return;
  const itemEnd = (i: number): number => src.lineEnd(src.contentEnd(items[i] ?? null));
  const dash = (i: number): number => src.dashBefore(items[i] ?? null);
  removeRuns(kept, (from, to) => {
    if (from > 0) src.remove(itemEnd(from - 1), itemEnd(to));
    else if (to + 1 < items.length) src.remove(src.lineStart(dash(0)), src.skipBlankLines(src.nextLineStart(itemEnd(to))));
    else throw new Unsupported('all removed');
  });
  const column = src.column(dash(0));
  const spaced = items.length > 1 && /\n[ \t\r]*\n/.test(src.text.slice(itemEnd(0), src.lineStart(dash(1)) + 1));
  const gap = spaced ? '\n' : '';
  let lastOld = -1;
  for (const step of steps) {
    if (step.kind === 'add') {
      const text = renderItem(after[step.new], [...path, step.new], column);
      if (lastOld < 0) src.insert(src.lineStart(dash(0)), `${' '.repeat(column)}${text}\n${gap}`);
      else src.insert(itemEnd(lastOld), `\n${gap}${' '.repeat(column)}${text}`);
    } else lastOld = step.old;
  }
}
