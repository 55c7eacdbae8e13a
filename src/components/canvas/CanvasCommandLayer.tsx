import { useReactFlow } from '@xyflow/react';
import { lazy, useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import { useAutoLayout } from '../../designer/autoLayout/useAutoLayout.ts';
import { FIT_VIEW_OPTIONS } from '../../designer/flowElements.ts';
import { useCanvasClipboard } from '../../designer/keyboard/useCanvasClipboard.ts';
import { useCanvasKeys, type CanvasKeyCommands } from '../../designer/keyboard/useCanvasKeys.ts';
import { selectEditable, selectSelectedNodeIds } from '../../designer/selectors.ts';
import { useDesigner, useDesignerStore } from '../../designer/useDesigner.ts';
import { asNodeId, type NodeId } from '../../model/index.ts';
import { LazyPart } from '../lazy/LazyPart.tsx';
import { CanvasToolbar } from './CanvasToolbar.tsx';

// loaded when first opened, so the first page does not carry them
const ConnectDialog = lazy(() => import('./ConnectDialog.tsx').then((module) => ({ default: module.ConnectDialog })));
const ShortcutsDialog = lazy(() => import('./ShortcutsDialog.tsx').then((module) => ({ default: module.ShortcutsDialog })));

/** How long a status message stays up. */
const MESSAGE_MS = 8000;

type OpenDialog = { readonly kind: 'shortcuts' } | { readonly kind: 'connect'; readonly source: NodeId } | undefined;

/**
 * The canvas's commands, wherever they are asked for: its toolbar, its shortcuts (`useCanvasKeys`,
 * the clipboard events) and the dialogs they open (shortcuts help, connect), plus a status line
 * for what could not be done. Rendered inside React Flow, whose view it moves.
 */
export function CanvasCommandLayer({ canvas }: { canvas: RefObject<HTMLElement | null> }) {
  const store = useDesignerStore();
  const editable = useDesigner(selectEditable);
  const hasSelection = useDesigner(selectSelectedNodeIds).length > 0;
  const { fitView } = useReactFlow();
  const [dialog, setDialog] = useState<OpenDialog>();
  const [message, setMessage] = useState<string>();
  const report = useCallback((next: string | undefined) => {
    setMessage(next);
  }, []);
  useEffect(() => {
    if (message === undefined) return;
    const timer = setTimeout(() => {
      setMessage(undefined);
    }, MESSAGE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [message]);
  const autoLayout = useAutoLayout(report);
  const clipboard = useCanvasClipboard(report);
  const closeDialog = useCallback(() => {
    setDialog(undefined);
  }, []);

  const commands = useMemo<CanvasKeyCommands>(
    () => ({
      showShortcuts: () => {
        setDialog({ kind: 'shortcuts' });
      },
      connect: (focusedNodeId) => {
        const state = store.getState();
        const source = focusedNodeId ?? state.selectedNodeIds[0];
        if (!state.yamlParsed) report('Fix the YAML errors before connecting nodes.');
        else if (source === undefined) report('Select a node to connect from.');
        else setDialog({ kind: 'connect', source: asNodeId(source) });
      },
      autoLayout: () => void autoLayout(),
      fitView: () => void fitView(FIT_VIEW_OPTIONS),
    }),
    [store, report, autoLayout, fitView],
  );
  useCanvasKeys(canvas, commands);

  return (
    <>
      <CanvasToolbar
        clipboard={clipboard}
        editable={editable}
        hasSelection={hasSelection}
        onAutoLayout={commands.autoLayout}
        onFitView={commands.fitView}
        onConnect={() => {
          commands.connect(undefined);
        }}
        onShowShortcuts={commands.showShortcuts}
      />
      <p className="canvas-message" role="status" data-testid="canvas.message">
        {message}
      </p>
      {dialog?.kind === 'shortcuts' && (
        <LazyPart what="the shortcuts" testId="shortcuts" onClose={closeDialog}>
          <ShortcutsDialog onClose={closeDialog} />
        </LazyPart>
      )}
      {dialog?.kind === 'connect' && (
        <LazyPart what="the connect dialog" testId="connect" onClose={closeDialog}>
          <ConnectDialog source={dialog.source} onClose={closeDialog} />
        </LazyPart>
      )}
    </>
  );
}
