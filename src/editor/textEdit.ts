/** The smallest single replacement turning one text into another (as 0-based offsets into `before`). */
export interface TextReplacement {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * The one replacement that turns `before` into `after`: the common prefix and suffix stay, the
 * middle is replaced. Applying it as an edit (rather than replacing the whole text) keeps the
 * cursor and the editor's undo stack where the text did not change.
 */
export function textReplacement(before: string, after: string): TextReplacement | undefined {
  if (before === after) return undefined;
  const limit = Math.min(before.length, after.length);
  let start = 0;
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < limit - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, end: before.length - tail, text: after.slice(start, after.length - tail) };
}
