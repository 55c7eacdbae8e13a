import { WorkflowBuilder, type WorkflowBuilderOptions } from '../builder/workflow-builder.js';
import { WorkflowValidationError, type ValidationCode, type ValidationIssue } from '../errors.js';
import type { Executor } from '../executors/executor.js';
import type { Workflow } from '../workflow.js';
import { addEdge } from './compile-edges.js';
import type { ProblemSink } from './compile-problems.js';
import { DeclarativeScope, ObservedHandlers } from './compile-scope.js';
import { compileAgentExecutor } from './executors/agent.js';
import type { ExecutorEnvironment } from './executors/environment.js';
import { compileFunctionExecutor } from './executors/function.js';
import { compileOutputExecutor } from './executors/output.js';
import { compileRequestInfoExecutor } from './executors/request-info.js';
import { compileTransformExecutor } from './executors/transform.js';
import { compileWorkflowExecutor } from './executors/workflow.js';
import type { ProblemCode } from './problems.js';
import type { ExecutorDefinition, WorkflowBody, WorkflowExecutorDefinition } from './schema.js';

/** What compiling one workflow body needs besides the body and where its problems go. */
export interface BodyEnvironment {
  readonly clientFor: ExecutorEnvironment['clientFor'];
  readonly functions: ExecutorEnvironment['functions'];
  /** Builder options for this body (services, storage, iteration budget). */
  readonly builder: Omit<WorkflowBuilderOptions, 'startExecutor' | 'name' | 'description'>;
  /** Compiles the child of a `workflow` executor of this body, reporting to `problems` (this body's sink). */
  compileSubWorkflow(definition: WorkflowExecutorDefinition, index: number, problems: ProblemSink): Workflow | undefined;
}

/**
 * Compiles one workflow body (the file's, or a sub-workflow's) into a built workflow with its own
 * CEL scope. Reports every problem it finds to `problems` and answers `undefined` if there was any.
 */
export function compileBody(body: WorkflowBody, problems: ProblemSink, environment: BodyEnvironment): Workflow | undefined {
  const before = problems.count;
  const scope = new DeclarativeScope();
  const env: ExecutorEnvironment = {
    clientFor: environment.clientFor,
    functions: environment.functions,
    scope,
    observed: new ObservedHandlers(scope),
    startId: body.start,
    problems,
    compileSubWorkflow: (definition, index) => environment.compileSubWorkflow(definition, index, problems),
  };
  const options: WorkflowBuilderOptions = { ...environment.builder, startExecutor: body.start, name: body.name };
  if (body.description !== undefined) options.description = body.description;
  if (options.maxIterations === undefined && body.max_iterations !== undefined) options.maxIterations = body.max_iterations;
  const builder = new WorkflowBuilder(options);
  body.executors.forEach((definition, index) => {
    const executor = compileExecutor(definition, index, env);
    if (executor !== undefined) builder.addExecutor(executor);
  });
  (body.edges ?? []).forEach((edge, index) => {
    addEdge(builder, edge, index, env.scope, problems);
  });
  if (problems.count > before) return undefined;
  try {
    return builder.build();
  } catch (error) {
    if (!(error instanceof WorkflowValidationError)) throw error;
    for (const issue of error.issues) reportIssue(issue, body, problems);
    return undefined;
  }
}

function compileExecutor(definition: ExecutorDefinition, index: number, env: ExecutorEnvironment): Executor | undefined {
  switch (definition.type) {
    case 'agent':
      return compileAgentExecutor(definition, env);
    case 'function':
      return compileFunctionExecutor(definition, index, env);
    case 'transform':
      return compileTransformExecutor(definition, index, env);
    case 'request_info':
      return compileRequestInfoExecutor(definition, index, env);
    case 'workflow':
      return compileWorkflowExecutor(definition, index, env);
    case 'output':
      return compileOutputExecutor(definition, env);
    default: {
      const type = (definition as { type?: unknown }).type;
      const message = `executor #${String(index)} has type ${JSON.stringify(type)}; use agent, function, transform, request_info, workflow or output`;
      env.problems.report('unknown_executor_type', message, { path: ['executors', index, 'type'] });
      return undefined;
    }
  }
}

const ISSUE_CODES: Record<ValidationCode, ProblemCode> = {
  DUPLICATE_EXECUTOR_ID: 'duplicate_id',
  DUPLICATE_EDGE: 'duplicate_edge',
  TYPE_MISMATCH: 'invalid_edge',
  UNREACHABLE_EXECUTOR: 'invalid_edge',
  MISSING_START: 'missing_start',
  INVALID_EDGE_GROUP: 'invalid_edge',
};

/** A graph problem the builder found (an executor no edge reaches, types that cannot meet), as a problem. */
function reportIssue(issue: ValidationIssue, body: WorkflowBody, problems: ProblemSink): void {
  const firstEdge = issue.edges[0];
  const edgeIndex =
    firstEdge === undefined
      ? -1
      : (body.edges ?? []).findIndex(
          (edge) =>
            mentions(edge.from, firstEdge.source) && mentions('switch' in edge ? edge.switch.map(target) : edge.to, firstEdge.target),
        );
  if (edgeIndex >= 0) {
    problems.report(ISSUE_CODES[issue.code], issue.message, { path: ['edges', edgeIndex], edge: edgeIndex });
    return;
  }
  const id = issue.executorIds[0];
  const index = body.executors.findIndex((executor) => executor.id === id);
  if (issue.code === 'MISSING_START') problems.report('missing_start', issue.message, { path: ['start'] });
  else if (index >= 0 && id !== undefined)
    problems.report(ISSUE_CODES[issue.code], issue.message, { path: ['executors', index], executorId: id });
  else problems.report(ISSUE_CODES[issue.code], issue.message, { path: [] });
}

function mentions(value: string | readonly string[], id: string): boolean {
  return typeof value === 'string' ? value === id : value.includes(id);
}

function target(entry: { to: string } | { default: string }): string {
  return 'default' in entry ? entry.default : entry.to;
}
