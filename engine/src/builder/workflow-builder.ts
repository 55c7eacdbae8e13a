import { WorkflowValidationError, type ValidationIssue } from '../errors.js';
import { AgentExecutor, isAgent } from '../agents/agent-executor.js';
import type { Agent } from '../agents/types.js';
import { Executor } from '../executors/executor.js';
import type { CheckpointStorage } from '../checkpoint/types.js';
import type { RuntimeServices } from '../runtime/services.js';
import { Workflow } from '../workflow.js';
import {
  Case,
  Default,
  functionName,
  groupSources,
  type EdgeCondition,
  type EdgeGroup,
  type ExecutorRef,
  type SelectionFunction,
} from './edge-groups.js';
import type { WorkflowGraph } from './graph.js';
import { issue, validateGraph } from './validate.js';

/** The default iteration budget: supersteps one run may take (Agent Framework's `DEFAULT_MAX_ITERATIONS`). */
export const DEFAULT_MAX_ITERATIONS = 100;

/** Options of {@link WorkflowBuilder}. */
export interface WorkflowBuilderOptions extends Partial<RuntimeServices> {
  /** The executor that receives the workflow's input (an executor or its id). */
  startExecutor: ExecutorRef;
  /** The workflow's name (events, checkpoints, diagrams). Default `'workflow'`. */
  name?: string;
  description?: string;
  /** Supersteps a run may take before it fails as not converging. Default 100. */
  maxIterations?: number;
  /** Where runs write checkpoints (at entry, after each superstep, when answers arrive). */
  checkpointStorage?: CheckpointStorage;
}

/** Options of {@link WorkflowBuilder.addEdge}. */
export interface EdgeOptions {
  /** Deliver only messages for which this returns true (it receives the message data). */
  condition?: EdgeCondition;
}

/** Options of {@link WorkflowBuilder.addFanOutEdges}. */
export interface FanOutOptions {
  /** Picks the targets of each message from the group's target ids. */
  selection?: SelectionFunction;
}

type CaseLike = Case | Default;
type UnresolvedGroup =
  | { kind: 'single'; source: ExecutorRef; target: ExecutorRef; condition: EdgeCondition | undefined }
  | { kind: 'fan_out'; source: ExecutorRef; targets: readonly ExecutorRef[]; selection: SelectionFunction | undefined }
  | { kind: 'fan_in'; sources: readonly ExecutorRef[]; target: ExecutorRef }
  | { kind: 'switch_case'; source: ExecutorRef; cases: readonly CaseLike[] };

/**
 * Builds a {@link Workflow}: executors joined by edge groups, validated by {@link WorkflowBuilder.build}.
 * Every method accepts an executor or the id of one added elsewhere, and returns the builder.
 *
 * @example
 * ```ts
 * const workflow = new WorkflowBuilder({ startExecutor: step1 })
 *   .addEdge(step1, step2)
 *   .addEdge(step2, step3)
 *   .build()
 * ```
 */
export class WorkflowBuilder {
  readonly #options: WorkflowBuilderOptions;
  readonly #executors = new Map<string, Executor>();
  readonly #duplicateIds = new Set<string>();
  readonly #groups: UnresolvedGroup[] = [];
  readonly #problems: ValidationIssue[] = [];
  readonly #agentExecutors = new Map<Agent, AgentExecutor>();

  constructor(options: WorkflowBuilderOptions) {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- guards JavaScript callers
    if (typeof options !== 'object' || options === null) {
      throw new TypeError('new WorkflowBuilder({ startExecutor, name?, maxIterations? }) takes an options object');
    }
    this.#options = { ...options };
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- JavaScript callers may omit it
    if (options.startExecutor !== undefined && typeof options.startExecutor !== 'string')
      this.#add(this.#executorFor(options.startExecutor));
    const max = options.maxIterations;
    if (max !== undefined && (!Number.isInteger(max) || max < 1)) {
      throw new RangeError(`maxIterations must be a positive integer, got ${String(max)}`);
    }
  }

  /** Adds an executor without an edge (useful when edges name it by id). */
  addExecutor(executor: Executor): this {
    this.#add(executor);
    return this;
  }

  /** Adds an edge; with `condition`, only messages it accepts travel along it. */
  addEdge(source: ExecutorRef, target: ExecutorRef, options: EdgeOptions = {}): this {
    this.#addRefs([source, target]);
    if (options.condition !== undefined && typeof options.condition !== 'function') {
      throw new TypeError(`addEdge(${refId(source)}, ${refId(target)}): condition must be a function`);
    }
    this.#groups.push({ kind: 'single', source, target, condition: options.condition });
    return this;
  }

  /** Broadcasts each message of `source` to every target (or to those `selection` picks). */
  addFanOutEdges(source: ExecutorRef, targets: readonly ExecutorRef[], options: FanOutOptions = {}): this {
    this.#addRefs([source, ...targets]);
    this.#groups.push({ kind: 'fan_out', source, targets: [...targets], selection: options.selection });
    return this;
  }

