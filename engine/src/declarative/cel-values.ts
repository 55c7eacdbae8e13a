/**
 * Conversion of values between JavaScript and CEL (spec: workflow-yaml.md, Rules). Whole numbers
 * enter CEL as `int` (a BigInt) and other numbers as `double`; results come back as plain JSON
 * values. Both directions copy only what changes, so a message without numbers is passed as is.
 */

/** Objects made by {@link celMapView}: already CEL values, passed through untouched. */
const views = new WeakSet();

/**
 * A read-only CEL map whose entries are looked up on access (the workflow's shared state, say):
 * `view.key` calls `get(key)`, `has(view.key)` and `'key' in view` ask `has(key)`, and `size()` or
 * iteration see `keys()`. Values are converted with {@link toCel} as they are read.
 */
export function celMapView(source: { get(key: string): unknown; has(key: string): boolean; keys(): readonly string[] }): object {
  const view = new Proxy(Object.create(null) as object, {
    get: (_target, key) => (typeof key === 'string' && source.has(key) ? toCel(source.get(key)) : undefined),
    has: (_target, key) => typeof key === 'string' && source.has(key),
    ownKeys: () => source.keys().filter((key) => source.has(key)),
    getOwnPropertyDescriptor: (_target, key) =>
      typeof key === 'string' && source.has(key)
        ? { value: toCel(source.get(key)), enumerable: true, configurable: true, writable: false }
        : undefined,
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
  views.add(view);
  return view;
}

/**
 * A JavaScript value as CEL sees it: safe integers become BigInt (`int`), other numbers stay
 * `double`, `undefined` becomes `null` (and object properties holding it are left out, as JSON
 * does), arrays and plain objects are converted deeply. Dates (`timestamp`), byte arrays and Maps
 * pass through.
 */
export function toCel(value: unknown): unknown {
  switch (typeof value) {
    case 'number':
      return Number.isSafeInteger(value) ? BigInt(value) : value;
    case 'undefined':
      return null;
    case 'object':
      if (value === null || value instanceof Date || value instanceof Uint8Array || views.has(value)) return value;
      if (Array.isArray(value)) return mapArray(value, toCel);
      if (value instanceof Map) return new Map([...(value as Map<unknown, unknown>)].map(([k, v]) => [toCel(k), toCel(v)]));
      return mapObject(value as Record<string, unknown>, toCel);
    default:
      return value;
  }
}

/**
 * A CEL result as plain JSON data: an `int` or `uint` becomes a number when it is a safe integer
 * and otherwise its decimal string (so no digit is lost), a timestamp its ISO string, a duration
 * its CEL text (`"90s"`), bytes an array of byte values, a map a plain object (keys as strings),
 * an optional its value or `null`.
 */
export function fromCel(value: unknown): unknown {
  switch (typeof value) {
    case 'bigint':
      return bigintToJson(value);
    case 'object':
      return value === null ? null : objectFromCel(value);
    default:
      return value;
  }
}

function objectFromCel(value: object): unknown {
  if (Array.isArray(value)) return mapArray(value, fromCel);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return Array.from(value);
  if (value instanceof Map) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of value as Map<unknown, unknown>) setOwn(out, String(fromCel(k)), fromCel(v));
    return out;
  }
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto === Object.prototype || proto === null) return mapObject(value as Record<string, unknown>, fromCel);
  const optional = value as { hasValue?: unknown; value?: unknown };
  if (typeof optional.hasValue === 'function' && typeof optional.value === 'function') {
    return (optional.hasValue as () => boolean).call(value) ? fromCel((optional.value as () => unknown).call(value)) : null;
  }
  const primitive: unknown = value.valueOf();
  if (typeof primitive === 'bigint') return bigintToJson(primitive); // uint
  // a duration or a type prints as CEL writes it
  if (value.toString !== Object.prototype.toString) return (value as { toString(): string }).toString();
  return mapObject(value as Record<string, unknown>, fromCel);
}

function bigintToJson(value: bigint): number | string {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
}

function mapArray(list: readonly unknown[], convert: (value: unknown) => unknown): unknown[] {
  let out: unknown[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const converted = convert(item);
    if (converted !== item && out === undefined) out = list.slice(0, i);
    if (out !== undefined) out.push(converted);
  }
  return out ?? (list as unknown[]);
}

function mapObject(object: Record<string, unknown>, convert: (value: unknown) => unknown): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  const keys = Object.keys(object);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const item = object[key];
    const converted = item === undefined ? undefined : convert(item);
    if (out === undefined && (converted !== item || item === undefined)) {
      out = {};
      for (let j = 0; j < i; j++) setOwn(out, keys[j] as string, object[keys[j] as string]);
    }
    if (out !== undefined && converted !== undefined) setOwn(out, key, converted);
  }
  return out ?? (Object.getPrototypeOf(object) === Object.prototype ? object : { ...object });
}

/** Sets an own property, also for the key `__proto__` (which plain assignment would take as the prototype). */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}
