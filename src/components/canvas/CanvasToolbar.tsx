import { Panel } from '@xyflow/react';
import type { CanvasClipboard } from '../../designer/keyboard/useCanvasClipboard.ts';
import './canvas.css';

interface CanvasToolbarProps {
  clipboard: CanvasClipboard;
  /** Whether the canvas can be edited (the YAML parses). */
  editable: boolean;
  /** Whether a node is selected (copy, cut, duplicate and connect need one). */
  hasSelection: boolean;
  onAutoLayout: () => void;
  onFitView: () => void;
  onConnect: () => void;
  onShowShortcuts: () => void;
}

interface ToolButtonProps {
  testId: string;
  label: string;
  keys: string;
  disabled?: boolean;
  onClick: () => void;
}

function ToolButton({ testId, label, keys, disabled = false, onClick }: ToolButtonProps) {
  return (
    <button
      type="button"
      className="button canvas-tool"
      data-testid={`canvas.toolbar.${testId}`}
      aria-keyshortcuts={keys}
      title={`${label} (${keys.replaceAll('Control', 'Ctrl')})`}
      disabled={disabled}
      onClick={onClick}
    >
      {label}
    </button>
  );
}

/** The canvas's own toolbar, over its top left corner: layout and view, connect, the clipboard, the shortcuts. */
export function CanvasToolbar({
  clipboard,
  editable,
  hasSelection,
  onAutoLayout,
  onFitView,
  onConnect,
  onShowShortcuts,
}: CanvasToolbarProps) {
  const canEditSelection = editable && hasSelection;
  return (
    <Panel position="top-left" className="canvas-toolbar-panel">
      <div className="canvas-toolbar" role="toolbar" aria-label="Canvas" data-testid="canvas.toolbar">
        <ToolButton testId="autoLayout" label="Auto-layout" keys="Shift+L" disabled={!editable} onClick={onAutoLayout} />
        <ToolButton testId="fitView" label="Fit view" keys="F" onClick={onFitView} />
        <ToolButton testId="connect" label="Connect…" keys="C" disabled={!canEditSelection} onClick={onConnect} />
        <span className="canvas-toolbar-gap" aria-hidden="true" />
        <ToolButton testId="copy" label="Copy" keys="Control+C" disabled={!hasSelection} onClick={() => void clipboard.copy()} />
        <ToolButton testId="cut" label="Cut" keys="Control+X" disabled={!canEditSelection} onClick={() => void clipboard.cut()} />
        <ToolButton testId="paste" label="Paste" keys="Control+V" disabled={!editable} onClick={() => void clipboard.paste()} />
        <ToolButton testId="duplicate" label="Duplicate" keys="Control+D" disabled={!canEditSelection} onClick={clipboard.duplicate} />
        <span className="canvas-toolbar-gap" aria-hidden="true" />
        <ToolButton testId="shortcuts" label="Shortcuts" keys="?" onClick={onShowShortcuts} />
      </div>
    </Panel>
  );
}
