import { isScalar, type Node } from 'yaml';

/** A shape the in-place writer does not handle; the caller then writes clean YAML. */
export class Unsupported extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Unsupported';
  }
}

interface Edit {
  start: number;
  end: number;
  text: string;
  order: number;
}

/**
 * A YAML source text and the edits to make to it, all given as offsets into the original: the
 * edits are applied from the end, so none moves another. Also answers the layout questions the
 * in-place writer asks (columns, line ends, where a list item's dash is).
 */
export class SourceText {
  readonly #edits: Edit[] = [];

  readonly #crlf: boolean;

  constructor(readonly text: string) {
    this.#crlf = text.includes('\r\n');
  }

  /** Replaces `[start, end)` of the original with `text`. */
  replace(start: number, end: number, replacement: string): void {
    if (start < 0 || end < start || end > this.text.length) throw new Unsupported('range');
    // new lines follow the file's convention
    const text = this.#crlf ? replacement.replace(/\r?\n/g, '\r\n') : replacement;
    if (start === end && text === '') return;
    if (this.text.slice(start, end) === text) return;
    this.#edits.push({ start, end, text, order: this.#edits.length });
  }

  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }

  remove(start: number, end: number): void {
    this.replace(start, end, '');
  }

  /** The edited text; throws {@link Unsupported} when two edits overlap. */
  apply(): string {
    const edits = [...this.#edits].sort(
      (a, b) => b.start - a.start || Number(b.end > b.start) - Number(a.end > a.start) || b.order - a.order,
    );
    let text = this.text;
    let limit = Number.POSITIVE_INFINITY;
    for (const edit of edits) {
      if (edit.end > limit) throw new Unsupported('overlapping edits');
      text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
      limit = edit.start;
    }
    return text;
  }

  /** A node's source range (`[start, valueEnd, nodeEnd]`). */
  range(node: Node | null): [number, number, number] {
    const range = node?.range;
    if (!range) throw new Unsupported('no range');
    return range;
  }

  /** The end of a node's own text: trailing blank lines dropped (a block scalar keeps its last line whole). */
  contentEnd(node: Node | null): number {
    const [start, end] = this.range(node);
    let at = end;
    while (at > start && /\s/.test(this.text[at - 1] ?? '')) at--;
    if (isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED')) at = Math.min(this.lineEnd(at), end);
    return at;
  }

  lineStart(at: number): number {
    return this.text.lastIndexOf('\n', at - 1) + 1;
  }

  /** The offset of the line break ending the line of `at` (its `\r` in a CRLF file), or the text's end. */
  lineEnd(at: number): number {
    const found = this.text.indexOf('\n', at);
    if (found < 0) return this.text.length;
    return found > at && this.text[found - 1] === '\r' ? found - 1 : found;
  }

  /** The start of the line after the line of `at` (or the text's end). */
  nextLineStart(at: number): number {
    const found = this.text.indexOf('\n', at);
    return found < 0 ? this.text.length : found + 1;
  }

  column(at: number): number {
    return at - this.lineStart(at);
  }

  /** The offset of the `:` after a key ending at `at`. */
  colonAfter(at: number): number {
    let i = at;
    while (this.text[i] === ' ' || this.text[i] === '\t') i++;
    if (this.text[i] !== ':') throw new Unsupported('colon');
    return i;
  }

  /** The offset of the `-` introducing a block list item. */
  dashBefore(node: Node | null): number {
    let i = this.range(node)[0] - 1;
    while (i >= 0 && /\s/.test(this.text[i] ?? '')) i--;
    if (this.text[i] !== '-') throw new Unsupported('dash');
    return i;
  }

  dashColumn(node: Node | null): number {
    return this.column(this.dashBefore(node));
  }

  /** From a line start, the start of the first line that is not blank. */
  skipBlankLines(at: number): number {
    let i = Math.min(at, this.text.length);
    while (i < this.text.length && this.text.slice(i, this.lineEnd(i)).trim() === '') i = this.nextLineStart(i);
    return i;
  }
}
