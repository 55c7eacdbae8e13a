import { isAbsolute, relative } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './io.js';

/** The options a command accepts, in `node:util` `parseArgs` form. */
export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** A command's parsed arguments: option values by name, then the positional arguments. */
export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * Parses `argv` against `options` (strict: an unknown option or a missing value is a usage error
 * that names the command). `--help` is accepted by every command.
 */
export function parseCommandArgs(command: string, argv: readonly string[], options: OptionSpecs): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(`${command}: ${message.replace(/\. To specify a positional argument.*$/s, '')}`);
  }
}

/** A string option's value, if given. */
export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A boolean flag. */
export function flag(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/**
 * The run's input from `--input`: JSON when the text is valid JSON (`42`, `"42"`, `{"a":1}`),
 * otherwise the text itself (`hello`).
 */
export function parseInputValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** `--responses`: a JSON object of answers by request id. */
export function parseResponses(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`--responses must be a JSON object such as '{"<request id>": true}': ${reason}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError(`--responses must be a JSON object of answers by request id, such as '{"<request id>": true}'`);
  }
  return value as Record<string, unknown>;
}

/** `--max-iterations`: a whole number of at least 1. */
export function parsePositiveInteger(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new CliError(`${name} must be a whole number of at least 1, not '${text}'`);
  return value;
}

/** The positional arguments, checked: at least `min`, at most `max` (default: `min`). */
export function expectPositionals(command: string, args: ParsedArgs, what: string, min: number, max = min): string[] {
  const { positionals } = args;
  if (positionals.length < min) throw new CliError(`${command}: missing ${what} (see trellis ${command} --help)`);
  if (positionals.length > max) {
    throw new CliError(`${command}: unexpected argument '${positionals[max] ?? ''}' (see trellis ${command} --help)`);
  }
  return positionals;
}

/** Quotes `text` for a POSIX shell when it holds anything but safe characters. */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** `dir` relative to the working directory when it lies inside it, else absolute. */
export function displayPath(cwd: string, dir: string): string {
  const rel = relative(cwd, dir);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? dir : rel;
}
