import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type Scalar } from 'yaml';
import type { PathSegment, RawProblem, Span } from './problems.js';

/** What a path leads to in a YAML document: the deepest node reached and, for a mapping value, its pair. */
export interface Located {
  /** The node at the path, or the deepest ancestor found when the path goes deeper than the YAML holds. */
  node: Node | null;
  /** The pair holding `node` when it is a mapping value (its key node gives the key's position). */
  pair: Pair | undefined;
  /** Whether the whole path was found. */
  complete: boolean;
}

/** Follows `path` (mapping keys compared as strings, list indexes) from the document's root. */
export function locate(doc: Document, path: readonly PathSegment[]): Located {
  let node = resolve(doc, doc.contents);
  let pair: Pair | undefined;
  for (const segment of path) {
    if (isMap(node)) {
      const found = node.items.find((item) => keyText(item.key) === String(segment));
      if (found === undefined) return { node, pair, complete: false };
      pair = found;
      node = resolve(doc, found.value as Node | null);
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (item === undefined) return { node, pair, complete: false };
      pair = undefined;
      node = resolve(doc, item);
    } else {
      return { node, pair, complete: false };
    }
  }
  return { node, pair, complete: true };
}

/** A mapping key as the JS value `toJS` gives it: scalars stringified, anything else unmatched. */
export function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const value: unknown = key.value;
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value.toString();
  return undefined;
}

function resolve(doc: Document, node: Node | null): Node | null {
  if (isAlias(node)) {
    const target = node.resolve(doc);
    return target ?? null;
  }
  return node;
}

/** Turns offsets into 1-based line and column with the parser's line counter. */
export function spanOf(lineCounter: LineCounter, start: number, end?: number): Span {
  const from = lineCounter.linePos(start);
  const span: Span = { line: from.line, column: from.col };
  if (end !== undefined && end > start) {
    const to = lineCounter.linePos(end);
    span.endLine = to.line;
    span.endColumn = to.col;
  }
  return span;
}

/** A locator for a parsed YAML text: the position of a raw problem (its value's, its key's, or inside a string). */
export function yamlLocator(doc: Document, lineCounter: LineCounter, text: string): (problem: RawProblem) => Span {
  return (problem) => {
    const found = locate(doc, problem.path);
    const keyNode = found.complete ? (found.pair?.key as Node | undefined) : undefined;
    const valueNode = found.node;
    const emptyValue = isScalar(valueNode) && valueNode.range != null && valueNode.range[0] === valueNode.range[1];
    const useKey = keyNode?.range !== undefined && (problem.target === 'key' || (found.complete && (valueNode === null || emptyValue)));
    const node = useKey ? keyNode : valueNode;
    const range = node?.range;
    if (!range) return { line: 1, column: 1 };
    if (!useKey && found.complete && problem.offset !== undefined && isScalar(node)) {
      const at = offsetInScalar(node, text, problem.offset);
      if (at !== undefined) return spanOf(lineCounter, at);
    }
    return spanOf(lineCounter, range[0], range[1]);
  };
}

/**
 * The source offset of character `offset` of a string scalar, when the scalar is written so that
 * the mapping is simple (one-line plain or quoted, or a literal block); undefined otherwise.
 */
export function offsetInScalar(node: Scalar, text: string, offset: number): number | undefined {
  const range = node.range;
  if (!range || typeof node.value !== 'string') return undefined;
  const value = node.value;
  const source = text.slice(range[0], range[1]);
  switch (node.type) {
    case 'PLAIN':
      return source === value ? range[0] + offset : undefined;
    case 'QUOTE_SINGLE':
    case 'QUOTE_DOUBLE':
      return quotedOffset(source, value, offset, node.type === 'QUOTE_SINGLE', range[0]);
    case 'BLOCK_LITERAL':
      return literalOffset(source, value, offset, range[0]);
    default:
      return undefined;
  }
}

function quotedOffset(source: string, value: string, offset: number, single: boolean, start: number): number | undefined {
  if (source.includes('\n')) return undefined;
  // map each decoded character to its raw position; give up on anything but simple escapes
  const positions: number[] = [];
  for (let i = 1; i < source.length - 1;) {
    positions.push(i);
    const c = source[i];
    if (single) i += c === "'" ? 2 : 1;
    else if (c !== '\\') i += 1;
    else {
      const kind = source[i + 1] ?? '';
      const width = kind === 'x' ? 4 : kind === 'u' ? 6 : kind === 'U' ? 10 : 2;
      if (kind === 'U') return undefined;
      i += width;
    }
  }
  if (positions.length !== value.length) return undefined;
  return start + (positions[offset] ?? source.length - 1);
}

function literalOffset(source: string, value: string, offset: number, start: number): number | undefined {
  const header = source.indexOf('\n');
  if (header < 0 || /\d/.test(source.slice(0, header))) return undefined;
  const before = value.slice(0, offset).split('\n');
  const lineIndex = before.length - 1;
  const column = (before[lineIndex] ?? '').length;
  const lines = source.slice(header + 1).split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => l.length - l.trimStart().length));
  if (!Number.isFinite(indent) || lineIndex >= lines.length) return undefined;
  let at = start + header + 1;
  for (let i = 0; i < lineIndex; i++) at += (lines[i] ?? '').length + 1;
  return at + indent + column;
}
