import { useCallback } from 'react';
import { useDesignerStore } from '../useDesigner.ts';
import { messageOf, type Notify } from './noticeContext.ts';
import { openWorkflowFiles } from './openWorkflowFiles.ts';

/**
 * Opens picked or dropped files as a new document and tells the user how it went (opened, with
 * how many problems, or why not). The answer is stable while `notify` is.
 */
export function useOpenFiles(notify: Notify): (files: readonly File[]) => void {
  const store = useDesignerStore();
  return useCallback(
    (files) => {
      openWorkflowFiles(files, store).then(
        (notice) => {
          if (notice !== undefined) notify(notice);
        },
        (error: unknown) => {
          notify({ kind: 'error', message: `The file could not be opened: ${messageOf(error)}` });
        },
      );
    },
    [store, notify],
  );
}
