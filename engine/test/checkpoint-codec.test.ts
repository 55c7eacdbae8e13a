// The checkpoint codec: JSON-native values pass through, everything else is tagged and comes back
// equal; unsupported values and cycles fail with the path; decoding rejects unknown or malformed tags.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  WorkflowCheckpointError,
  decodeCheckpointValue,
  encodeCheckpointValue,
  registerCheckpointCodec,
  type JsonValue,
} from '@trellis/engine';

class Money {
  constructor(
    readonly cents: bigint,
    readonly currency: string,
  ) {}
}

const roundTrip = (value: unknown): unknown => decodeCheckpointValue(encodeCheckpointValue(value));
const jsonCopy = (json: JsonValue): unknown => JSON.parse(JSON.stringify(json));

/** The error `run` throws, checked to be a WorkflowCheckpointError. */
function errorOf(run: () => unknown): WorkflowCheckpointError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WorkflowCheckpointError);
    return error as WorkflowCheckpointError;
  }
  throw new Error('expected a WorkflowCheckpointError, but nothing was thrown');
}

describe('encodeCheckpointValue', () => {
  it('passes JSON-native values through unchanged', () => {
    const value = { name: 'order', count: 3, ratio: 0.5, ok: true, none: null, items: [1, 'two', { three: [3] }], empty: {} };
    expect(encodeCheckpointValue(value)).toStrictEqual(value);
  });

  it('tags what JSON cannot hold', () => {
    expect(encodeCheckpointValue(undefined)).toStrictEqual({ $type: 'undefined', value: null });
    expect(encodeCheckpointValue([Number.NaN, Infinity, -Infinity, -0, 0])).toStrictEqual([
      { $type: 'number', value: 'NaN' },
      { $type: 'number', value: 'Infinity' },
      { $type: 'number', value: '-Infinity' },
      { $type: 'number', value: '-0' },
      0,
    ]);
    expect(encodeCheckpointValue(12345678901234567890n)).toStrictEqual({ $type: 'bigint', value: '12345678901234567890' });
    expect(encodeCheckpointValue(new Date('2024-05-06T07:08:09.010Z'))).toStrictEqual({ $type: 'Date', value: '2024-05-06T07:08:09.010Z' });
    expect(encodeCheckpointValue(new Date(Number.NaN))).toStrictEqual({ $type: 'Date', value: null });
    expect(encodeCheckpointValue(new Map([['a', new Set([1n])]]))).toStrictEqual({
      $type: 'Map',
      value: [['a', { $type: 'Set', value: [{ $type: 'bigint', value: '1' }] }]],
    });
    expect(encodeCheckpointValue(/a+b/gi)).toStrictEqual({ $type: 'RegExp', value: { source: 'a+b', flags: 'gi' } });
    expect(encodeCheckpointValue(new Float64Array([1.5, Number.NaN]))).toStrictEqual({
      $type: 'Float64Array',
      value: [1.5, { $type: 'number', value: 'NaN' }],
    });
  });

  it('escapes a plain object that has a $type key of its own, and decodes it as a plain object', () => {
    const lookalike = { $type: 'Date', value: '2024-01-01T00:00:00.000Z' };
    const encoded = encodeCheckpointValue({ nested: lookalike });
    expect(encoded).toStrictEqual({ nested: { $type: 'object', value: lookalike } });
    const decoded = decodeCheckpointValue(encoded) as { nested: unknown };
    expect(decoded.nested).not.toBeInstanceOf(Date);
    expect(decoded).toStrictEqual({ nested: lookalike });
  });

  it('turns array holes into undefined and keeps the length', () => {
    const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays -- the hole is the point
    const decoded = roundTrip(sparse) as unknown[];
    expect(decoded).toHaveLength(3);
    expect(1 in decoded).toBe(true);
    expect(decoded).toStrictEqual([1, undefined, 3]);
  });

  it('keeps own __proto__ and constructor keys as data without touching the prototype', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "constructor": "Money", "a": 1}') as Record<string, unknown>;
    const decoded = roundTrip(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.keys(decoded)).toEqual(['__proto__', 'constructor', 'a']);
    expect(decoded['__proto__']).toStrictEqual({ polluted: true });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(jsonCopy(encodeCheckpointValue(value))).toStrictEqual(encodeCheckpointValue(value));
  });

  it('names the path, the class and registerCheckpointCodec for an unregistered class', () => {
    const state = { order: { items: ['a', 'b', new Money(5n, 'EUR')] } };
    const error = errorOf(() => encodeCheckpointValue(state, '$.state'));
    expect(error.message).toContain('$.state.order.items[2]');
    expect(error.message).toContain('class Money');
    expect(error.message).toContain('registerCheckpointCodec');
  });

  it('rejects functions, symbols and subclasses of built-ins, naming the path', () => {
    expect(errorOf(() => encodeCheckpointValue({ callback: function onDone() {} })).message).toMatch(/\$\.callback: .*function \(onDone\)/);
    expect(errorOf(() => encodeCheckpointValue({ 'odd key': Symbol('s') })).message).toContain('$["odd key"]: it is a symbol (Symbol(s))');
    class Registry extends Map<string, number> {}
    expect(errorOf(() => encodeCheckpointValue([new Registry()])).message).toContain('$[0]: it is an instance of class Registry');
    expect(errorOf(() => encodeCheckpointValue(new Map([['k', () => 1]]))).message).toContain('$.get("k")');
  });

  it('reports a cycle with both paths, but writes a shared object twice', () => {
    const order: Record<string, unknown> = { id: 1 };
    order['self'] = { back: order };
    const error = errorOf(() => encodeCheckpointValue({ order }));
    expect(error.message).toContain('$.order.self.back');
    expect(error.message).toContain('refers back to $.order');
    const shared = { n: 1 };
    expect(roundTrip({ a: shared, b: [shared] })).toStrictEqual({ a: { n: 1 }, b: [{ n: 1 }] });
  });

  it('writes a null-prototype object as a plain object (it comes back with Object.prototype)', () => {
    const dictionary = Object.assign(Object.create(null) as Record<string, unknown>, { a: new Date(0) });
    const encoded = encodeCheckpointValue(dictionary);
    expect(encoded).toStrictEqual({ a: { $type: 'Date', value: '1970-01-01T00:00:00.000Z' } });
    expect(decodeCheckpointValue(encoded)).toStrictEqual({ a: new Date(0) });
  });
});

