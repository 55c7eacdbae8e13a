import { Validator } from '@cfworker/json-schema';
import type { StandardSchemaV1 } from '@standard-schema/spec';

/** The primitive type names a spec may use. */
export type PrimitiveTypeName = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null' | 'any';

/** A class whose instances a spec accepts (matched with `instanceof`). */
export type ClassSpec = abstract new (...args: never[]) => unknown;

/** A type guard `(x) => x is T` used as a spec. */
export type TypeGuardSpec = (value: unknown) => boolean;

/** A JSON Schema object used as a spec (validated with `@cfworker/json-schema`). */
export type JsonSchemaSpec = { readonly [key: string]: unknown };

/**
 * A runtime description of the values a handler accepts or emits: a primitive name, a class, a
 * type guard, a Standard Schema (zod, valibot, ...), a JSON Schema object, or an array of these
 * (a union).
 *
 * Functions are told apart this way: `class` syntax, built-in constructors (`Date`, `Map`, ...) and
 * ES5 constructors whose name starts with a capital letter are classes; every other function (an
 * arrow function, `function isFoo(x)`) is a type guard. Use {@link instanceOf} or {@link guard} to
 * say which explicitly.
 */
export type TypeSpec =
  PrimitiveTypeName | ClassSpec | TypeGuardSpec | StandardSchemaV1 | JsonSchemaSpec | ExplicitSpec | readonly TypeSpec[];

/** A spec wrapper that removes the class-or-guard guesswork. */
export type ExplicitSpec =
  | { readonly kind: 'trellis:instanceof'; readonly cls: ClassSpec }
  | { readonly kind: 'trellis:guard'; readonly fn: TypeGuardSpec; readonly name: string };

/** A spec that accepts instances of `cls` (for a class the heuristic would take for a guard). */
export function instanceOf(cls: ClassSpec): ExplicitSpec {
  return { kind: 'trellis:instanceof', cls };
}

/** A spec that accepts what `fn` accepts (for a guard the heuristic would take for a class). */
export function guard(fn: TypeGuardSpec, name = fn.name || 'guard'): ExplicitSpec {
  return { kind: 'trellis:guard', fn, name };
}

/**
 * A spec reduced to one of a few shapes, so matching is a switch on `kind` and the per-message
 * cost stays small (routing checks a spec for every delivery).
 */
export type CompiledSpec =
  | { kind: 'any' }
  | { kind: 'primitive'; name: Exclude<PrimitiveTypeName, 'any'> }
  | { kind: 'class'; cls: ClassSpec }
  | { kind: 'guard'; fn: TypeGuardSpec; name: string }
  | { kind: 'standard'; schema: StandardSchemaV1; vendor: string }
  | { kind: 'json_schema'; validator: Validator; schema: JsonSchemaSpec }
  | { kind: 'union'; members: CompiledSpec[] };

const PRIMITIVES: ReadonlySet<string> = new Set(['string', 'number', 'boolean', 'object', 'array', 'null', 'any']);
const ANY: CompiledSpec = { kind: 'any' };

/** Compiles a spec once (at executor construction); `undefined` means `'any'`. */
export function compileTypeSpec(spec: TypeSpec | undefined): CompiledSpec {
  if (spec === undefined) return ANY;
  if (typeof spec === 'string') {
    if (!PRIMITIVES.has(spec)) {
      throw new TypeError(`Unknown type name '${spec}': use one of ${[...PRIMITIVES].join(', ')}, a class, a type guard or a schema`);
    }
    return spec === 'any' ? ANY : { kind: 'primitive', name: spec };
  }
  if (Array.isArray(spec)) {
    const members = (spec as readonly TypeSpec[]).map(compileTypeSpec);
    if (members.length === 0) throw new TypeError('An empty array is not a type spec: a union needs at least one member');
    return members.some((m) => m.kind === 'any') ? ANY : members.length === 1 ? (members[0] as CompiledSpec) : { kind: 'union', members };
  }
  if (typeof spec === 'function') {
    return looksLikeClass(spec)
      ? { kind: 'class', cls: spec as ClassSpec }
      : { kind: 'guard', fn: spec as TypeGuardSpec, name: spec.name || 'guard' };
  }
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- guards JavaScript callers
  if (typeof spec === 'object' && spec !== null) {
    const explicit = spec as Partial<ExplicitSpec>;
    if (explicit.kind === 'trellis:instanceof' && 'cls' in explicit) return { kind: 'class', cls: explicit.cls };
    if (explicit.kind === 'trellis:guard' && 'fn' in explicit) return { kind: 'guard', fn: explicit.fn, name: explicit.name ?? 'guard' };
    const standard = (spec as Partial<StandardSchemaV1>)['~standard'];
    if (standard !== undefined && typeof standard.validate === 'function') {
      return { kind: 'standard', schema: spec as StandardSchemaV1, vendor: standard.vendor };
    }
    return { kind: 'json_schema', validator: new Validator(spec, '2020-12', false), schema: spec as JsonSchemaSpec };
  }
  throw new TypeError(`Not a type spec: ${String(spec)}`);
}

