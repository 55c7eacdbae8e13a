/**
 * File names for what the designer writes and reads: a workflow's name becomes a safe file name
 * base, and an opened file's name becomes the title in the workflow list.
 */

/** What a name for a workflow file may keep: letters and digits of any script, `_`, `-` and `.`. */
const UNSAFE_RUN = /[^\p{L}\p{N}_.-]+/gu;
/** Dots and underscores at either end (no hidden files, no `_name_` from stripped spaces). */
const LOOSE_ENDS = /^[._]+|[._]+$/g;
/** The extensions a workflow file may have, longest first. */
const WORKFLOW_EXTENSION = /(\.workflow)?\.ya?ml$/i;

/**
 * A file name base from a workflow's name: runs of other characters become `_`; `workflow` when
 * nothing is left.
 *
 * @example
 * fileBaseOf('Support triage (v2)'); // 'Support_triage_v2'
 */
export function fileBaseOf(workflowName: string): string {
  const base = workflowName.replace(UNSAFE_RUN, '_').replace(LOOSE_ENDS, '');
  return base === '' ? 'workflow' : base;
}

/** The download name of a workflow's YAML: `<base>.workflow.yaml`. */
export function workflowFileName(workflowName: string): string {
  return `${fileBaseOf(workflowName)}.workflow.yaml`;
}

/** Whether a file name is one the designer opens (`.workflow.yaml`, `.yaml`, `.yml`, any case). */
export function isWorkflowFileName(fileName: string): boolean {
  return WORKFLOW_EXTENSION.test(fileName);
}

/** The title an opened file gets in the workflow list: its name without the workflow extension. */
export function titleOfFileName(fileName: string): string | undefined {
  const title = fileName.replace(WORKFLOW_EXTENSION, '').trim();
  return title === '' ? undefined : title;
}
