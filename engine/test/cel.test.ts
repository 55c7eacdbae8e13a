// CEL for the declarative format: compile once, evaluate many times, plain JSON in and out.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CelExpressionError, compileCel } from '../src/index.js';
import { celMapView, fromCel, toCel } from '../src/declarative/cel-values.js';

const TRANSFORM = ['input', 'state', 'inputs'] as const;
const cel = (expression: string, input: unknown, more: Record<string, unknown> = {}) =>
  compileCel(expression, TRANSFORM)({ input, ...more });

describe('compileCel: numbers', () => {
  it('takes whole numbers as int and gives numbers back', () => {
    expect(cel('input + 1', 41)).toBe(42);
    expect(cel('input / 2', 7)).toBe(3); // int division
    expect(cel('input % 4', 10)).toBe(2);
    expect(cel('[input, input * 2]', 3)).toEqual([3, 6]);
  });

  it('takes other numbers as double', () => {
    expect(cel('input * 2.0', 1.25)).toBe(2.5);
    expect(cel('input / 2.0', 7.0 + 0.5)).toBe(3.75);
    expect(cel('input > 0.8', 0.9)).toBe(true);
    expect(cel('double(input) / 2.0', 7)).toBe(3.5);
  });

  it('compares ints with doubles', () => {
    expect(cel('input > 0.5', 5)).toBe(true);
    expect(cel('input == 5.0', 5)).toBe(true);
  });

  it('gives an int beyond the safe range as its decimal string, so no digit is lost', () => {
    expect(cel('9007199254740993', null)).toBe('9007199254740993');
    expect(cel('input * 1000', 9007199254740)).toBe(9007199254740000);
  });

  it('refuses int + double as CEL does, naming the expression', () => {
    expect(() => cel('input + 1', 1.5)).toThrow(CelExpressionError);
    expect(() => cel('input + 1', 1.5)).toThrow("The CEL expression 'input + 1' failed: no such overload: dyn<double> + int");
  });
});

describe('compileCel: strings, lists, maps', () => {
  it('has size() for strings, lists and maps', () => {
    expect(cel('size(input)', 'hello')).toBe(5);
    expect(cel('size(input)', [1, 2, 3])).toBe(3);
    expect(cel('size(input)', { a: 1, b: 2 })).toBe(2);
    expect(cel('input.size()', 'hé')).toBe(2);
  });

  it('has the string functions', () => {
    expect(cel('input.startsWith("he") && input.endsWith("lo") && input.contains("ll")', 'hello')).toBe(true);
    expect(cel('input.matches("^h.*o$")', 'hello')).toBe(true);
    expect(cel('input.upperAscii() + input.lowerAscii()', 'Hi')).toBe('HIhi');
    expect(cel('input.substring(1, 3)', 'hello')).toBe('el');
    expect(cel('input.indexOf("l")', 'hello')).toBe(2);
    expect(cel('input.split(",")', 'a,b')).toEqual(['a', 'b']);
    expect(cel('input.join("-")', ['a', 'b'])).toBe('a-b');
    expect(cel('input.trim()', '  x ')).toBe('x');
    expect(cel('string(input) + "!"', 7)).toBe('7!');
  });

  it("gives the spec's map literal with mixed value types as a plain object", () => {
    expect(cel('{"text": input, "long": size(input) > 200}', 'hi')).toEqual({ text: 'hi', long: false });
    expect(cel('{"text": input, "long": size(input) > 200}', 'x'.repeat(201))).toEqual({ text: 'x'.repeat(201), long: true });
    expect(cel('[1, "a", 2.5, true, null]', null)).toEqual([1, 'a', 2.5, true, null]);
    expect(cel('{"n": {"m": [1, 2]}}', null)).toEqual({ n: { m: [1, 2] } });
  });

  it('tests fields with has() and reads nested values', () => {
    expect(cel('has(input.a)', { a: 1 })).toBe(true);
    expect(cel('has(input.b)', { a: 1 })).toBe(false);
    expect(cel('has(input.b)', { a: 1, b: undefined })).toBe(false);
    expect(cel('input.a.b[1] + 1', { a: { b: [0, 41] } })).toBe(42);
    expect(cel('"a" in input', { a: 1 })).toBe(true);
  });

  it('has the macros', () => {
    expect(cel('input.map(x, x * 2)', [1, 2, 3])).toEqual([2, 4, 6]);
    expect(cel('input.filter(x, x > 1)', [1, 2, 3])).toEqual([2, 3]);
    expect(cel('input.exists(x, x == 2) && input.all(x, x > 0)', [1, 2, 3])).toBe(true);
  });

  it('sees undefined as null and gives timestamps, bytes and durations back as JSON', () => {
    expect(cel('input == null', undefined)).toBe(true);
    expect(cel('timestamp("2024-01-01T00:00:00Z")', null)).toBe('2024-01-01T00:00:00.000Z');
    expect(cel('b"ab"', null)).toEqual([97, 98]);
    expect(cel('duration("90s")', null)).toBe('90s');
    expect(cel('5u', null)).toBe(5);
  });
});

