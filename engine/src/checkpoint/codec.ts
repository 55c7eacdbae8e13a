import { WorkflowCheckpointError } from '../errors.js';
import { BUILTIN_TAGS, decodeBuiltin, encodeBuiltin, type DecodeChild, type EncodeChild } from './codec-builtins.js';
import type { JsonValue } from './types.js';

/**
 * Teaches the checkpoint codec one class (or any other kind of value plain JSON cannot hold).
 * `encode` returns data that is itself encoded, so it may contain Dates, Maps or other registered
 * types; `decode` receives that data already decoded.
 */
export interface CheckpointCodec<T> {
  /** The tag written as `"$type"`; unique among codecs and not one of the built-in tags. */
  readonly type: string;
  /** True for the values this codec handles. */
  readonly is: (value: unknown) => value is T;
  /** Turns a value into data the codec can encode (plain data, Dates, Maps, registered types...). */
  readonly encode: (value: T) => unknown;
  /** Rebuilds a value from what {@link CheckpointCodec.encode} returned. */
  readonly decode: (data: unknown) => T;
}

/** A codec with its type parameter erased, so codecs of different types share one registry. */
interface ErasedCodec {
  readonly type: string;
  readonly is: (value: unknown) => boolean;
  readonly encode: (value: unknown) => unknown;
  readonly decode: (data: unknown) => unknown;
}

// Registration order is lookup order: the first codec whose `is` accepts a value encodes it.
const codecs = new Map<string, ErasedCodec>();

/**
 * Registers a codec for values the checkpoint codec cannot encode on its own (class instances,
 * typically). Codecs are asked, in registration order, about every object that is not a plain
 * object or array, and about functions and symbols; they come before the built-in types, so one can
 * also take over a subclass of `Map` or `Date`. Registering a `type` again replaces its codec.
 * Returns a function that removes the registration (handy in tests). Register codecs before saving
 * and before loading: decoding an unknown `$type` is an error.
 */
export function registerCheckpointCodec<T>(codec: CheckpointCodec<T>): () => void {
  if (typeof codec.type !== 'string' || codec.type === '')
    throw new TypeError('registerCheckpointCodec: `type` must be a non-empty string');
  if (BUILTIN_TAGS.has(codec.type)) {
    throw new TypeError(`registerCheckpointCodec: '${codec.type}' is a built-in checkpoint type; choose another \`type\``);
  }
  // The codec only ever sees values its own `is` accepted, which is what makes this cast sound.
  const erased: ErasedCodec = { type: codec.type, is: codec.is, encode: (value) => codec.encode(value as T), decode: codec.decode };
  codecs.set(codec.type, erased);
  return () => {
    if (codecs.get(codec.type) === erased) codecs.delete(codec.type);
  };
}

/**
 * Encodes a value for a checkpoint. JSON-native values (null, booleans, strings, finite numbers,
 * arrays, plain objects) pass through unchanged so checkpoint files stay readable; everything else
 * becomes `{ "$type": tag, "value": json }`. `path` names the value in error messages.
 * @throws WorkflowCheckpointError for functions, symbols, instances of unregistered classes and
 * cycles; the message names the path.
 */
export function encodeCheckpointValue(value: unknown, path = '$'): JsonValue {
  if (isPlainScalar(value)) return value;
  return encodeAt(value, path, new Map());
}

/** A value that is already JSON and needs no walk (the common case for messages in flight). */
export function isPlainScalar(value: unknown): value is string | boolean | number | null {
  return (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    (typeof value === 'number' && Number.isFinite(value) && !Object.is(value, -0))
  );
}

/**
 * Decodes what {@link encodeCheckpointValue} produced. `path` names the value in error messages.
 * @throws WorkflowCheckpointError for an unknown or malformed `$type`, naming it and the path.
 */
export function decodeCheckpointValue(json: JsonValue, path = '$'): unknown {
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) return json.map((item, index) => decodeCheckpointValue(item, `${path}[${index}]`));
  if (!Object.hasOwn(json, '$type')) return decodePlain(json, path);
  const tag = json['$type'];
  const keys = Object.keys(json);
  if (typeof tag !== 'string' || keys.length !== 2 || !Object.hasOwn(json, 'value')) {
    throw decodeError(path, 'a tagged value must be exactly { "$type": string, "value": ... }');
  }
  const inner = json['value'] as JsonValue;
  const innerPath = `${path}.value`;
  if (tag === 'object') {
    // The escape for a plain object that has a `$type` key of its own: its keys are data, not a tag.
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) throw decodeError(path, "'object' needs an object as value");
    return decodePlain(inner, innerPath);
  }
  if (BUILTIN_TAGS.has(tag)) {
    const decodeChild: DecodeChild = decodeCheckpointValue;
    return decodeBuiltin(tag, inner, innerPath, decodeChild, (message) => decodeError(path, message));
  }
  const codec = codecs.get(tag);
  if (codec === undefined) {
    throw decodeError(
      path,
      `unknown "$type" '${tag}'. If a registered codec wrote it, call registerCheckpointCodec({ type: '${tag}', ... }) before loading`,
    );
  }
  const data = decodeCheckpointValue(inner, innerPath);
  return callCodec(() => codec.decode(data), `the '${tag}' codec's decode failed at ${path}`);
}

