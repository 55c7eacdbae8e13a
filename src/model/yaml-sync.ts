import { parseWorkflowYamlDocument, stringifyWorkflow, type Problem, type WorkflowDefinition } from '@trellis/engine';
import { sameJson } from './document.ts';
import { isCanvasDocument } from './shape.ts';

/**
 * The two directions between the canvas document and the YAML panel. Canvas to text goes through
 * the engine's writer with the previous text as `original`, so comments, blank lines and quoting
 * survive an edit. Text to canvas adopts what the author typed only once it is a document the
 * canvas can hold; until then the text stays as typed and the canvas keeps the last good graph.
 */

/**
 * The YAML of a document: `previousText` edited in place (only the changed values are rewritten;
 * an unchanged document gives `previousText` back byte for byte), or clean YAML without it.
 *
 * @example
 * const text = documentToYaml(moved, original); // original with one layout line changed
 */
export function documentToYaml(definition: WorkflowDefinition, previousText?: string): string {
  return stringifyWorkflow(definition, previousText === undefined ? {} : { original: previousText });
}

/** What the YAML panel's text means for the canvas. */
export interface YamlSync {
  /** The text's document when `parsed`; else `lastGood`. Also `lastGood` (the same object) when the text means the same document. */
  definition: WorkflowDefinition;
  /** Every problem of the text, with line and column, for the editor's markers. */
  problems: Problem[];
  /** Whether the text gave a document the canvas can show (it may still have problems, which are badged). */
  parsed: boolean;
}

/**
 * Reads the YAML panel's text. A document with problems the canvas can show (a dangling edge, bad
 * CEL, a missing field) is adopted so its badges appear; text that is not YAML, or not a workflow
 * of the structure the canvas needs (unknown node types, duplicate ids, malformed edges), keeps
 * `lastGood`.
 */
export function yamlToDocument(text: string, lastGood: WorkflowDefinition): YamlSync {
  // the Document reader alone: the writer needs `yaml` anyway, and a second YAML library would grow the initial bundle
  const { definition, problems } = parseWorkflowYamlDocument(text);
  if (definition === undefined || !isCanvasDocument(definition)) {
    // every parse problem is reported; this one only says why the canvas did not follow when nothing else does
    const fallback: Problem = { code: 'invalid_value', message: 'the canvas cannot show this document', line: 1, column: 1 };
    return { definition: lastGood, problems: problems.length > 0 ? problems : [fallback], parsed: false };
  }
  return { definition: sameJson(definition, lastGood) ? lastGood : definition, problems, parsed: true };
}
