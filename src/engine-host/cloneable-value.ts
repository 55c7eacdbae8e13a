/**
 * Makes values safe to post: everything a run emits crosses `postMessage` (structured cloning), and
 * the UI shows it. Structured cloning throws on functions and symbols, and silently turns a class
 * instance into a nameless bag of fields; a value holding any of these becomes a readable plain
 * preview instead. Strings and property names holding a secret (the API key) get it replaced by `[redacted]`.
 *
 * Values that are already fine are returned as they are (no copy), which is the common case.
 */

/** Replaces secrets in a text; see {@link secretRedactor}. */
export type Redact = (text: string) => string;

/** The key a preview of a class instance, an error or an uncloneable object names its class with. */
export const PREVIEW_CLASS_KEY = '$class';

const REDACTED = '[redacted]';

/**
 * A function that replaces each secret in a text with `[redacted]`. Strings shorter than four
 * characters are placeholders (`'x'`, `'na'`), not secrets, and scrubbing them would mangle text
 * (the same rule as the OpenAI client's own scrubbing). Undefined when there is nothing to hide.
 */
export function secretRedactor(secrets: readonly string[]): Redact | undefined {
  const real = [...new Set(secrets.filter((secret) => secret.length >= 4))].sort((a, b) => b.length - a.length);
  if (real.length === 0) return undefined;
  return (text) =>
    real.some((secret) => text.includes(secret)) ? real.reduce((out, secret) => out.split(secret).join(REDACTED), text) : text;
}

/** `value` as structured-cloneable data with secrets redacted: the value itself when it already is. */
export function toCloneable(value: unknown, redact?: Redact): unknown {
  return isCloneable(value, redact, new Set()) ? value : copyCloneable(value, redact, new Map());
}

/** Built-in classes structured cloning keeps as they are. */
function isCloneableBuiltin(value: object): boolean {
  return (
    value instanceof Date ||
    value instanceof RegExp ||
    value instanceof ArrayBuffer ||
    ArrayBuffer.isView(value) ||
    (typeof Blob === 'function' && value instanceof Blob)
  );
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function isCloneable(value: unknown, redact: Redact | undefined, seen: Set<object>): boolean {
  switch (typeof value) {
    case 'string':
      return redact === undefined || redact(value) === value;
    case 'function':
    case 'symbol':
      return false;
    case 'object': {
      if (value === null || seen.has(value)) return true;
      seen.add(value);
      if (Array.isArray(value)) return value.every((item: unknown) => isCloneable(item, redact, seen));
      if (value instanceof Map) {
        for (const [key, item] of value as Map<unknown, unknown>)
          if (!isCloneable(key, redact, seen) || !isCloneable(item, redact, seen)) return false;
        return true;
      }
      if (value instanceof Set) {
        for (const item of value as Set<unknown>) if (!isCloneable(item, redact, seen)) return false;
        return true;
      }
      if (isCloneableBuiltin(value)) return true;
      // Errors lose their class name and extra fields when cloned, so they are previewed too.
      if (!isPlainObject(value)) return false;
      // Property names are text too: a key may hold the secret (`{ [apiKey]: ... }`).
      return Object.entries(value).every(([key, item]) => (redact === undefined || redact(key) === key) && isCloneable(item, redact, seen));
    }
    default:
      return true;
  }
}

function copyCloneable(value: unknown, redact: Redact | undefined, copies: Map<object, unknown>): unknown {
  switch (typeof value) {
    case 'string':
      return redact === undefined ? value : redact(value);
    case 'function':
      return `[function ${value.name === '' ? '(anonymous)' : value.name}]`;
    case 'symbol':
      return value.toString();
    case 'object':
      if (value === null) return null;
      return copies.get(value) ?? copyObject(value, redact, copies);
    default:
      return value;
  }
}

function copyObject(value: object, redact: Redact | undefined, copies: Map<object, unknown>): unknown {
  const copy = (item: unknown): unknown => copyCloneable(item, redact, copies);
  if (Array.isArray(value)) {
    const array: unknown[] = [];
    copies.set(value, array);
    for (const item of value) array.push(copy(item));
    return array;
  }
  if (value instanceof Map) {
    const map = new Map<unknown, unknown>();
    copies.set(value, map);
    for (const [key, item] of value as Map<unknown, unknown>) map.set(copy(key), copy(item));
    return map;
  }
  if (value instanceof Set) {
    const set = new Set<unknown>();
    copies.set(value, set);
    for (const item of value as Set<unknown>) set.add(copy(item));
    return set;
  }
  if (isCloneableBuiltin(value)) return value;
  const record: Record<string, unknown> = {};
  copies.set(value, record);
  if (value instanceof Error) {
    record[PREVIEW_CLASS_KEY] = value.name;
    record['message'] = copy(value.message);
    if (value.stack !== undefined) record['stack'] = copy(value.stack);
  } else if (!isPlainObject(value)) {
    record[PREVIEW_CLASS_KEY] = className(value);
  }
  for (const [key, item] of Object.entries(value)) record[redact === undefined ? key : redact(key)] = copy(item);
  return record;
}

/** The name of an object's class, for its preview. */
function className(value: object): string {
  const constructor: unknown = (Object.getPrototypeOf(value) as { constructor?: unknown }).constructor;
  const name = typeof constructor === 'function' ? constructor.name : '';
  return name === '' ? 'Object' : name;
}