  /** Collects one message from every source, then delivers them to `target` as one list in source order. */
  addFanInEdges(sources: readonly ExecutorRef[], target: ExecutorRef): this {
    this.#addRefs([...sources, target]);
    this.#groups.push({ kind: 'fan_in', sources: [...sources], target });
    return this;
  }

  /** Routes each message of `source` to the target of the first matching `Case`, else to the `Default`. */
  addSwitchCaseEdgeGroup(source: ExecutorRef, cases: readonly (Case | Default)[]): this {
    this.#addRefs([source, ...cases.map((c) => c.target)]);
    this.#groups.push({ kind: 'switch_case', source, cases: [...cases] });
    return this;
  }

  /** Adds an edge between each consecutive pair: `[a, b, c]` is `a -> b -> c`. */
  addChain(executors: readonly ExecutorRef[]): this {
    if (executors.length < 2) {
      this.#problems.push(
        issue('INVALID_EDGE_GROUP', `addChain needs at least two executors, got ${String(executors.length)}`, executors.map(refId), []),
      );
      return this;
    }
    for (let i = 1; i < executors.length; i++) this.addEdge(executors[i - 1] as ExecutorRef, executors[i] as ExecutorRef);
    return this;
  }

  /** Sets the checkpoint storage (the seed's `set_checkpoint_storage`); same as the option. */
  setCheckpointStorage(storage: CheckpointStorage): this {
    this.#options.checkpointStorage = storage;
    return this;
  }

  /** Validates the graph and returns a new {@link Workflow}; throws {@link WorkflowValidationError}. */
  build(): Workflow {
    const unknownRefs: { id: string; where: string; edge?: { source: string; target: string } }[] = [];
    const resolve = (ref: ExecutorRef, where: string, edge?: { source: string; target: string }): string => {
      const id = refId(ref);
      if (!this.#executors.has(id) && !unknownRefs.some((u) => u.id === id)) {
        unknownRefs.push(edge === undefined ? { id, where } : { id, where, edge });
      }
      return id;
    };
    const groupProblems = [...this.#problems];
    const edgeGroups: EdgeGroup[] = [];
    for (const group of this.#groups) {
      const resolved = resolveGroup(group, edgeGroups.length, resolve, groupProblems);
      if (resolved !== undefined) edgeGroups.push(resolved);
    }
    // JavaScript callers may omit startExecutor: that is the MISSING_START problem, reported with the rest
    const start = this.#options.startExecutor as ExecutorRef | undefined;
    const startId = start === undefined ? undefined : refId(start);
    const issues = validateGraph({
      startId,
      executors: this.#executors,
      duplicateIds: [...this.#duplicateIds],
      unknownRefs,
      groupProblems,
      edgeGroups,
    });
    if (issues.length > 0) throw new WorkflowValidationError(issues);
    return new Workflow(this.#graph(startId as string, edgeGroups), this.#options);
  }

  #graph(startId: string, edgeGroups: EdgeGroup[]): WorkflowGraph {
    const groupsBySource = new Map<string, EdgeGroup[]>();
    for (const group of edgeGroups) {
      for (const source of groupSources(group)) {
        const list = groupsBySource.get(source);
        if (list === undefined) groupsBySource.set(source, [group]);
        else if (!list.includes(group)) list.push(group);
      }
    }
    const executorOrder = new Map<string, number>();
    for (const id of this.#executors.keys()) executorOrder.set(id, executorOrder.size);
    return {
      name: this.#options.name ?? 'workflow',
      description: this.#options.description,
      startId,
      maxIterations: this.#options.maxIterations ?? DEFAULT_MAX_ITERATIONS,
      executors: new Map(this.#executors),
      edgeGroups,
      groupsBySource,
      executorOrder,
    };
  }

  #addRefs(refs: readonly ExecutorRef[]): void {
    for (const ref of refs) {
      if (ref instanceof Executor) this.#add(ref);
      else if (isAgent(ref)) this.#add(this.#executorFor(ref));
      else if (typeof (ref as unknown) !== 'string') throw new TypeError(`Expected an executor or an executor id, got ${describe(ref)}`);
    }
  }

  /** The executor an agent stands for: the same agent always maps to the same wrapper. */
  #executorFor(ref: Executor | Agent): Executor {
    if (ref instanceof Executor) return ref;
    let wrapper = this.#agentExecutors.get(ref);
    if (wrapper === undefined) {
      wrapper = new AgentExecutor(ref);
      this.#agentExecutors.set(ref, wrapper);
    }
    return wrapper;
  }

  #add(executor: Executor): void {
    const existing = this.#executors.get(executor.id);
    if (existing === undefined) this.#executors.set(executor.id, executor);
    else if (existing !== executor) this.#duplicateIds.add(executor.id);
  }
}