function looksLikeClass(fn: ClassSpec | TypeGuardSpec): boolean {
  const source = Function.prototype.toString.call(fn);
  if (source.startsWith('class')) return true;
  if (fn.prototype === undefined) return false; // arrow functions and methods
  if (source.includes('[native code]')) return true; // Date, Map, Array, ...
  return /^[A-Z]/.test(fn.name);
}

/** True when `value` satisfies the compiled spec. Never throws for a guard or schema that throws: it answers false. */
export function matchesSpec(spec: CompiledSpec, value: unknown): boolean {
  switch (spec.kind) {
    case 'any':
      return true;
    case 'primitive':
      return matchesPrimitive(spec.name, value);
    case 'class':
      return value instanceof (spec.cls as unknown as new () => unknown);
    case 'guard':
      try {
        return spec.fn(value);
      } catch {
        return false;
      }
    case 'standard': {
      const result = spec.schema['~standard'].validate(value);
      if (result instanceof Promise) {
        throw new TypeError(`The ${spec.vendor} schema validates asynchronously; routing needs a synchronous schema`);
      }
      return result.issues === undefined;
    }
    case 'json_schema':
      return spec.validator.validate(value).valid;
    case 'union':
      return spec.members.some((member) => matchesSpec(member, value));
  }
}

function matchesPrimitive(name: Exclude<PrimitiveTypeName, 'any'>, value: unknown): boolean {
  switch (name) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}

/** A short human-readable name of a spec, for error messages and visualizations. */
export function describeSpec(spec: CompiledSpec): string {
  switch (spec.kind) {
    case 'any':
      return 'any';
    case 'primitive':
      return spec.name;
    case 'class':
      return (spec.cls as { name?: string }).name || 'class';
    case 'guard':
      return spec.name;
    case 'standard':
      return `${spec.vendor} schema`;
    case 'json_schema':
      return typeof spec.schema['type'] === 'string' ? `JSON Schema (${spec.schema['type']})` : 'JSON Schema';
    case 'union':
      return spec.members.map(describeSpec).join(' | ');
  }
}

/** A short name of a value's runtime type, for error messages. */
export function describeValueType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') {
    const ctor = (value as { constructor?: { name?: string } }).constructor;
    return ctor?.name && ctor.name !== 'Object' ? ctor.name : 'object';
  }
  return typeof value;
}

/**
 * Build-time check: can a value described by `source` ever satisfy `target`? Only clear mismatches
 * answer false (two different primitives, unrelated classes, a class against a non-object
 * primitive); guards and schemas cannot be compared statically and answer true.
 */
export function mayBeCompatible(source: CompiledSpec, target: CompiledSpec): boolean {
  if (source.kind === 'any' || target.kind === 'any') return true;
  if (source.kind === 'union') return source.members.some((m) => mayBeCompatible(m, target));
  if (target.kind === 'union') return target.members.some((m) => mayBeCompatible(source, m));
  if (source.kind === 'primitive' && target.kind === 'primitive') return source.name === target.name;
  if (source.kind === 'class' && target.kind === 'class') {
    const s = source.cls as unknown as { prototype: object };
    const t = target.cls as unknown as { prototype: object };
    return (
      s === t || s.prototype instanceof (t as unknown as new () => unknown) || t.prototype instanceof (s as unknown as new () => unknown)
    );
  }
  if (source.kind === 'class' && target.kind === 'primitive') return classMayBe(source.cls, target.name);
  if (source.kind === 'primitive' && target.kind === 'class') return classMayBe(target.cls, source.name);
  return true;
}

function classMayBe(cls: ClassSpec, primitive: Exclude<PrimitiveTypeName, 'any'>): boolean {
  if (primitive === 'object') return cls !== (Array as unknown);
  if (primitive === 'array') return cls === (Array as unknown) || (cls as unknown as { prototype: object }).prototype instanceof Array;
  return false;
}