describe('compileCel: state and inputs', () => {
  it('sees the other variables', () => {
    expect(cel('inputs.topic + ": " + input', 'x', { inputs: { topic: 'tea' } })).toBe('tea: x');
  });

  it('reads a map view lazily, and lists its keys', () => {
    const state = new Map<string, unknown>([['count', 3]]);
    const view = celMapView({ get: (k) => state.get(k), has: (k) => state.has(k), keys: () => [...state.keys()] });
    const check = compileCel('has(state.count) && state.count + 1 == 4 && size(state) == 1 && !has(state.other)', TRANSFORM);
    expect(check({ state: view })).toBe(true);
    state.set('count', 5);
    expect(compileCel('state.count', TRANSFORM)({ state: view })).toBe(5);
  });

  it('says which variables an expression uses', () => {
    expect([...compileCel('input + size(state)', TRANSFORM).uses].sort()).toEqual(['input', 'state']);
    expect([...compileCel('[1].map(x, x + 1)', TRANSFORM).uses]).toEqual([]);
  });
});

describe('compileCel: errors name the expression', () => {
  it('rejects syntax errors at compile time', () => {
    expect(() => compileCel('1 +', TRANSFORM)).toThrow("The CEL expression '1 +' does not parse: Unexpected token: EOF");
    const error = (() => {
      try {
        compileCel('input +', TRANSFORM);
      } catch (e) {
        return e as CelExpressionError;
      }
      return undefined;
    })();
    expect(error?.name).toBe('CelExpressionError');
    expect(error?.expression).toBe('input +');
    expect(error?.offset).toBe(7);
  });

  it('rejects unknown variables and clear type errors at compile time', () => {
    expect(() => compileCel('message.x', TRANSFORM)).toThrow("The CEL expression 'message.x' is not valid: Unknown variable: message");
    expect(() => compileCel('1 + "a"', TRANSFORM)).toThrow(/is not valid: no such overload: int \+ string/);
    expect(() => compileCel('', TRANSFORM)).toThrow('A CEL expression must be a non-empty string');
  });

  it('reports evaluation errors with the expression', () => {
    expect(() => cel('input.missing', {})).toThrow("The CEL expression 'input.missing' failed: No such key: missing");
    expect(() => cel('1 / input', 0)).toThrow("The CEL expression '1 / input' failed: division by zero");
  });
});

describe('value conversion', () => {
  it('round-trips JSON values (whole numbers as int, others as double)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json: unknown = JSON.parse(JSON.stringify(value));
        expect(fromCel(toCel(json))).toEqual(json);
      }),
    );
  });

  it('round-trips JSON values through CEL itself', () => {
    const identity = compileCel('input', TRANSFORM);
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        const json: unknown = JSON.parse(JSON.stringify(value));
        expect(identity({ input: json })).toEqual(json);
      }),
      { numRuns: 200 },
    );
  });

  it('keeps a key named __proto__ as data', () => {
    const json = JSON.parse('{"__proto__": 1, "a": 2}') as unknown;
    const back = fromCel(toCel(json)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(['__proto__', 'a']);
  });

  it('copies only what changes', () => {
    const plain = { a: 'x', b: [true, 'y'] };
    expect(toCel(plain)).toBe(plain);
    const withNumber = { a: 'x', n: 1 };
    expect(toCel(withNumber)).toEqual({ a: 'x', n: 1n });
    expect(withNumber.n).toBe(1);
  });
});
