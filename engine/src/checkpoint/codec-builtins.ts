/**
 * The built-in types of the checkpoint codec: how each value JSON cannot hold is written as the
 * `value` of a `{ "$type": tag, "value": ... }` envelope, and read back. Kept apart from the codec
 * proper (codec.ts), which walks the value and owns the registry of user codecs.
 */
import type { JsonValue } from './types.js';

/** Encodes a nested value at a path (the codec's own recursion, so nested values are tagged too). */
export type EncodeChild = (value: unknown, path: string) => JsonValue;
/** Decodes a nested value at a path. */
export type DecodeChild = (json: JsonValue, path: string) => unknown;

interface NumberArrayConstructor {
  readonly name: string;
  readonly prototype: object;
  new (values: readonly number[]): object;
}

interface BigIntArrayConstructor {
  readonly name: string;
  readonly prototype: object;
  new (values: readonly bigint[]): object;
}

const NUMBER_ARRAYS: readonly NumberArrayConstructor[] = [
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
];
const BIGINT_ARRAYS: readonly BigIntArrayConstructor[] = [BigInt64Array, BigUint64Array];

const NUMBER_NAMES: ReadonlyMap<string, number> = new Map([
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['-0', -0],
]);

/**
 * Every tag the codec writes by itself (`object` is the escape for plain objects with a `$type`
 * key); user codecs may not take these names.
 */
export const BUILTIN_TAGS: ReadonlySet<string> = new Set([
  'undefined',
  'number',
  'bigint',
  'object',
  'Date',
  'Map',
  'Set',
  'RegExp',
  'ArrayBuffer',
  'DataView',
  ...NUMBER_ARRAYS.map((ctor) => ctor.name),
  ...BIGINT_ARRAYS.map((ctor) => ctor.name),
]);

/**
 * The envelope for a built-in object type, or undefined if `value` is none. Only exact instances
 * match (prototype identity): a subclass would lose its class on the way back, so it is left to a
 * registered codec or reported as unsupported.
 */
export function encodeBuiltin(value: object, path: string, encodeChild: EncodeChild): { tag: string; value: JsonValue } | undefined {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Date.prototype) {
    const time = (value as Date).getTime();
    // An invalid Date has no ISO form; null stands for it.
    return { tag: 'Date', value: Number.isNaN(time) ? null : (value as Date).toISOString() };
  }
  if (proto === Map.prototype) {
    const entries = Array.from(value as Map<unknown, unknown>, ([key, item], index) => [
      encodeChild(key, `${path}.keys()[${index}]`),
      encodeChild(item, `${path}.get(${describeKey(key, index)})`),
    ]);
    return { tag: 'Map', value: entries };
  }
  if (proto === Set.prototype) {
    return { tag: 'Set', value: Array.from(value as Set<unknown>, (item, index) => encodeChild(item, `${path}.values()[${index}]`)) };
  }
  if (proto === RegExp.prototype) return { tag: 'RegExp', value: { source: (value as RegExp).source, flags: (value as RegExp).flags } };
  if (proto === ArrayBuffer.prototype) return { tag: 'ArrayBuffer', value: Array.from(new Uint8Array(value as ArrayBuffer)) };
  if (proto === DataView.prototype) {
    const view = value as DataView;
    return { tag: 'DataView', value: Array.from(new Uint8Array(view.buffer, view.byteOffset, view.byteLength)) };
  }
  const typed = [...NUMBER_ARRAYS, ...BIGINT_ARRAYS].find((ctor) => ctor.prototype === proto);
  if (typed === undefined) return undefined;
  // Elements go through the codec too: a Float64Array may hold NaN or -0, a BigInt64Array bigints.
  const items = Array.from(value as Iterable<number | bigint>, (item, index) => encodeChild(item, `${path}[${index}]`));
  return { tag: typed.name, value: items };
}

/**
 * Rebuilds a built-in value from its envelope's `value` (`json`, found at `path`). `fail` makes the
 * error for a malformed envelope.
 */
