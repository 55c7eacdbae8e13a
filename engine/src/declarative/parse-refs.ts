import { parseWorkflowYaml } from './parse.js';
import { isRecord, sortProblems, type PathSegment, type Problem, type Span } from './problems.js';
import { yamlLocator } from './yaml-positions.js';
import { readYaml } from './yaml-read.js';

/**
 * Sub-workflow `ref:` checks that need other files: a ref whose file cannot be read and refs that
 * form a cycle (`a.workflow.yaml -> b.workflow.yaml -> a.workflow.yaml`). The host reads files
 * through `loadRef`, so this module stays free of Node's APIs.
 */

/** Reads a workflow file by path; undefined when it does not exist or cannot be read. */
export type LoadRef = (path: string) => string | undefined;

/**
 * Resolves a sub-workflow `ref` against the file that holds it: relative refs are joined to the
 * file's directory, and `.` and `..` are folded. Backslashes are read as `/`.
 *
 * @example resolveRefPath('flows/main.workflow.yaml', '../lib/a.workflow.yaml') // 'lib/a.workflow.yaml'
 */
export function resolveRefPath(fromFile: string, ref: string): string {
  const target = ref.replace(/\\/g, '/');
  if (target.startsWith('/') || /^[A-Za-z]:\//.test(target)) return normalizePath(target);
  const base = fromFile.replace(/\\/g, '/');
  const slash = base.lastIndexOf('/');
  return normalizePath(slash < 0 ? target : `${base.slice(0, slash + 1)}${target}`);
}

/** Folds `.`, `..` and repeated slashes out of a `/`-separated path. */
export function normalizePath(path: string): string {
  const absolute = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '..' || !absolute) parts.push(part);
  }
  const joined = parts.join('/');
  return absolute ? `/${joined}` : joined || '.';
}

/** Every `ref` of a definition, inline sub-workflows included, with its path. */
export function collectRefs(definition: unknown): { ref: string; path: PathSegment[] }[] {
  const refs: { ref: string; path: PathSegment[] }[] = [];
  const visit = (body: unknown, path: PathSegment[]): void => {
    if (!isRecord(body) || !Array.isArray(body.executors)) return;
    (body.executors as unknown[]).forEach((executor, i) => {
      if (!isRecord(executor) || executor.type !== 'workflow') return;
      if (typeof executor.ref === 'string' && executor.ref !== '') refs.push({ ref: executor.ref, path: [...path, 'executors', i, 'ref'] });
      visit(executor.workflow, [...path, 'executors', i, 'workflow']);
    });
  };
  if (isRecord(definition)) visit(definition.workflow, ['workflow']);
  return refs;
}

/**
 * Follows the `ref:` paths of `definition` (read from `filePath`) through the files `loadRef`
 * gives, and reports each ref whose file is missing (`ref_not_found`) and each cycle
 * (`sub_workflow_cycle`, with the chain of files) at the position of the ref in this file (pass its
 * `text` for positions; otherwise they are 0). Problems inside the other files are not reported
 * here: loading those files reports them.
 */
export function checkSubWorkflowRefs(definition: unknown, filePath: string, loadRef: LoadRef, options?: { text?: string }): Problem[] {
  const root = normalizePath(filePath.replace(/\\/g, '/'));
  const cache = new Map<string, unknown>();
  const acyclic = new Set<string>();
  const load = (path: string): unknown => {
    if (!cache.has(path)) {
      let text: string | undefined;
      try {
        text = loadRef(path);
      } catch {
        text = undefined;
      }
      cache.set(path, text === undefined ? undefined : (parseWorkflowYaml(text).definition ?? null));
    }
    return cache.get(path);
  };
  const rootDir = root.includes('/') ? root.slice(0, root.lastIndexOf('/') + 1) : '';
  const show = (path: string): string => (rootDir !== '' && path.startsWith(rootDir) ? path.slice(rootDir.length) : path);
  const locate = positionsOf(options?.text);
  const problems: Problem[] = [];
  for (const { ref, path } of collectRefs(definition)) {
    const target = resolveRefPath(root, ref);
    const found = walk(target, [root], load, acyclic);
    if (found === undefined) continue;
    const chain = found.chain.map(show).join(' -> ');
    const span = locate(path);
    const executorId = executorIdOf(definition, path);
    const problem: Problem =
      found.kind === 'cycle'
        ? { code: 'sub_workflow_cycle', message: `sub-workflows refer to each other in a cycle: ${chain}`, ...span, path }
        : {
            code: 'ref_not_found',
            message: `the sub-workflow file ${show(found.chain[found.chain.length - 1] ?? target)} cannot be read (${chain})`,
            ...span,
            path,
          };
    if (executorId !== undefined) problem.executorId = executorId;
    problems.push(problem);
  }
  return sortProblems(problems);
}

type Found = { kind: 'cycle' | 'missing'; chain: string[] } | undefined;

function walk(file: string, stack: string[], load: (path: string) => unknown, acyclic: Set<string>): Found {
  if (stack.includes(file)) return { kind: 'cycle', chain: [...stack, file] };
  if (acyclic.has(file)) return undefined;
  const definition = load(file);
  if (definition === undefined) return { kind: 'missing', chain: [...stack, file] };
  for (const { ref } of collectRefs(definition)) {
    const found = walk(resolveRefPath(file, ref), [...stack, file], load, acyclic);
    if (found !== undefined) return found;
  }
  acyclic.add(file);
  return undefined;
}

function positionsOf(text: string | undefined): (path: PathSegment[]) => Span {
  if (text === undefined) return () => ({ line: 0, column: 0 });
  const { doc, lineCounter } = readYaml(text);
  const locator = yamlLocator(doc, lineCounter, text);
  return (path) => locator({ code: 'sub_workflow_cycle', message: '', path });
}

function executorIdOf(definition: unknown, path: PathSegment[]): string | undefined {
  if (!isRecord(definition) || !isRecord(definition.workflow)) return undefined;
  const executors = definition.workflow.executors;
  const index = path[2];
  if (!Array.isArray(executors) || typeof index !== 'number') return undefined;
  const executor: unknown = executors[index];
  return isRecord(executor) && typeof executor.id === 'string' ? executor.id : undefined;
}
