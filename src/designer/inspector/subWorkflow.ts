import type { WorkflowExecutorDefinition } from '@trellis/engine';
import type { ExecutorPatch } from '../../model/index.ts';

/** The body of an inline sub-workflow (what `workflow:` holds under a `workflow` executor). */
export type InlineWorkflow = NonNullable<WorkflowExecutorDefinition['workflow']>;

/** How a sub-workflow node names the workflow it runs. */
export type SubWorkflowMode = 'inline' | 'reference';

/**
 * The node's mode: inline when it holds a workflow, else by reference (also when it has neither
 * yet: a `ref` is what a fresh node asks for; validation badges the node until it is given).
 */
export function subWorkflowMode(executor: WorkflowExecutorDefinition): SubWorkflowMode {
  return executor.workflow === undefined ? 'reference' : 'inline';
}

/** What the inspector says about an inline workflow (its editing happens in the YAML panel). */
export interface InlineSummary {
  readonly name: string;
  readonly executors: number;
  readonly edges: number;
}

export function inlineSummary(inline: InlineWorkflow): InlineSummary {
  return { name: inline.name, executors: inline.executors.length, edges: inline.edges?.length ?? 0 };
}

/** "research: 3 executors, 2 edges" */
export function describeInline(summary: InlineSummary): string {
  const count = (n: number, noun: string) => `${String(n)} ${noun}${n === 1 ? '' : 's'}`;
  return `${summary.name}: ${count(summary.executors, 'executor')}, ${count(summary.edges, 'edge')}`;
}

/** A fresh inline workflow that is valid as it stands: it yields its input as its output. */
export function starterInline(nodeId: string): InlineWorkflow {
  return { name: `${nodeId}_inline`, start: 'result', executors: [{ id: 'result', type: 'output' }] };
}

/** What a switch of mode leaves behind, so switching back within the same form restores it. */
export interface SetAside {
  readonly inline?: InlineWorkflow;
  readonly ref?: string;
}

/**
 * The patch that switches a node to `mode`: to a reference, the inline workflow is removed (one
 * undo step restores it; `setAside` keeps it for switching back) and the set-aside `ref`, if
 * any, comes back; to inline, the set-aside workflow (else a starter one) is put in and `ref`
 * removed. Undefined when the node is in that mode already.
 */
export function switchModePatch(
  executor: WorkflowExecutorDefinition,
  mode: SubWorkflowMode,
  setAside: SetAside,
): { patch: ExecutorPatch; setAside: SetAside } | undefined {
  if (subWorkflowMode(executor) === mode) return undefined;
  if (mode === 'reference') {
    const inline = executor.workflow;
    return {
      patch: { workflow: null, ref: setAside.ref ?? executor.ref ?? null },
      setAside: inline === undefined ? setAside : { ...setAside, inline },
    };
  }
  return {
    patch: { ref: null, workflow: setAside.inline ?? starterInline(executor.id) },
    setAside: executor.ref === undefined ? setAside : { ...setAside, ref: executor.ref },
  };
}
