import { LineCounter, parseDocument, type Document } from 'yaml';

/** The options of the YAML parser, shared by the reader and the writer so both read a file alike. */
export const YAML_PARSE_OPTIONS = { prettyErrors: false, strict: true, uniqueKeys: true, version: '1.2' } as const;

/** A YAML text read with the `yaml` Document parser: its document (with errors and warnings) and its line starts. */
export interface ReadYaml {
  readonly text: string;
  /** Shared with other readers of the same text: never change it. */
  readonly doc: Document;
  /** Turns the document's offsets into lines and columns. */
  readonly lineCounter: LineCounter;
}

/** How many recently read texts are kept. */
const RECENT_LIMIT = 2;

/**
 * The last texts read. An editor reads the same text twice in a row: the writer parses the text it
 * wrote (to check it reads back as the definition), then the editor validates that text, and its
 * next edit passes it to the writer as `original`. Keeping the documents means a large file is
 * parsed once per edit instead of three times.
 */
const recent: ReadYaml[] = [];

/**
 * Reads `text` with the `yaml` Document parser ({@link YAML_PARSE_OPTIONS}), or answers the
 * document of the same text read recently. The document may be shared: callers only read it (its
 * `toJS()` gives each caller its own data).
 */
export function readYaml(text: string): ReadYaml {
  const hit = recent.find((entry) => entry.text === text);
  if (hit !== undefined) return hit;
  const lineCounter = new LineCounter();
  const read: ReadYaml = { text, doc: parseDocument(text, { ...YAML_PARSE_OPTIONS, lineCounter }), lineCounter };
  recent.unshift(read);
  recent.length = Math.min(recent.length, RECENT_LIMIT);
  return read;
}
