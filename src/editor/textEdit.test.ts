import { describe, expect, it } from 'vitest';
import { textReplacement } from './textEdit.ts';

function apply(before: string, after: string): string {
  const edit = textReplacement(before, after);
  if (edit === undefined) return before;
  return before.slice(0, edit.start) + edit.text + before.slice(edit.end);
}

describe('textReplacement', () => {
  it('answers nothing for equal texts', () => {
    expect(textReplacement('a: 1\n', 'a: 1\n')).toBeUndefined();
  });

  it('replaces only the changed middle', () => {
    expect(textReplacement('layout:\n  a: { x: 0, y: 0 }\n', 'layout:\n  a: { x: 40, y: 0 }\n')).toEqual({ start: 18, end: 18, text: '4' });
  });

  it('handles insertions, deletions and repeated characters', () => {
    for (const [before, after] of [
      ['aaa', 'aaaa'],
      ['aaaa', 'aa'],
      ['', 'x: 1\n'],
      ['x: 1\n', ''],
      ['# note\nx: 1\n', 'x: 2\n'],
      ['abcabc', 'abc'],
    ] as const) {
      expect(apply(before, after)).toBe(after);
    }
  });
});
