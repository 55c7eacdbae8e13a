import type { ProblemSink } from './compile-problems.js';
import { validateWorkflowDefinition } from './parse-precise.js';
import { parseWorkflowYaml } from './parse.js';
import type { Problem } from './problems.js';
import type { WorkflowBody, WorkflowDefinition, WorkflowExecutorDefinition } from './schema.js';

/**
 * A sub-workflow found for a `ref:`, with what resolving further needs: `file` names it (in
 * problems, and to detect cycles), `text` is its YAML (problems then get positions), and
 * `resolveRef` resolves the child's own refs (relative to the child; default: the parent's resolver).
 */
export interface SubWorkflowSource {
  definition: WorkflowDefinition;
  file?: string;
  text?: string;
  resolveRef?: RefResolver;
}

/** Resolves a `ref:` to a definition, to YAML text, or to a {@link SubWorkflowSource}. May throw: that is a `ref_not_found` problem. */
export type RefResolver = (ref: string) => WorkflowDefinition | string | SubWorkflowSource;

/** How refs resolve where a body is being compiled. @internal */
export interface RefContext {
  resolveRef?: RefResolver;
  /** The files (or refs) being compiled, outermost first: a ref back into one of them is a cycle. */
  readonly stack: readonly string[];
  /** YAML texts by file, so problems in them get positions. */
  readonly texts: Map<string | undefined, string>;
}

/** Sub-workflow sources too deep to be anything but a runaway resolver. */
const MAX_DEPTH = 64;

/** Definitions a loader already validated (compiling them again skips the check). */
const validated = new WeakSet<WorkflowDefinition>();

/** Marks a definition as validated, so a sub-workflow compile does not check it twice. @internal */
export function markValidated(definition: WorkflowDefinition): void {
  validated.add(definition);
}

/**
 * Finds the body of a `workflow` executor's child: its inline `workflow:`, or the definition its
 * `ref:` resolves to (checked, and not already being compiled). Answers `undefined` after
 * reporting why there is none. @internal
 */
export function resolveSubWorkflow(
  executor: WorkflowExecutorDefinition,
  index: number,
  problems: ProblemSink,
  refs: RefContext,
): { body: WorkflowBody; problems: ProblemSink; refs: RefContext } | undefined {
  const id = executor.id;
  if (executor.workflow !== undefined && executor.ref === undefined)
    return { body: executor.workflow, problems: problems.inline(index, id), refs };
  const ref = executor.ref;
  const site = { path: ['executors', index, 'ref'], executorId: id };
  if (ref === undefined || executor.workflow !== undefined) {
    const both = executor.workflow !== undefined;
    const message = both
      ? `executor '${id}' has both ref and an inline workflow; give one of them`
      : `executor '${id}' needs ref or workflow`;
    problems.report(both ? 'sub_workflow_ref_and_inline' : 'sub_workflow_missing', message, { ...site, path: ['executors', index] });
    return undefined;
  }
  const resolveRef = refs.resolveRef;
  if (resolveRef === undefined) {
    const message = `executor '${id}' refers to '${ref}', but nothing resolves refs here: pass resolveRef, or load the file with loadWorkflowFromYamlFile`;
    problems.report('ref_not_found', message, site);
    return undefined;
  }
  let resolved: WorkflowDefinition | string | SubWorkflowSource;
  try {
    resolved = resolveRef(ref);
  } catch (error) {
    problems.report('ref_not_found', `executor '${id}' refers to '${ref}', which cannot be resolved: ${reason(error)}`, site);
    return undefined;
  }
  const source = toSource(resolved);
  if (source === undefined) {
    problems.report('ref_not_found', `executor '${id}' refers to '${ref}', and the resolver answered ${describe(resolved)}`, site);
    return undefined;
  }
  const file = source.file ?? ref;
  if (refs.stack.includes(file) || refs.stack.length >= MAX_DEPTH) {
    const chain = [...refs.stack, file].join(' -> ');
    problems.report('sub_workflow_cycle', `sub-workflows refer to each other in a cycle: ${chain}`, site);
    return undefined;
  }
  if (source.text !== undefined) refs.texts.set(file, source.text);
  const childProblems = problems.forFile(file);
  const found = source.problems ?? check(source.definition);
  if (found.length > 0 || source.definition === undefined) {
    childProblems.adopt(found);
    problems.report(
      'ref_invalid',
      `the sub-workflow '${ref}' of executor '${id}' has ${plural(Math.max(1, found.length), 'problem')}`,
      site,
    );
    return undefined;
  }
  const childRefs: RefContext = { stack: [...refs.stack, file], texts: refs.texts };
  childRefs.resolveRef = source.resolveRef ?? resolveRef;
  return { body: source.definition.workflow, problems: childProblems, refs: childRefs };
}

/** A resolver's answer as a source (YAML text parsed, its problems kept); `undefined` for something else. */
function toSource(
  resolved: WorkflowDefinition | string | SubWorkflowSource,
): (Omit<SubWorkflowSource, 'definition'> & { definition: WorkflowDefinition | undefined; problems?: Problem[] }) | undefined {
  if (typeof resolved === 'string') {
    const parsed = parseWorkflowYaml(resolved);
    if (parsed.definition !== undefined && parsed.problems.length === 0) markValidated(parsed.definition);
    return { definition: parsed.definition, text: resolved, problems: parsed.problems };
  }
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- guards JavaScript resolvers
  if (typeof resolved !== 'object' || resolved === null) return undefined;
  if ('definition' in resolved) return resolved;
  return { definition: resolved };
}

function check(definition: WorkflowDefinition | undefined): Problem[] {
  if (definition === undefined || validated.has(definition)) return [];
  const found = validateWorkflowDefinition(definition);
  if (found.length === 0) validated.add(definition);
  return found;
}

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value;
}

function plural(n: number, word: string): string {
  return `${String(n)} ${word}${n === 1 ? '' : 's'}`;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