/** A property access in a path: `.name` for identifiers, `["odd key"]` otherwise. */
export function childPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function encodeAt(value: unknown, path: string, ancestors: Map<object, string>): JsonValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0) ? value : tagged('number', Object.is(value, -0) ? '-0' : String(value));
    case 'bigint':
      return tagged('bigint', value.toString());
    case 'undefined':
      return tagged('undefined', null);
    case 'function':
    case 'symbol':
      return encodeWithCodec(value, path, ancestors);
    case 'object':
      if (value === null) return null;
      break;
  }
  const earlier = ancestors.get(value);
  if (earlier !== undefined) {
    throw new WorkflowCheckpointError(
      `Cannot checkpoint the value at ${path}: it refers back to ${earlier}, which contains it (a cycle). ` +
        'Checkpoints hold trees of data; store an id instead of the object to break the cycle.',
    );
  }
  // Only the objects on the current path count: the same object reached twice by different paths
  // is no cycle (it is written twice and comes back as two equal copies).
  ancestors.set(value, path);
  try {
    return encodeObject(value, path, ancestors);
  } finally {
    ancestors.delete(value);
  }
}

function encodeObject(value: object, path: string, ancestors: Map<object, string>): JsonValue {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === Object.prototype || proto === null) return encodePlain(value as Record<string, unknown>, path, ancestors);
  if (proto === Array.prototype) {
    // Array.from visits holes as undefined, so a sparse array comes back dense with undefined.
    return Array.from(value as unknown[], (item, index) => encodeAt(item, `${path}[${index}]`, ancestors));
  }
  return encodeWithCodec(value, path, ancestors);
}

function encodePlain(value: Record<string, unknown>, path: string, ancestors: Map<object, string>): JsonValue {
  const out: { [key: string]: JsonValue } = {};
  for (const key of Object.keys(value)) setOwn(out, key, encodeAt(value[key], childPath(path, key), ancestors));
  // Escaped so that a decoder never mistakes this object's own `$type` key for a tag.
  return Object.hasOwn(value, '$type') ? tagged('object', out) : out;
}

function decodePlain(json: { [key: string]: JsonValue }, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(json)) setOwn(out, key, decodeCheckpointValue(item, childPath(path, key)));
  return out;
}

function encodeWithCodec(value: unknown, path: string, ancestors: Map<object, string>): JsonValue {
  for (const codec of codecs.values()) {
    if (!callCodec(() => codec.is(value), `the '${codec.type}' codec's is() failed at ${path}`)) continue;
    const data = callCodec(() => codec.encode(value), `the '${codec.type}' codec's encode failed at ${path}`);
    return tagged(codec.type, encodeAt(data, path, ancestors));
  }
  const encodeChild: EncodeChild = (child, childPath) => encodeAt(child, childPath, ancestors);
  const builtin = typeof value === 'object' && value !== null ? encodeBuiltin(value, path, encodeChild) : undefined;
  if (builtin !== undefined) return tagged(builtin.tag, builtin.value);
  throw new WorkflowCheckpointError(
    `Cannot checkpoint the value at ${path}: it is ${describeUnsupported(value)}, which the checkpoint codec cannot encode. ` +
      'Call registerCheckpointCodec({ type, is, encode, decode }) for it, or keep plain data there ' +
      '(objects, arrays, strings, numbers, booleans, null, undefined, bigints, Dates, Maps, Sets).',
  );
}

function describeUnsupported(value: unknown): string {
  if (typeof value === 'function') return value.name === '' ? 'a function' : `a function (${value.name})`;
  if (typeof value === 'symbol') return `a symbol (${value.toString()})`;
  const proto: unknown = Object.getPrototypeOf(value);
  const ctor: unknown = typeof proto === 'object' && proto !== null ? (proto as { constructor?: unknown }).constructor : undefined;
  const name = typeof ctor === 'function' && ctor.name !== '' ? ctor.name : '(anonymous)';
  return `an instance of class ${name}`;
}

function tagged(tag: string, value: JsonValue): JsonValue {
  return { $type: tag, value };
}

/** Sets an own property even for the key `__proto__`, which plain assignment would treat as the prototype. */
function setOwn<T>(target: Record<string, T>, key: string, item: T): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value: item, enumerable: true, writable: true, configurable: true });
  else target[key] = item;
}

function callCodec<R>(call: () => R, what: string): R {
  try {
    return call();
  } catch (error) {
    if (error instanceof WorkflowCheckpointError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new WorkflowCheckpointError(`Checkpoint codec error: ${what}: ${reason}`, { cause: error });
  }
}

function decodeError(path: string, message: string): WorkflowCheckpointError {
  return new WorkflowCheckpointError(`Cannot decode the checkpoint value at ${path}: ${message}`);
}
