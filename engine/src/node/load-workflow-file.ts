import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { WorkflowLoadError } from '../errors.js';
import type { Workflow } from '../workflow.js';
import { compileValidated, type CompileWorkflowOptions } from '../declarative/compile.js';
import type { LoadProblem } from '../declarative/compile-problems.js';
import { markValidated, type RefResolver } from '../declarative/compile-refs.js';
import { parseWorkflowYaml } from '../declarative/parse.js';
import { checkSubWorkflowRefs, collectRefs, resolveRefPath } from '../declarative/parse-refs.js';
import type { WorkflowDefinition } from '../declarative/schema.js';

/** One workflow file read from disk. */
interface WorkflowFile {
  /** The path as problems show it: as given for the loaded file, joined from it for a ref. */
  readonly display: string;
  readonly text: string;
  readonly definition: WorkflowDefinition | undefined;
  readonly problems: LoadProblem[];
}

/**
 * Reads a `*.workflow.yaml` file and compiles it (spec: workflow-yaml.md), resolving each
 * `ref:` sub-workflow relative to the file holding it (recursively: a child's refs are relative
 * to the child). Throws a `WorkflowLoadError` with every problem of every file at once: each
 * problem carries `file` (the path as given, or the ref's path joined to it), line and column.
 * Refs that form a cycle, or name a file that cannot be read, are problems at the `ref:` of the
 * loaded file (`sub_workflow_cycle`, `ref_not_found`). A loaded file that cannot be read at all
 * rejects with the file system's error.
 *
 * @example
 * ```ts
 * import { loadWorkflowFromYamlFile } from '@trellis/engine/node'
 * const workflow = await loadWorkflowFromYamlFile('examples/sub-workflow.workflow.yaml')
 * ```
 */
export async function loadWorkflowFromYamlFile(path: string, options: CompileWorkflowOptions = {}): Promise<Workflow> {
  const rootPath = absolute(path);
  const files = await readTree(rootPath, path);
  const root = files.get(rootPath) as WorkflowFile;
  const problems: LoadProblem[] = [...root.problems];
  if (root.definition !== undefined) {
    const text = (p: string): string | undefined => files.get(absolute(p))?.text;
    for (const problem of checkSubWorkflowRefs(root.definition, rootPath, text, { text: root.text }))
      problems.push({ ...problem, file: root.display });
  }
  for (const [file, loaded] of files) if (file !== rootPath) problems.push(...loaded.problems);
  if (problems.length > 0 || root.definition === undefined) {
    throw new WorkflowLoadError(
      problems.length > 0 ? problems : [{ code: 'invalid_value', message: 'the file holds no workflow', line: 1, column: 1 }],
    );
  }
  return compileValidated(
    root.definition,
    { ...options, resolveRef: resolverFor(rootPath, root.display, files) },
    { file: root.display, text: root.text },
  );
}

/** A resolver for the refs of the file at `from`: they name files read beforehand, relative to it. */
function resolverFor(from: string, display: string, files: ReadonlyMap<string, WorkflowFile>): RefResolver {
  return (ref) => {
    const target = absolute(resolveRefPath(from, ref));
    const file = files.get(target);
    if (file?.definition === undefined) throw new Error(`the file ${resolveRefPath(display, ref)} cannot be read`);
    return { definition: file.definition, file: file.display, text: file.text, resolveRef: resolverFor(target, file.display, files) };
  };
}

/** Reads the file and every file its refs reach (each once; unreadable ones are left out). */
async function readTree(rootPath: string, display: string): Promise<Map<string, WorkflowFile>> {
  const files = new Map<string, WorkflowFile>();
  files.set(rootPath, parseFile(await readFile(rootPath, 'utf8'), display));
  const queue: { path: string; display: string }[] = [];
  const follow = (from: string, fromDisplay: string, definition: WorkflowDefinition | undefined): void => {
    for (const { ref } of collectRefs(definition))
      queue.push({ path: absolute(resolveRefPath(from, ref)), display: resolveRefPath(fromDisplay, ref) });
  };
  follow(rootPath, display, files.get(rootPath)?.definition);
  const unreadable = new Set<string>();
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (files.has(next.path) || unreadable.has(next.path)) continue;
    let text: string;
    try {
      text = await readFile(next.path, 'utf8');
    } catch {
      unreadable.add(next.path); // checkSubWorkflowRefs reports it, at the ref
      continue;
    }
    const file = parseFile(text, next.display);
    files.set(next.path, file);
    follow(next.path, next.display, file.definition);
  }
  return files;
}

function parseFile(text: string, display: string): WorkflowFile {
  const { definition, problems } = parseWorkflowYaml(text);
  if (definition !== undefined && problems.length === 0) markValidated(definition);
  return { display, text, definition, problems: problems.map((problem) => ({ ...problem, file: display })) };
}

/** An absolute, `/`-separated path (the form `resolveRefPath` joins). */
function absolute(path: string): string {
  return resolve(path).replace(/\\/g, '/');
}
