import { isWorkflowFileName } from './fileNames.ts';

/**
 * Reading a workflow file the user picked or dropped, with a clear reason when it cannot be
 * opened: not a YAML file name, too big, not UTF-8 text, or binary.
 */

/** Files larger than this are refused: a workflow is a few kilobytes, even with 1,000 executors. */
export const MAX_WORKFLOW_FILE_BYTES = 5 * 1024 * 1024;

/** What reading needs of a `File` (a `Blob` with a name), so tests can hand in plain objects. */
export interface NamedBlob {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type WorkflowFileText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/** A byte count for people: `12 B`, `3.4 kB`, `12.3 MB` (powers of 1,000, as file managers show). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The message for a file whose name is not a workflow file's. */
export function notWorkflowFileMessage(fileName: string): string {
  return `${fileName} is not a workflow file: open a .workflow.yaml, .yaml or .yml file`;
}

/**
 * The text of a workflow file. The bytes are decoded as strict UTF-8 (`File.text()` would
 * silently turn bad bytes into U+FFFD, and the document would no longer be the file), and a NUL
 * character marks a binary file that happens to decode. A UTF-8 byte order mark is dropped.
 */
export async function readWorkflowFile(file: NamedBlob, maxBytes = MAX_WORKFLOW_FILE_BYTES): Promise<WorkflowFileText> {
  if (!isWorkflowFileName(file.name)) return { ok: false, message: notWorkflowFileMessage(file.name) };
  if (file.size > maxBytes) {
    return { ok: false, message: `${file.name} is ${formatBytes(file.size)}: files over ${formatBytes(maxBytes)} are not opened` };
  }
  let bytes: ArrayBuffer;
  try {
    bytes = await file.arrayBuffer();
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, message: `${file.name} could not be read: ${reason}` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: `${file.name} is not UTF-8 text: save it as UTF-8 and open it again` };
  }
  if (text.includes('\u0000')) return { ok: false, message: `${file.name} looks like a binary file, not YAML text` };
  return { ok: true, text };
}
