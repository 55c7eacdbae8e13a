import { MockChatClient } from '../agents/mock-chat-client.js';
import type { ChatClient } from '../agents/chat-client.js';
import type { CheckpointStorage } from '../checkpoint/types.js';
import { WorkflowLoadError } from '../errors.js';
import type { Workflow } from '../workflow.js';
import { compileBody, type BodyEnvironment } from './compile-body.js';
import { ProblemSink } from './compile-problems.js';
import { resolveSubWorkflow, type RefContext, type RefResolver } from './compile-refs.js';
import type { DeclarativeFunction } from './executors/environment.js';
import { validateWorkflowDefinition } from './parse-precise.js';
import type { WorkflowDefinition } from './schema.js';

export type { DeclarativeFunction } from './executors/environment.js';
export type { RefResolver, SubWorkflowSource } from './compile-refs.js';

/** Options of {@link compileWorkflow} and the YAML loaders. */
export interface CompileWorkflowOptions {
  /** The model behind `agent` executors. Default: a new `MockChatClient` (offline, deterministic). */
  client?: ChatClient;
  /**
   * Clients by an agent's `model:` key. An agent whose key is not listed here, or that has none,
   * uses `client` (so a file naming a model the host has not configured still runs, on the default).
   */
  clients?: Readonly<Record<string, ChatClient>>;
  /** The functions `function` executors name with `use:`; each gets `(input, ctx)`. */
  functions?: Readonly<Record<string, DeclarativeFunction>>;
  /**
   * Resolves a `workflow` executor's `ref:` to a definition, to YAML text, or to a
   * {@link SubWorkflowSource} (which also says how the child resolves its own refs). Without it,
   * a `ref:` is a `ref_not_found` problem; `loadWorkflowFromYamlFile` resolves refs against files.
   */
  resolveRef?: RefResolver;
  /** Where runs of the top workflow write checkpoints (sub-workflows travel inside them). */
  checkpointStorage?: CheckpointStorage;
  /** Overrides the top workflow's `max_iterations` (sub-workflows keep their own). */
  maxIterations?: number;
  /** Clock for events and durations (all workflows built). */
  now?: () => number;
  /** Id source for runs (all workflows built). */
  createId?: (kind: string) => string;
}

/**
 * Builds a runnable `Workflow` from a definition (spec: workflow-yaml.md): each executor `type`
 * becomes an engine executor (`agent` through the client, `function` code compiled once,
 * `transform` and edge conditions and switch cases in CEL, `request_info` asking with its
 * `response` schema, `workflow` a sub-workflow, `output` yielding its input), and each edge an
 * edge group. Each call builds a fresh, independent instance.
 *
 * The definition is validated first; a definition with problems, or one the compiler cannot build
 * (a `use:` naming no given function, JavaScript that does not compile, CEL that does not
 * type-check, an unresolvable `ref`, an executor no edge reaches), throws a `WorkflowLoadError`
 * carrying every problem (without positions: a definition has no text).
 *
 * `function` code is trusted code: it runs with the full power of the host (no sandbox), so
 * compile only definitions you trust; the designer gates files of unknown origin before running.
 *
 * @example
 * ```ts
 * const workflow = compileWorkflow(definition, { functions: { shout: (s) => String(s).toUpperCase() } })
 * const result = await workflow.run('hello')
 * ```
 */
export function compileWorkflow(definition: WorkflowDefinition, options: CompileWorkflowOptions = {}): Workflow {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- guards JavaScript callers
  if (typeof definition !== 'object' || definition === null) {
    throw new TypeError('compileWorkflow(definition) needs a workflow definition: { workflow: { name, start, executors, edges } }');
  }
  const problems = validateWorkflowDefinition(definition);
  if (problems.length > 0) throw new WorkflowLoadError(problems);
  return compileValidated(definition, options);
}

/**
 * Compiles a definition already validated (by `parseWorkflowYaml`); throws a `WorkflowLoadError`
 * with every problem, positioned when the YAML `text` it came from is given, and carrying `file`
 * when it came from one.
 * @internal
 */
export function compileValidated(
  definition: WorkflowDefinition,
  options: CompileWorkflowOptions,
  source: { file?: string; text?: string } = {},
): Workflow {
  const file = source.file;
  const sink = new ProblemSink(file);
  const texts = new Map<string | undefined, string>();
  if (source.text !== undefined) texts.set(file, source.text);
  const client = options.client ?? new MockChatClient();
  const clients = options.clients ?? {};
  const services = {
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.createId === undefined ? {} : { createId: options.createId }),
  };
  const environment = (refs: RefContext, top: boolean): BodyEnvironment => ({
    clientFor: (model) => (model !== undefined && Object.hasOwn(clients, model) ? (clients[model] ?? client) : client),
    functions: options.functions ?? {},
    builder: {
      ...services,
      ...(top && options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
      ...(top && options.checkpointStorage !== undefined ? { checkpointStorage: options.checkpointStorage } : {}),
    },
    compileSubWorkflow: (executor, index, problems) => {
      const child = resolveSubWorkflow(executor, index, problems, refs);
      return child === undefined ? undefined : compileBody(child.body, child.problems, environment(child.refs, false));
    },
  });
  const refs: RefContext = { stack: file === undefined ? [] : [file], texts };
  if (options.resolveRef !== undefined) refs.resolveRef = options.resolveRef;
  const workflow = compileBody(definition.workflow, sink, environment(refs, true));
  sink.throwIfAny(texts);
  if (workflow === undefined) throw new TypeError(`compileWorkflow: workflow '${definition.workflow.name}' could not be built`);
  return workflow;
}
