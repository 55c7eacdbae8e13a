import { describe, expect, it } from 'vitest';
import { PREVIEW_CLASS_KEY, secretRedactor, toCloneable } from '../cloneable-value.ts';

describe('toCloneable', () => {
  it('returns plain data as it is, without copying', () => {
    const value = { text: 'a', list: [1, null, true], when: new Date(5), map: new Map([['k', new Set([1n])]]), bytes: new Uint8Array(2) };
    expect(toCloneable(value)).toBe(value);
  });

  it('previews functions, symbols, class instances and errors, deep inside plain data', () => {
    class Point {
      x = 1;
      norm(): number {
        return this.x;
      }
    }
    const error = new RangeError('too far');
    const value = { nested: [{ fn: () => 1, tag: Symbol.for('t') }], point: new Point(), error, map: new Map([['p', new Point()]]) };
    const copy = toCloneable(value) as Record<string, unknown>;
    expect(copy).toEqual({
      nested: [{ fn: '[function fn]', tag: 'Symbol(t)' }],
      point: { [PREVIEW_CLASS_KEY]: 'Point', x: 1 },
      error: { [PREVIEW_CLASS_KEY]: 'RangeError', message: 'too far', stack: error.stack },
      map: new Map([['p', { [PREVIEW_CLASS_KEY]: 'Point', x: 1 }]]),
    });
    expect(() => structuredClone(copy)).not.toThrow();
    expect(value.nested[0]?.fn).toBeTypeOf('function'); // the original is untouched
  });

  it('keeps cycles as cycles', () => {
    const node: Record<string, unknown> = { fn: () => 0 };
    node['self'] = node;
    const copy = toCloneable(node) as Record<string, unknown>;
    expect(copy['self']).toBe(copy);
    expect(copy['fn']).toBe('[function fn]');
  });

  it('previews objects that cannot be cloned at all by their class', () => {
    expect(toCloneable({ pending: Promise.resolve(1), weak: new WeakMap() })).toEqual({
      pending: { [PREVIEW_CLASS_KEY]: 'Promise' },
      weak: { [PREVIEW_CLASS_KEY]: 'WeakMap' },
    });
  });

  it('redacts secrets in every string, keys of maps included', () => {
    const redact = secretRedactor(['sk-secret-1234']);
    const value = { message: 'key sk-secret-1234 refused', map: new Map([['sk-secret-1234', 'x']]), fine: 'ok' };
    expect(toCloneable(value, redact)).toEqual({ message: 'key [redacted] refused', map: new Map([['[redacted]', 'x']]), fine: 'ok' });
    const clean = { message: 'nothing to hide' };
    expect(toCloneable(clean, redact)).toBe(clean);
  });

  it('redacts secrets in property names too, however deep', () => {
    const redact = secretRedactor(['sk-secret-1234']);
    const value = { headers: { 'Bearer sk-secret-1234': 'yes' }, list: [{ 'sk-secret-1234': 1 }] };
    expect(toCloneable(value, redact)).toEqual({ headers: { 'Bearer [redacted]': 'yes' }, list: [{ '[redacted]': 1 }] });
    expect(JSON.stringify(toCloneable(value, redact))).not.toContain('sk-secret-1234');
  });

  it('treats strings under four characters as placeholders, not secrets', () => {
    expect(secretRedactor(['', 'x', 'na'])).toBeUndefined();
    expect(secretRedactor(['abcd', 'abcdef'])?.('abcdef abcd')).toBe('[redacted] [redacted]');
  });
});
