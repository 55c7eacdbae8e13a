import type { Document } from 'yaml';
import type { WorkflowDefinition } from './schema.js';
import { cleanYaml } from './stringify-clean.js';
import { deepEqual, withoutUndefined } from './stringify-diff.js';
import { patchYaml } from './stringify-patch.js';
import { readYaml } from './yaml-read.js';

/** Options of {@link stringifyWorkflow}. */
export interface StringifyWorkflowOptions {
  /**
   * The YAML text the definition was read from. When given, its comments, blank lines, quoting and
   * key order are kept: only the values that changed are rewritten.
   */
  original?: string;
}

/**
 * Writes a workflow definition as YAML (spec: workflow-yaml.md).
 *
 * Without `original`, the YAML is written from scratch in the spec's key order. With `original`,
 * the text is edited in place: an unchanged definition gives back `original` byte for byte, a
 * moved node changes only its `layout` line, an added executor appends a list item, and every
 * untouched byte (spacing, quoting, comments, blank lines) stays as it was. When the original
 * cannot be edited in place (it does not parse, or uses aliases or tags where values changed) the
 * YAML is written from scratch. Either way the result reads back as `definition`.
 *
 * @example
 * const { definition } = parseWorkflowYaml(text);
 * definition.layout = { ...definition.layout, writer: { x: 10, y: 20 } };
 * stringifyWorkflow(definition, { original: text }); // text with one line changed
 */
export function stringifyWorkflow(definition: WorkflowDefinition, options?: StringifyWorkflowOptions): string {
  const data = withoutUndefined(definition);
  const original = options?.original;
  if (original !== undefined) {
    const edited = editInPlace(original, data);
    if (edited !== undefined) return edited;
  }
  return cleanYaml(data);
}

function editInPlace(original: string, definition: unknown): string | undefined {
  try {
    const parsed = read(original);
    if (parsed === undefined) return undefined;
    if (deepEqual(parsed.data, definition)) return original;
    const edited = patchYaml(original, parsed.doc, parsed.data, definition);
    // the edit must read back as the definition; anything else falls back to clean output
    const check = read(edited);
    return check !== undefined && deepEqual(check.data, definition) ? edited : undefined;
  } catch {
    return undefined;
  }
}

interface Parsed {
  text: string;
  doc: Document;
  data: unknown;
}

/**
 * The last texts read, kept because an editor writes a file again and again: the text written
 * (and checked) by one call is the `original` of the next. Neither the documents nor their data
 * are changed by the writer.
 */
const recent: Parsed[] = [];

function read(text: string): Parsed | undefined {
  const hit = recent.find((entry) => entry.text === text);
  if (hit !== undefined) return hit;
  const { doc } = readYaml(text);
  if (doc.errors.length > 0) return undefined;
  const parsed: Parsed = { text, doc, data: doc.toJS() };
  recent.unshift(parsed);
  recent.length = Math.min(recent.length, 2);
  return parsed;
}