export function decodeBuiltin(
  tag: string,
  json: JsonValue,
  path: string,
  decodeChild: DecodeChild,
  fail: (message: string) => Error,
): unknown {
  switch (tag) {
    case 'undefined':
      return undefined;
    case 'number': {
      const number = typeof json === 'string' ? NUMBER_NAMES.get(json) : undefined;
      if (number === undefined) throw fail(`'number' needs "NaN", "Infinity", "-Infinity" or "-0" as value, got ${JSON.stringify(json)}`);
      return number;
    }
    case 'bigint':
      if (typeof json !== 'string' || !/^-?\d+$/.test(json))
        throw fail(`'bigint' needs a string of digits as value, got ${JSON.stringify(json)}`);
      return BigInt(json);
    case 'Date': {
      if (json === null) return new Date(Number.NaN);
      const date = typeof json === 'string' ? new Date(json) : undefined;
      if (date === undefined || Number.isNaN(date.getTime()))
        throw fail(`'Date' needs an ISO date string or null as value, got ${JSON.stringify(json)}`);
      return date;
    }
    case 'Map':
      return new Map(
        list(json, tag, fail).map((entry, index) => {
          if (!Array.isArray(entry) || entry.length !== 2) throw fail(`'Map' entry ${index} must be a [key, value] array`);
          return [decodeChild(entry[0] as JsonValue, `${path}[${index}][0]`), decodeChild(entry[1] as JsonValue, `${path}[${index}][1]`)];
        }),
      );
    case 'Set':
      return new Set(list(json, tag, fail).map((item, index) => decodeChild(item, `${path}[${index}]`)));
    case 'RegExp':
      return decodeRegExp(json, fail);
    case 'ArrayBuffer':
      return bytes(json, tag, fail).buffer;
    case 'DataView':
      return new DataView(bytes(json, tag, fail).buffer);
  }
  return decodeTypedArray(tag, json, path, decodeChild, fail);
}

function decodeTypedArray(tag: string, json: JsonValue, path: string, decodeChild: DecodeChild, fail: (message: string) => Error): unknown {
  const items = list(json, tag, fail).map((item, index) => decodeChild(item, `${path}[${index}]`));
  const numbers = NUMBER_ARRAYS.find((ctor) => ctor.name === tag);
  if (numbers !== undefined) {
    if (!items.every((item) => typeof item === 'number')) throw fail(`'${tag}' needs numbers as elements`);
    return new numbers(items);
  }
  const bigints = BIGINT_ARRAYS.find((ctor) => ctor.name === tag);
  if (bigints === undefined) throw fail(`no built-in type '${tag}'`);
  if (!items.every((item) => typeof item === 'bigint')) throw fail(`'${tag}' needs bigints as elements`);
  return new bigints(items);
}

function decodeRegExp(json: JsonValue, fail: (message: string) => Error): RegExp {
  const record = typeof json === 'object' && json !== null && !Array.isArray(json) ? json : undefined;
  const source = record?.['source'];
  const flags = record?.['flags'];
  if (typeof source !== 'string' || typeof flags !== 'string') throw fail(`'RegExp' needs { "source": string, "flags": string } as value`);
  try {
    return new RegExp(source, flags);
  } catch (error) {
    throw fail(`'RegExp' is not a valid regular expression (${error instanceof Error ? error.message : String(error)})`);
  }
}

function list(json: JsonValue, tag: string, fail: (message: string) => Error): JsonValue[] {
  if (!Array.isArray(json)) throw fail(`'${tag}' needs an array as value`);
  return json;
}

function bytes(json: JsonValue, tag: string, fail: (message: string) => Error): Uint8Array {
  const items = list(json, tag, fail);
  if (!items.every((item) => typeof item === 'number' && Number.isInteger(item) && item >= 0 && item <= 255)) {
    throw fail(`'${tag}' needs an array of bytes (integers 0-255) as value`);
  }
  return new Uint8Array(items as number[]);
}

/** How a Map key appears in a path: `.get("a")` for strings and numbers, `.get(<key #2>)` otherwise. */
function describeKey(key: unknown, index: number): string {
  return typeof key === 'string' || (typeof key === 'number' && Number.isFinite(key)) ? JSON.stringify(key) : `<key #${index}>`;
}
