import { WorkflowRunState, type Workflow, type WorkflowEvent } from '@trellis/engine';

/** How a run ended. */
export interface RunOutcome {
  /** The state of the run's `workflow_complete` event (`failed` when the run never got that far). */
  state: WorkflowRunState;
  /** Every `workflow_output` value, in order. */
  outputs: unknown[];
  /** A readable message when the run failed. */
  error: string | undefined;
}

/**
 * Builds a fresh workflow with `createWorkflow` and runs it on `input` in streaming mode, handing
 * each event to `onEvent` as it happens. Never throws: a build error, or a failed run (the stream
 * throws a `WorkflowRunError` after its last events), comes back as an outcome with `error` set.
 */
export async function runWorkflow(
  createWorkflow: () => Workflow,
  input: unknown,
  onEvent: (event: WorkflowEvent) => void,
): Promise<RunOutcome> {
  const outputs: unknown[] = [];
  let state: WorkflowRunState | undefined;
  try {
    const workflow = createWorkflow();
    for await (const event of workflow.run(input, { stream: true })) {
      if (event.type === 'workflow_output') outputs.push(event.data);
      if (event.type === 'workflow_status' || event.type === 'workflow_complete') state = event.state;
      onEvent(event);
    }
    return { state: state ?? WorkflowRunState.IDLE, outputs, error: undefined };
  } catch (error) {
    return { state: WorkflowRunState.FAILED, outputs, error: describeError(error) };
  }
}

/** A one-line message for anything thrown. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message === '' ? error.name : `${error.name}: ${error.message}`;
  return `Error: ${String(error)}`;
}
