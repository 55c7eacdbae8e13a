import type { DesignerStore } from '../../store/index.ts';
import { isWorkflowFileName, titleOfFileName } from './fileNames.ts';
import type { NoticeInput } from './notices.ts';
import { notWorkflowFileMessage, readWorkflowFile, type NamedBlob } from './workflowFile.ts';

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Opens picked or dropped files: the first workflow file among them becomes a new stored
 * document (`loadDocument`, fresh history), even when its text has problems, since the store
 * keeps any text. Answers what to tell the user, or undefined when there was no file at all.
 *
 * @example
 * const notice = await openWorkflowFiles([...event.dataTransfer.files], store);
 * if (notice !== undefined) notify(notice);
 */
export async function openWorkflowFiles(
  files: readonly NamedBlob[],
  store: Pick<DesignerStore, 'getState'>,
): Promise<NoticeInput | undefined> {
  const first = files[0];
  if (first === undefined) return undefined;
  const file = files.find((candidate) => isWorkflowFileName(candidate.name));
  if (file === undefined) {
    const message =
      files.length === 1
        ? notWorkflowFileMessage(first.name)
        : `None of the ${files.length} files is a workflow file: open a .workflow.yaml, .yaml or .yml file`;
    return { kind: 'error', message };
  }
  const read = await readWorkflowFile(file);
  if (!read.ok) return { kind: 'error', message: read.message };

  const title = titleOfFileName(file.name);
  store.getState().loadDocument(title === undefined ? { yamlText: read.text } : { yamlText: read.text, title });
  const problems = store.getState().yamlProblems.length;
  const opened = problems === 0 ? `Opened ${file.name}` : `Opened ${file.name} with ${plural(problems, 'problem', 'problems')}`;
  if (files.length === 1) return { kind: problems === 0 ? 'success' : 'warning', message: opened };
  const others = plural(files.length - 1, 'other file was', 'other files were');
  return { kind: 'warning', message: `${opened}; ${others} not opened (one file at a time)` };
}