describe('decodeCheckpointValue', () => {
  it('rejects an unknown tag, naming it and the path', () => {
    const error = errorOf(() => decodeCheckpointValue({ a: [1, { $type: 'Invoice', value: {} }] }));
    expect(error.message).toContain("'Invoice'");
    expect(error.message).toContain('$.a[1]');
    expect(error.message).toContain('registerCheckpointCodec');
  });

  it.each([
    [{ $type: 'Date', value: 'not a date' }, "'Date' needs"],
    [{ $type: 'Map', value: [[1]] }, "'Map' entry 0"],
    [{ $type: 'number', value: 'one' }, "'number' needs"],
    [{ $type: 'bigint', value: '1.5' }, "'bigint' needs"],
    [{ $type: 'RegExp', value: { source: '(', flags: '' } }, 'not a valid regular expression'],
    [{ $type: 'Uint8Array', value: ['x'] }, "'Uint8Array' needs numbers"],
    [{ $type: 'Set', value: [], extra: 1 }, 'exactly { "$type": string, "value": ... }'],
    [{ $type: 'object', value: [] }, "'object' needs an object"],
  ])('rejects a malformed envelope %j', (json, message) => {
    expect(errorOf(() => decodeCheckpointValue({ field: json as JsonValue })).message).toContain(message);
  });
});

