import type { CheckpointStorage } from '../checkpoint/types.js';
import type { RuntimeServices } from '../runtime/services.js';
import { FunctionalWorkflow } from './functional-workflow.js';
import type { WorkflowFunction } from './functional-run.js';

/** Options of `workflow()` (the seed's `@workflow(name=..., ...)`). */
export interface FunctionalWorkflowOptions extends Partial<RuntimeServices> {
  /** Default: the function's name. */
  name?: string;
  description?: string;
  /** Where checkpoints go: after each live step, and when a run completes or pauses. */
  checkpointStorage?: CheckpointStorage;
}

/** Options of `FunctionalWorkflow.run`. */
export interface FunctionalRunOptions {
  /** Return an async iterable of events instead of a promise of the result. */
  stream?: boolean;
  /** Names this run's checkpoint series (default: the run id); ignored without a checkpoint storage. */
  checkpointId?: string;
  /** Checkpoint storage for this run, overriding the workflow's. */
  checkpointStorage?: CheckpointStorage;
}

/** Options of `FunctionalWorkflow.sendResponses`. */
export interface FunctionalSendResponsesOptions {
  stream?: boolean;
}

/** Options of `FunctionalWorkflow.resume`. */
export interface FunctionalResumeOptions {
  stream?: boolean;
  /** Answers to pending requests of the checkpoint, used by the replay. */
  responses?: Record<string, unknown>;
  /** Where the checkpoint is, overriding the workflow's storage. */
  checkpointStorage?: CheckpointStorage;
}

/**
 * Makes a functional workflow from an async function (the seed's `@workflow`). The function gets
 * the run's input and a {@link RunContext}; its return value (unless undefined) is the run's one
 * output. Forms: `workflow(fn)` (name = `fn.name`), `workflow('name', fn)`, `workflow({ name, ... }, fn)`.
 */
export function workflow<I, O>(fn: WorkflowFunction<I, O>): FunctionalWorkflow<I, Awaited<O>>;
export function workflow<I, O>(
  nameOrOptions: string | FunctionalWorkflowOptions,
  fn: WorkflowFunction<I, O>,
): FunctionalWorkflow<I, Awaited<O>>;
export function workflow<I, O>(
  first: WorkflowFunction<I, O> | string | FunctionalWorkflowOptions,
  fn?: WorkflowFunction<I, O>,
): FunctionalWorkflow<I, Awaited<O>> {
  if (typeof first === 'function') return new FunctionalWorkflow(first as WorkflowFunction<I, Awaited<O>>);
  if (typeof fn !== 'function')
    throw new TypeError('workflow() needs a function: workflow(fn), workflow(name, fn) or workflow(options, fn)');
  const options = typeof first === 'string' ? { name: first } : first;
  return new FunctionalWorkflow(fn as WorkflowFunction<I, Awaited<O>>, options);
}
