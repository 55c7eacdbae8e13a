import type { CheckpointWriter } from '../checkpoint/checkpoint-writer.js';
import { toErrorDetails, WorkflowCheckpointError, WorkflowRunError, type ErrorDetails } from '../errors.js';
import { WorkflowRunState, type ErrorEvent } from '../events.js';
import type { RunTracing } from '../telemetry/tracing.js';
import type { InstanceState } from './instance-state.js';
import type { RunEvents } from './run-events.js';
import { WorkflowRunResult } from './run-result.js';
import { ExecutorFailure, RunCancelled, type SuperstepRunner } from './runner.js';

/** Everything one run needs to go from `workflow_start` to `workflow_complete`. */
export interface RunLifecycle {
  readonly workflowName: string;
  readonly instance: InstanceState;
  readonly runner: SuperstepRunner;
  readonly events: RunEvents;
  readonly tracing: RunTracing;
  /** Seeds the run (input, restored checkpoint or answers); returns the checkpoint writer, if any. */
  readonly prepare: () => Promise<CheckpointWriter | undefined>;
  /** Called once the run is over, before the final events. */
  readonly onEnd: () => void;
}

/**
 * Drives one run to its end: prepare, supersteps, then the final status. A failure emits `error`,
 * `workflow_status` and `workflow_complete` (state `failed`) and rejects with a
 * {@link WorkflowRunError} (a checkpoint that cannot be found, read or used while preparing rejects
 * with its `WorkflowCheckpointError` itself); a cancellation ends in state `cancelled`.
 */
export async function executeRun(run: RunLifecycle): Promise<WorkflowRunResult> {
  const { instance, runner, events, tracing } = run;
  let failure: { error: unknown; details: ErrorDetails; executorId: string | undefined; setup: boolean } | undefined;
  let finalState: WorkflowRunState = WorkflowRunState.IDLE;
  let preparing = true;
  try {
    const writer = await run.prepare();
    preparing = false;
    if (writer !== undefined) runner.afterSuperstep = () => writer.write(instance, events);
    await runner.run();
    if (instance.pending.size > 0) finalState = WorkflowRunState.IDLE_WITH_PENDING_REQUESTS;
  } catch (thrown) {
    instance.state.discardPending();
    if (thrown instanceof RunCancelled || runner.cancelled) {
      finalState = WorkflowRunState.CANCELLED;
      instance.outbox = [];
    } else {
      finalState = WorkflowRunState.FAILED;
      const error = thrown instanceof ExecutorFailure ? thrown.cause : thrown;
      const executorId = thrown instanceof ExecutorFailure ? thrown.executorId : undefined;
      failure = { error, details: toErrorDetails(error), executorId, setup: preparing };
      const event: ErrorEvent = { type: 'error', error: failure.details };
      if (executorId !== undefined) event.executorId = executorId;
      events.emit(event);
    }
  } finally {
    runner.end();
    run.onEnd();
  }
  events.emit({ type: 'workflow_status', state: finalState });
  events.emit({ type: 'workflow_complete', state: finalState });
  tracing.endRun(finalState, failure?.error);
  const result = new WorkflowRunResult(events.events);
  if (failure === undefined) {
    events.close();
    return result;
  }
  if (failure.setup && failure.error instanceof WorkflowCheckpointError) {
    // A checkpoint that cannot be found, read or used: the caller gets that error itself.
    events.close(failure.error);
    throw failure.error;
  }
  const where = failure.executorId === undefined ? '' : ` in executor '${failure.executorId}'`;
  const error = new WorkflowRunError(`Workflow '${run.workflowName}' failed${where}: ${failure.details.message}`, result, {
    cause: failure.error,
    executorId: failure.executorId,
  });
  events.close(error);
  throw error;
}