describe('registerCheckpointCodec', () => {
  it('round-trips a registered class inside other values, encoding what encode returns', () => {
    const unregister = registerCheckpointCodec<Money>({
      type: 'Money',
      is: (value): value is Money => value instanceof Money,
      encode: (money) => ({ cents: money.cents, currency: money.currency }),
      decode: (data) => {
        const { cents, currency } = data as { cents: bigint; currency: string };
        return new Money(cents, currency);
      },
    });
    try {
      const value = { prices: new Map([['tea', new Money(250n, 'EUR')]]) };
      const encoded = encodeCheckpointValue(value);
      expect(encoded).toStrictEqual({
        prices: {
          $type: 'Map',
          value: [['tea', { $type: 'Money', value: { cents: { $type: 'bigint', value: '250' }, currency: 'EUR' } }]],
        },
      });
      const decoded = decodeCheckpointValue(jsonCopy(encoded) as JsonValue) as typeof value;
      expect(decoded.prices.get('tea')).toBeInstanceOf(Money);
      expect(decoded).toStrictEqual(value);
    } finally {
      unregister();
    }
    expect(() => encodeCheckpointValue(new Money(1n, 'EUR'))).toThrow(/class Money/);
    expect(() => decodeCheckpointValue({ $type: 'Money', value: {} })).toThrow(/unknown "\$type" 'Money'/);
  });

  it('refuses built-in tag names and wraps a failing codec with the path', () => {
    expect(() =>
      registerCheckpointCodec({ type: 'Date', is: (v): v is Date => v instanceof Date, encode: String, decode: () => new Date() }),
    ).toThrow(/built-in checkpoint type/);
    const unregister = registerCheckpointCodec<Money>({
      type: 'BrokenMoney',
      is: (value): value is Money => value instanceof Money,
      encode: () => {
        throw new Error('no currency table');
      },
      decode: () => new Money(0n, ''),
    });
    try {
      const error = errorOf(() => encodeCheckpointValue({ total: new Money(1n, 'EUR') }));
      expect(error.message).toContain("'BrokenMoney' codec's encode failed at $.total: no currency table");
      expect(error.cause).toBeInstanceOf(Error);
    } finally {
      unregister();
    }
  });
});

describe('codec properties', () => {
  let unregister: () => void = () => undefined;
  beforeAll(() => {
    unregister = registerCheckpointCodec<Money>({
      type: 'Money',
      is: (value): value is Money => value instanceof Money,
      encode: (money) => [money.cents, money.currency],
      decode: (data) => new Money(...(data as [bigint, string])),
    });
  });
  afterAll(() => {
    unregister();
  });

  // No `constructor` key: toStrictEqual compares `a.constructor === b.constructor`, which an own
  // `constructor` holding an object never passes (the unit test above covers that key).
  const key = fc.oneof({ weight: 6, arbitrary: fc.string() }, fc.constantFrom('$type', 'value', '__proto__'));
  const money = fc.tuple(fc.bigInt(), fc.string()).map(([cents, currency]) => new Money(cents, currency));
  const special = fc.constantFrom(-0, Number.NaN, Infinity, -Infinity, undefined);
  const leaf = fc.oneof(fc.boolean(), fc.integer(), fc.double(), fc.string(), fc.constant(null), special, fc.bigInt(), money);
  const anything = fc.anything({
    key,
    values: [leaf],
    maxDepth: 4,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
  });
  const tagLookalike = fc.record(
    { $type: fc.constantFrom('Date', 'Map', 'undefined', 'object', 'Money', 'Nope'), value: anything },
    { noNullPrototype: true },
  );
  const value = fc.oneof(anything, tagLookalike, fc.dictionary(key, fc.oneof(anything, tagLookalike), { noNullPrototype: true }));

  it('decode(encode(v)) deep-equals v', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(roundTrip(v)).toStrictEqual(v);
      }),
      { numRuns: 500 },
    );
  });

  it('encode output survives a JSON round trip unchanged, and decodes the same after it', () => {
    fc.assert(
      fc.property(value, (v) => {
        const encoded = encodeCheckpointValue(v);
        expect(jsonCopy(encoded)).toStrictEqual(encoded);
        expect(decodeCheckpointValue(jsonCopy(encoded) as JsonValue)).toStrictEqual(v);
      }),
      { numRuns: 500 },
    );
  });

  it('leaves JSON-native values without $type keys exactly as they are', () => {
    const hasTypeKey = (json: unknown): boolean =>
      typeof json === 'object' && json !== null && (Object.hasOwn(json, '$type') || Object.values(json).some(hasTypeKey));
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const native = jsonCopy(json as JsonValue) as JsonValue; // JSON itself turns -0 into 0
        fc.pre(!hasTypeKey(native));
        expect(encodeCheckpointValue(native)).toStrictEqual(native);
      }),
    );
  });
});
