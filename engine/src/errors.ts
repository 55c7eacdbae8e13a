import type { WorkflowRunResult } from './runtime/run-result.js';
import type { Problem } from './declarative/problems.js';

/** Plain, structured-cloneable description of an error, as carried by `error` events. */
export interface ErrorDetails {
  name: string;
  message: string;
  stack?: string;
}

/**
 * Base class of every error the engine throws on purpose. Subclasses set `name` to their class
 * name so it survives `postMessage` and `structuredClone`, which keep `name` and `message` only.
 */
export class WorkflowError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WorkflowError';
  }
}

/** The codes a {@link WorkflowValidationError} carries (spec: WorkflowBuilder). */
export type ValidationCode =
  'DUPLICATE_EXECUTOR_ID' | 'DUPLICATE_EDGE' | 'TYPE_MISMATCH' | 'UNREACHABLE_EXECUTOR' | 'MISSING_START' | 'INVALID_EDGE_GROUP';

/** One problem found by `WorkflowBuilder.build()`, naming the executors and edges involved. */
export interface ValidationIssue {
  code: ValidationCode;
  message: string;
  executorIds: string[];
  edges: { source: string; target: string }[];
}

/**
 * Thrown by `WorkflowBuilder.build()` when the graph is invalid. `code`, `executorIds` and `edges`
 * describe the first problem; `issues` lists every problem found, in a stable order.
 */
export class WorkflowValidationError extends WorkflowError {
  readonly code: ValidationCode;
  readonly executorIds: string[];
  readonly edges: { source: string; target: string }[];
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[]) {
    const first = issues[0];
    if (first === undefined) throw new RangeError('WorkflowValidationError needs at least one issue');
    const more =
      issues.length > 1
        ? ` (and ${String(issues.length - 1)} more: ${issues
            .slice(1)
            .map((i) => i.code)
            .join(', ')})`
        : '';
    super(`${first.code}: ${first.message}${more}`);
    this.name = 'WorkflowValidationError';
    this.code = first.code;
    this.executorIds = first.executorIds;
    this.edges = first.edges;
    this.issues = issues;
  }
}

/**
 * A run that ended in the `failed` state: `run()` rejects with it and a stream throws it after
 * yielding the run's last events. `result` holds everything the run emitted; `cause` is the
 * underlying error (the executor's exception, a condition's, or a convergence error).
 */
export class WorkflowRunError extends WorkflowError {
  readonly result: WorkflowRunResult;
  readonly executorId: string | undefined;

  constructor(message: string, result: WorkflowRunResult, options: { cause?: unknown; executorId?: string | undefined }) {
    super(message, { cause: options.cause });
    this.name = 'WorkflowRunError';
    this.result = result;
    this.executorId = options.executorId;
  }
}

/** The iteration budget (`maxIterations`) ran out while messages were still queued. */
export class WorkflowConvergenceError extends WorkflowError {
  constructor(message: string) {
    super(message);
    this.name = 'WorkflowConvergenceError';
  }
}

/** A workflow instance was used in a way its lifecycle does not allow (e.g. a second concurrent run). */
export class WorkflowStateError extends WorkflowError {
  constructor(message: string) {
    super(message);
    this.name = 'WorkflowStateError';
  }
}

/** A `WorkflowContext` was used outside the handler invocation it was made for. */
export class WorkflowContextError extends WorkflowError {
  constructor(message: string) {
    super(message);
    this.name = 'WorkflowContextError';
  }
}

/** Routing failed at run time: a selection function returned an unknown target, and the like. */
export class WorkflowRoutingError extends WorkflowError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WorkflowRoutingError';
  }
}

/** Converts anything thrown into plain {@link ErrorDetails}. */
export function toErrorDetails(error: unknown): ErrorDetails {
  if (error instanceof Error) {
    const details: ErrorDetails = { name: error.name, message: error.message };
    if (error.stack !== undefined) details.stack = error.stack;
    return details;
  }
  return { name: 'Error', message: describeThrown(error) };
}

function describeThrown(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    // JSON.stringify answers undefined for undefined and functions, whatever its declared type says
    const json = JSON.stringify(value) as string | undefined;
    return json === undefined ? String(value) : json;
  } catch {
    return String(value);
  }
}

/** A checkpoint could not be found, read, written or used; the message names it and says why. */
export class WorkflowCheckpointError extends WorkflowError {
  /** The checkpoint (or series) id concerned, when known. */
  readonly checkpointId: string | undefined;

  constructor(message: string, options?: { cause?: unknown; checkpointId?: string | undefined }) {
    super(message, options);
    this.name = 'WorkflowCheckpointError';
    this.checkpointId = options?.checkpointId;
  }
}

/** No checkpoint has the given id. */
export class CheckpointNotFoundError extends WorkflowCheckpointError {
  constructor(checkpointId: string, where: string) {
    super(`No checkpoint '${checkpointId}' in ${where}`, { checkpointId });
    this.name = 'CheckpointNotFoundError';
  }
}

/**
 * A workflow file or definition that cannot be loaded: `problems` lists every problem found (each
 * with line, column, code and the executor or edge it concerns); the message names the first few.
 */
export class WorkflowLoadError extends WorkflowError {
  readonly problems: Problem[];

  constructor(problems: Problem[], options?: { cause?: unknown; file?: string }) {
    const file = options?.file === undefined ? '' : `${options.file}:`;
    const shown = problems.slice(0, 3).map((p) => `${file}${String(p.line)}:${String(p.column)} ${p.code} ${p.message}`);
    const more = problems.length > 3 ? ` (and ${String(problems.length - 3)} more)` : '';
    const count = problems.length === 1 ? '1 problem' : `${String(problems.length)} problems`;
    super(
      `The workflow cannot be loaded, ${count}: ${shown.join('; ')}${more}`,
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = 'WorkflowLoadError';
    this.problems = problems;
  }
}