function resolveGroup(
  group: UnresolvedGroup,
  index: number,
  resolve: (ref: ExecutorRef, where: string, edge?: { source: string; target: string }) => string,
  problems: ValidationIssue[],
): EdgeGroup | undefined {
  const id = `${group.kind}:${String(index)}`;
  switch (group.kind) {
    case 'single': {
      const edge = { source: refId(group.source), target: refId(group.target) };
      const where = `the edge ${edge.source} -> ${edge.target}`;
      return {
        kind: 'single',
        id,
        source: resolve(group.source, where, edge),
        target: resolve(group.target, where, edge),
        condition: group.condition,
        conditionName: functionName(group.condition),
      };
    }
    case 'fan_out': {
      const source = resolve(group.source, `the fan-out from ${refId(group.source)}`);
      const targets = group.targets.map((t) => resolve(t, `the fan-out from ${source}`, { source, target: refId(t) }));
      const unique = [...new Set(targets)];
      if (unique.length < 2) {
        problems.push(
          issue(
            'INVALID_EDGE_GROUP',
            `the fan-out from '${source}' needs at least two distinct targets, got ${String(unique.length)}`,
            [source, ...unique],
            unique.map((t) => ({ source, target: t })),
          ),
        );
        return undefined;
      }
      if (group.selection !== undefined && typeof group.selection !== 'function')
        throw new TypeError(`addFanOutEdges(${source}): selection must be a function`);
      return { kind: 'fan_out', id, source, targets: unique, selection: group.selection, selectionName: functionName(group.selection) };
    }
    case 'fan_in': {
      const target = resolve(group.target, `the fan-in into ${refId(group.target)}`);
      const sources = group.sources.map((s) => resolve(s, `the fan-in into ${target}`, { source: refId(s), target }));
      const unique = [...new Set(sources)];
      if (unique.length < 2) {
        problems.push(
          issue(
            'INVALID_EDGE_GROUP',
            `the fan-in into '${target}' needs at least two distinct sources, got ${String(unique.length)}`,
            [...unique, target],
            unique.map((s) => ({ source: s, target })),
          ),
        );
        return undefined;
      }
      return { kind: 'fan_in', id: `fan_in:${target}:${String(index)}`, sources: unique, target };
    }
    case 'switch_case':
      return resolveSwitch(group, id, resolve, problems);
  }
}

function resolveSwitch(
  group: Extract<UnresolvedGroup, { kind: 'switch_case' }>,
  id: string,
  resolve: (ref: ExecutorRef, where: string, edge?: { source: string; target: string }) => string,
  problems: ValidationIssue[],
): EdgeGroup | undefined {
  const source = resolve(group.source, `the switch-case from ${refId(group.source)}`);
  const where = `the switch-case from ${source}`;
  const cases: { condition: EdgeCondition; conditionName: string; target: string }[] = [];
  const defaults: string[] = [];
  let defaultNotLast = false;
  for (const [i, entry] of group.cases.entries()) {
    if (entry instanceof Case) {
      if (defaults.length > 0) defaultNotLast = true;
      cases.push({
        condition: entry.condition,
        conditionName: functionName(entry.condition) ?? '<anonymous>',
        target: resolve(entry.target, where, { source, target: refId(entry.target) }),
      });
    } else if (entry instanceof Default) {
      defaults.push(resolve(entry.target, where, { source, target: refId(entry.target) }));
    } else {
      throw new TypeError(`${where}: entry ${String(i)} is neither a Case nor a Default`);
    }
  }
  const targets = [...cases.map((c) => c.target), ...defaults];
  const edges = targets.map((target) => ({ source, target }));
  const problem = (message: string): undefined => {
    problems.push(issue('INVALID_EDGE_GROUP', `${where}: ${message}`, [source, ...new Set(targets)], edges));
    return undefined;
  };
  if (cases.length === 0) {
    problem('it needs at least one Case before its Default');
    return;
  }
  if (defaults.length === 0) {
    problem('it has no Default; add new Default(target) as the last entry so every message has a route');
    return;
  }
  if (defaults.length > 1) {
    problem(`it has ${String(defaults.length)} Defaults; exactly one is allowed`);
    return;
  }
  if (defaultNotLast) {
    problem('its Default must be the last entry (cases after it could never match)');
    return;
  }
  return { kind: 'switch_case', id, source, cases, defaultTarget: defaults[0] as string };
}

function refId(ref: ExecutorRef): string {
  if (typeof ref === 'string') return ref;
  return ref instanceof Executor ? ref.id : ref.name;
}

function describe(value: unknown): string {
  return value === null ? 'null' : typeof value === 'object' ? `an object (${Object.keys(value).slice(0, 5).join(', ')})` : typeof value;
}
