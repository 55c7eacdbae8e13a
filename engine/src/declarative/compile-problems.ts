import { WorkflowLoadError } from '../errors.js';
import type { PathSegment, Problem, ProblemCode, RawProblem, Span } from './problems.js';
import { yamlLocator } from './yaml-positions.js';
import { readYaml } from './yaml-read.js';

/** A {@link Problem} of a workflow loaded from several files: `file` names the one it is in. */
export type LoadProblem = Problem & { file?: string };

/** Where a compile problem is, relative to the workflow body being compiled. */
export interface ProblemSite {
  /** Path below the body (`['executors', 2, 'code']`, `['edges', 0, 'condition']`). */
  path: PathSegment[];
  /** The executor concerned (in this body). */
  executorId?: string;
  /** The index of the edge concerned (in this body). */
  edge?: number;
  /** 0-based offset in the string value (a CEL error's position). */
  offset?: number;
}

interface Entry {
  readonly problem: LoadProblem;
  readonly offset: number | undefined;
}

/**
 * Collects the problems the compiler finds (a `use:` naming a missing function, JavaScript that
 * does not compile, CEL that does not type-check, an unresolvable `ref`, ...), in the same shape
 * as the parser's: a code, a message, the top-level executor or edge concerned, the path of the
 * offending value, and a position once {@link ProblemSink.finish} is given the YAML text.
 * Problems of an inline sub-workflow are reported against the executor holding it (as the parser
 * does); problems of a `ref` file carry that `file`.
 */
export class ProblemSink {
  readonly #entries: Entry[];
  readonly #base: readonly PathSegment[];
  readonly #holder: string | undefined;
  readonly #chain: readonly string[];
  readonly #file: string | undefined;

  constructor(file?: string, shared?: { entries: Entry[]; base: readonly PathSegment[]; holder?: string; chain: readonly string[] }) {
    this.#file = file;
    this.#entries = shared?.entries ?? [];
    this.#base = shared?.base ?? ['workflow'];
    this.#holder = shared?.holder;
    this.#chain = shared?.chain ?? [];
  }

  /** How many problems were reported so far (everywhere). */
  get count(): number {
    return this.#entries.length;
  }

  /** The sink of an inline sub-workflow held by executor number `index` (`id`) of this body. */
  inline(index: number, id: string): ProblemSink {
    return new ProblemSink(this.#file, {
      entries: this.#entries,
      base: [...this.#base, 'executors', index, 'workflow'],
      holder: this.#holder ?? id,
      chain: [...this.#chain, id],
    });
  }

  /** The sink of a sub-workflow from another file (`file`, or the ref's text when it has no path). */
  forFile(file: string | undefined): ProblemSink {
    return new ProblemSink(file, { entries: this.#entries, base: ['workflow'], chain: [] });
  }

  /** Reports a problem. */
  report(code: ProblemCode, message: string, site: ProblemSite): void {
    const inSub = this.#chain.length > 0;
    const problem: LoadProblem = {
      code,
      message: inSub ? `in sub-workflow ${this.#chain.map((c) => `'${c}'`).join(' > ')}: ${message}` : message,
      line: 0,
      column: 0,
      path: [...this.#base, ...site.path],
    };
    const executorId = this.#holder ?? site.executorId;
    if (executorId !== undefined) problem.executorId = executorId;
    if (!inSub && site.edge !== undefined) problem.edge = site.edge;
    if (this.#file !== undefined) problem.file = this.#file;
    this.#entries.push({ problem, offset: site.offset });
  }

  /** Adds problems found elsewhere (a `ref` text's own parse problems), unchanged but for `file`. */
  adopt(problems: readonly Problem[]): void {
    for (const problem of problems) {
      const copy: LoadProblem = { ...problem };
      if (this.#file !== undefined) copy.file = this.#file;
      this.#entries.push({ problem: copy, offset: undefined });
    }
  }

  /**
   * The problems, each given its line and column when the text of its file is known (`texts`
   * maps a file, or `undefined` for the main text, to its YAML).
   */
  finish(texts?: ReadonlyMap<string | undefined, string>): LoadProblem[] {
    const locators = new Map<string | undefined, ((raw: RawProblem) => Span) | undefined>();
    return this.#entries.map(({ problem, offset }) => {
      if (problem.line !== 0 || problem.path === undefined) return problem;
      if (!locators.has(problem.file)) locators.set(problem.file, locatorFor(texts?.get(problem.file)));
      const locate = locators.get(problem.file);
      if (locate === undefined) return problem;
      const raw: RawProblem = { code: problem.code, message: problem.message, path: problem.path };
      if (offset !== undefined) raw.offset = offset;
      return { ...problem, ...locate(raw) };
    });
  }

  /** Throws a {@link WorkflowLoadError} carrying every problem, when there is any. */
  throwIfAny(texts?: ReadonlyMap<string | undefined, string>): void {
    if (this.#entries.length > 0) throw new WorkflowLoadError(this.finish(texts));
  }
}

function locatorFor(text: string | undefined): ((raw: RawProblem) => Span) | undefined {
  if (text === undefined) return undefined;
  const { doc, lineCounter } = readYaml(text);
  return yamlLocator(doc, lineCounter, text);
}
