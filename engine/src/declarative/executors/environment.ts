import type { ChatClient } from '../../agents/chat-client.js';
import { Executor } from '../../executors/executor.js';
import type { WorkflowContext } from '../../runtime/context.js';
import type { Workflow } from '../../workflow.js';
import type { ProblemSink } from '../compile-problems.js';
import type { DeclarativeScope, ObservedHandlers } from '../compile-scope.js';
import type { WorkflowExecutorDefinition } from '../schema.js';

/** A function a `function` executor names with `use:`: called with the message and the context. */
export type DeclarativeFunction = (input: unknown, ctx: WorkflowContext) => unknown;

/** What compiling one executor needs from the workflow being compiled. */
export interface ExecutorEnvironment {
  /** The CEL scope (`state`, `inputs`) of the workflow instance being built. */
  readonly scope: DeclarativeScope;
  /** Wraps the handlers of the engine's own executor classes so they report to `scope` too. */
  readonly observed: ObservedHandlers;
  /** The id of the workflow's start executor (it carries the scope in checkpoints). */
  readonly startId: string;
  /** Where problems go; the workflow is not built when any was reported. */
  readonly problems: ProblemSink;
  /** The model client for an agent's `model:` key (unknown keys and no key: the default client). */
  clientFor(model: string | undefined): ChatClient;
  /** The functions `use:` may name. */
  readonly functions: Readonly<Record<string, DeclarativeFunction>>;
  /** Compiles the child of executor number `index`, a `workflow` one (inline or `ref`); `undefined` after reporting a problem. */
  compileSubWorkflow(definition: WorkflowExecutorDefinition, index: number): Workflow | undefined;
}

/**
 * Base of the executors this compiler defines (`function`, `transform`, `request_info`,
 * `output`): each handler reports its context to the scope first, and the start executor carries
 * the scope in checkpoints.
 */
export abstract class DeclarativeExecutor extends Executor {
  protected readonly scope: DeclarativeScope;

  constructor(id: string, env: ExecutorEnvironment) {
    super(id);
    this.scope = env.scope;
    if (id === env.startId) {
      const scope = env.scope;
      this.onCheckpointSave = () => scope.snapshot();
      this.onCheckpointRestore = (state: unknown) => {
        scope.restore(state);
      };
    }
  }
}
