import { Environment, type ASTNode } from '@marcbachmann/cel-js';
import { WorkflowError } from '../errors.js';
import { fromCel, toCel } from './cel-values.js';

/**
 * CEL (Common Expression Language) for the declarative format, through the maintained
 * `@marcbachmann/cel-js` library: no `eval`, no home-made parser. Expressions are parsed and
 * type-checked once, when a workflow is compiled, and evaluated many times.
 */

/** A CEL expression that does not compile, or failed while evaluating; the message names the expression. */
export class CelExpressionError extends WorkflowError {
  /** The expression's text. */
  readonly expression: string;
  /** The library's error code (`unexpected_token`, `unknown_variable`, `no_such_key`, ...), when it gave one. */
  readonly celCode: string | undefined;
  /** 0-based offset of the offending part within the expression, when known. */
  readonly offset: number | undefined;

  constructor(
    message: string,
    expression: string,
    options: { cause?: unknown; celCode?: string | undefined; offset?: number | undefined },
  ) {
    super(message, { cause: options.cause });
    this.name = 'CelExpressionError';
    this.expression = expression;
    this.celCode = options.celCode;
    this.offset = options.offset;
  }
}

/** A compiled expression: call it with the variables' values; it answers a plain JSON value. */
export interface CompiledCel {
  (bindings: Readonly<Record<string, unknown>>): unknown;
  /** The expression's text. */
  readonly expression: string;
  /** The declared variables the expression mentions (so callers build only those). */
  readonly uses: ReadonlySet<string>;
}

const environments = new Map<string, Environment>();

/** One environment per set of variable names (building one is the expensive part). */
function environmentFor(variables: readonly string[]): Environment {
  const key = [...variables].sort().join(',');
  let env = environments.get(key);
  if (env === undefined) {
    // mixed-type list and map literals, as the format promises: {"text": input, "long": size(input) > 200}
    env = new Environment({ homogeneousAggregateLiterals: false, unlistedVariablesAreDyn: false });
    for (const name of variables) env.registerVariable(name, 'dyn');
    environments.set(key, env);
  }
  return env;
}

/**
 * Compiles a CEL expression over the given variables (each of type `dyn`). Values passed in are
 * converted as the format says (whole numbers as `int`, others as `double`); the result comes back
 * as plain JSON (see `fromCel`). Throws a {@link CelExpressionError} naming the expression when it
 * does not parse or does not type-check (an unknown variable, `1 + "a"`); the compiled function
 * throws one when evaluation fails (a missing key, a division by zero).
 *
 * @example
 * ```ts
 * const score = compileCel('{"text": input, "long": size(input) > 200}', ['input', 'state', 'inputs'])
 * score({ input: 'hi' }) // { text: 'hi', long: false }
 * ```
 */
export function compileCel(expression: string, variables: readonly string[]): CompiledCel {
  const text: unknown = expression; // JavaScript callers may pass anything
  if (typeof text !== 'string' || text.trim() === '') {
    throw new CelExpressionError(
      `A CEL expression must be a non-empty string, got ${(JSON.stringify(text) as string | undefined) ?? typeof text}`,
      '',
      {},
    );
  }
  const env = environmentFor(variables);
  let program: ReturnType<Environment['parse']>;
  try {
    program = env.parse(expression);
  } catch (error) {
    throw celError('does not parse', expression, error);
  }
  const check = program.check();
  if (!check.valid) throw celError('is not valid', expression, check.error);
  const uses = new Set<string>();
  collectIdentifiers(program.ast, uses);
  for (const name of uses) if (!variables.includes(name)) uses.delete(name);
  const usedNames = [...uses];
  const compiled = (bindings: Readonly<Record<string, unknown>>): unknown => {
    const context: Record<string, unknown> = {};
    for (const name of usedNames) context[name] = toCel(bindings[name]);
    let result: unknown;
    try {
      result = program(context);
    } catch (error) {
      throw celError('failed', expression, error);
    }
    return fromCel(result);
  };
  return Object.assign(compiled, { expression, uses });
}

function celError(what: string, expression: string, error: unknown): CelExpressionError {
  const detail = error as { summary?: unknown; code?: unknown; range?: { start?: unknown } } | undefined;
  const summary = typeof detail?.summary === 'string' ? detail.summary : error instanceof Error ? error.message : String(error);
  const offset = typeof detail?.range?.start === 'number' ? detail.range.start : undefined;
  return new CelExpressionError(`The CEL expression '${expression}' ${what}: ${summary}`, expression, {
    cause: error,
    celCode: typeof detail?.code === 'string' ? detail.code : undefined,
    offset,
  });
}

/** Every identifier in the tree (a superset of the free variables: comprehension variables too). */
function collectIdentifiers(node: ASTNode | undefined, out: Set<string>): void {
  if (node === undefined) return;
  if (node.op === 'id') {
    out.add(node.args);
    return;
  }
  const args: unknown = node.args;
  if (!Array.isArray(args)) {
    if (isNode(args)) collectIdentifiers(args, out);
    return;
  }
  for (const arg of args as unknown[]) {
    if (isNode(arg)) collectIdentifiers(arg, out);
    else if (Array.isArray(arg)) for (const inner of arg as unknown[]) if (isNode(inner)) collectIdentifiers(inner, out);
  }
}

function isNode(value: unknown): value is ASTNode {
  return typeof value === 'object' && value !== null && typeof (value as { op?: unknown }).op === 'string';
}
