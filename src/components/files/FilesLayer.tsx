import { useCallback, useReducer, useRef, type ReactNode } from 'react';
import { NoticeContext, type Notify } from '../../designer/files/noticeContext.ts';
import { noticesAfter } from '../../designer/files/notices.ts';
import { useFileDrop } from '../../designer/files/useFileDrop.ts';
import { useOpenFiles } from '../../designer/files/useOpenFiles.ts';
import { NoticeRegion } from './NoticeRegion.tsx';
import './files.css';

/**
 * The designer's file layer: it provides `notify` to everything inside (the File menu, the
 * Workflows list), opens workflow files dropped anywhere on the page with a "Drop to open"
 * overlay while files are dragged over it, and shows the notices.
 */
export function FilesLayer({ children }: { children: ReactNode }) {
  const [notices, dispatch] = useReducer(noticesAfter, []);
  const lastId = useRef(0);
  const notify = useCallback<Notify>((notice) => {
    lastId.current += 1;
    dispatch({ type: 'add', notice: { ...notice, id: lastId.current } });
  }, []);
  const dismiss = useCallback((id: number) => {
    dispatch({ type: 'dismiss', id });
  }, []);
  const openFiles = useOpenFiles(notify);
  const dragging = useFileDrop(openFiles);

  return (
    <NoticeContext value={notify}>
      {children}
      {dragging && (
        <div className="file-drop-overlay" data-testid="files.drop-overlay" aria-hidden="true">
          <p className="file-drop-message">Drop to open</p>
          <p className="file-drop-hint">A .workflow.yaml, .yaml or .yml file opens as a new workflow</p>
        </div>
      )}
      <NoticeRegion notices={notices} onDismiss={dismiss} />
    </NoticeContext>
  );
}
