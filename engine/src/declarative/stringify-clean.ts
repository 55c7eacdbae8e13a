import { Document, Pair, Scalar, YAMLMap, YAMLSeq, type Node, type ToStringOptions } from 'yaml';
import { keyOrder, mappingKind } from './parse-keys.js';
import { isRecord, type PathSegment } from './problems.js';

/**
 * Clean YAML for a definition: keys in the spec's order, `|` blocks for multi-line strings, flow
 * `{ x, y }` layout entries and `[a, b]` fan-out/fan-in lists, blank lines between the sections
 * and executors. Also renders the fragments the minimal-edit writer splices into a file.
 */

/** Writer options: no re-wrapping of long lines, two-space indentation. */
export const YAML_STRINGIFY_OPTIONS: ToStringOptions = {
  lineWidth: 0,
  minContentWidth: 0,
  indent: 2,
  indentSeq: true,
  flowCollectionPadding: true,
  blockQuote: 'literal',
  // a multi-line string that cannot be a | block is written on one line, with \n escapes
  doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER,
};

/** The YAML text of a definition, written from scratch. */
export function cleanYaml(definition: unknown): string {
  const doc = new Document();
  doc.contents = buildNode(definition, [], false);
  return doc.toString(YAML_STRINGIFY_OPTIONS);
}

/** Whether a free-form mapping (a JSON Schema) is small enough to be written on one line. */
function isSmall(value: unknown): boolean {
  try {
    const json = JSON.stringify(value) as string | undefined;
    return json !== undefined && json.length <= 60;
  } catch {
    return false;
  }
}

/** Orders keys: those `order` names first, in its order, then the others as given. */
export function orderedKeys(keys: readonly string[], order: readonly string[] | undefined): string[] {
  if (order === undefined) return [...keys];
  const known = order.filter((k) => keys.includes(k));
  return [...known, ...keys.filter((k) => !order.includes(k))];
}

/** Whether the writer puts a blank line before `key` in the mapping at `path` (the sections). */
export function spacedKey(path: readonly PathSegment[], key: string): boolean {
  const kind = mappingKind(path);
  return (kind === 'body' && (key === 'executors' || key === 'edges')) || (kind === 'root' && key === 'layout');
}

/** Builds the YAML node of `value`, found at `path` in a definition, in the writer's style. */
export function buildNode(value: unknown, path: readonly PathSegment[], inFlow: boolean): Node {
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    const parent = mappingKind(path.slice(0, -1));
    const last = path[path.length - 1];
    seq.flow = inFlow || value.length === 0 || (parent === 'edge' && (last === 'from' || last === 'to'));
    (value as unknown[]).forEach((item, i) => {
      const node = buildNode(item, [...path, i], seq.flow === true);
      if (i > 0 && mappingKind([...path, i]) === 'executor' && !seq.flow) node.spaceBefore = true;
      seq.items.push(node);
    });
    return seq;
  }
  if (isRecord(value)) {
    const map = new YAMLMap();
    const kind = mappingKind(path);
    map.flow = inFlow || kind === 'layout_entry' || Object.keys(value).length === 0 || (kind === undefined && isSmall(value));
    for (const key of orderedKeys(Object.keys(value), keyOrder(path, value))) {
      const keyNode = new Scalar(key);
      if (spacedKey(path, key) && !map.flow) keyNode.spaceBefore = true;
      map.items.push(new Pair(keyNode, buildNode(value[key], [...path, key], map.flow)));
    }
    return map;
  }
  const scalar = new Scalar(value);
  if (typeof value === 'string' && value.includes('\n')) scalar.type = blockSafe(value) && !inFlow ? 'BLOCK_LITERAL' : 'QUOTE_DOUBLE';
  return scalar;
}

/**
 * Whether a multi-line string is written as a `|` block: no characters a block cannot hold, no
 * trailing blank lines, and a first non-blank line without leading spaces (which would change the
 * indentation) preceded only by empty lines.
 */
export function blockSafe(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- these are the characters a block scalar cannot hold
  if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(value)) return false;
  const lines = value.split('\n');
  // trailing blank lines need `|+`, whose extent depends on what follows: not spliced safely
  if ((lines[lines.length - 1] === '' ? lines[lines.length - 2] : lines[lines.length - 1])?.trim() === '') return false;
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first < 0 || /^\s/.test(lines[first] ?? '')) return false;
  return lines.slice(0, first).every((line) => line === '');
}

function render(node: Node): string {
  const doc = new Document();
  doc.contents = node;
  return doc.toString(YAML_STRINGIFY_OPTIONS).replace(/\n$/, '');
}

/** Indents every line but the first by `column` spaces (empty lines stay empty). */
export function indentRest(text: string, column: number): string {
  const pad = ' '.repeat(column);
  return text
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : pad + line))
    .join('\n');
}

/** `key: value` (possibly several lines) for a mapping whose keys start at `column`. */
export function renderPair(key: string, value: unknown, path: readonly PathSegment[], column: number): string {
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar(key), buildNode(value, path, false)));
  return indentRest(render(map), column);
}

/** What follows `key:` for `value` (` scalar`, ` { flow }` or a new line and an indented block). */
export function renderAfterKey(value: unknown, path: readonly PathSegment[], column: number, styleFrom?: Scalar): string {
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar('k'), styled(buildNode(value, path, false), styleFrom)));
  return indentRest(render(map).slice(2), column);
}

/** `- value` (possibly several lines) for a list whose dashes are at `column`. */
export function renderItem(value: unknown, path: readonly PathSegment[], column: number): string {
  const seq = new YAMLSeq();
  seq.items.push(buildNode(value, path, false));
  return indentRest(render(seq), column);
}

/** What follows `- ` for `value` in a list whose dashes are at `column`. */
export function renderAfterDash(value: unknown, path: readonly PathSegment[], column: number, styleFrom?: Scalar): string {
  const seq = new YAMLSeq();
  seq.items.push(styled(buildNode(value, path, false), styleFrom));
  return indentRest(render(seq).slice(2), column);
}

/** `value` on one line, for a place inside a flow collection. */
export function renderFlow(value: unknown, path: readonly PathSegment[], styleFrom?: Scalar): string {
  const seq = new YAMLSeq();
  seq.flow = true;
  seq.items.push(styled(buildNode(value, path, true), styleFrom));
  return render(seq).replace(/^\[ ?/, '').replace(/ ?\]$/, '');
}

/** A key as written (plain when it can be). */
export function renderKey(key: string): string {
  const map = new YAMLMap();
  map.items.push(new Pair(new Scalar(key), new Scalar(null)));
  return render(map).replace(/:( null)?$/, '');
}

/** Keeps the quoting style of the scalar a new value replaces (yaml falls back when it cannot). */
function styled(node: Node, from: Scalar | undefined): Node {
  if (from === undefined || !(node instanceof Scalar) || typeof node.value !== 'string') return node;
  // multi-line values are written as buildNode chose (a | block when it reads back the same)
  if (node.value.includes('\n')) return node;
  if (from.type === 'QUOTE_SINGLE' || from.type === 'QUOTE_DOUBLE') node.type = from.type;
  else if (from.type === 'BLOCK_LITERAL' || from.type === 'BLOCK_FOLDED') node.type = 'BLOCK_LITERAL';
  return node;
}
