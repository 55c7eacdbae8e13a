import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { KIND_LOOK } from '../../designer/kinds.ts';
import { useDesigner, useDesignerStore } from '../../designer/useDesigner.ts';
import type { CanvasEdge, CanvasNode, NodeId } from '../../model/index.ts';
import { selectCanvasEdges, selectCanvasNodes } from '../../store/index.ts';
import { ModalDialog } from './ModalDialog.tsx';

/** The nodes `source` can be connected to: every other node not already its plain edge's target. */
export function connectTargets(source: NodeId, nodes: readonly CanvasNode[], edges: readonly CanvasEdge[]): CanvasNode[] {
  const connected = new Set<string>(edges.filter((edge) => edge.source === source && edge.kind === 'plain').map((edge) => edge.target));
  return nodes.filter((node) => node.id !== source && !connected.has(node.id));
}

/**
 * "Connect <node> to…": the keyboard's way to draw an edge. A listbox of the other nodes (arrows,
 * Home and End move, Enter or a click connects) adds a plain edge as one recorded change.
 */
export function ConnectDialog({ source, onClose }: { source: NodeId; onClose: () => void }) {
  const store = useDesignerStore();
  const nodes = useDesigner(selectCanvasNodes);
  const edges = useDesigner(selectCanvasEdges);
  const targets = useMemo(() => connectTargets(source, nodes, edges), [source, nodes, edges]);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string>();
  const listbox = useRef<HTMLUListElement>(null);
  const baseId = useId();
  const sourceLabel = nodes.find((node) => node.id === source)?.label ?? source;
  const chosen = targets[Math.min(active, targets.length - 1)];

  const connect = (target: CanvasNode | undefined): void => {
    if (target === undefined) return;
    const result = store.getState().applyChanges([{ type: 'addEdge', edge: { from: source, to: target.id } }], { history: 'record' });
    if (result.ok) onClose();
    else setError(`Could not connect: ${result.error}.`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    const last = targets.length - 1;
    let next: number | undefined;
    if (event.key === 'ArrowDown') next = Math.min(active + 1, last);
    else if (event.key === 'ArrowUp') next = Math.max(active - 1, 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      connect(chosen);
      return;
    }
    if (next === undefined) return;
    event.preventDefault();
    setActive(next);
    document.getElementById(`${baseId}-option-${next}`)?.scrollIntoView({ block: 'nearest' });
  };

  return (
    <ModalDialog title={`Connect ${sourceLabel} to…`} testId="connect" onClose={onClose} initialFocus={listbox} className="connect-dialog">
      {targets.length === 0 ? (
        <p className="connect-empty" data-testid="connect.empty">
          There is no other node to connect {sourceLabel} to.
        </p>
      ) : (
        <ul
          ref={listbox}
          role="listbox"
          tabIndex={0}
          className="connect-list"
          aria-label={`Nodes to connect ${sourceLabel} to`}
          aria-activedescendant={chosen === undefined ? undefined : `${baseId}-option-${targets.indexOf(chosen)}`}
          data-testid="connect.list"
          onKeyDown={onKeyDown}
        >
          {targets.map((node, index) => (
            <li
              key={node.id}
              id={`${baseId}-option-${index}`}
              role="option"
              aria-selected={node === chosen}
              className={`connect-option kind-${node.kind}`}
              data-testid="connect.option"
              data-node-id={node.id}
              onClick={() => {
                connect(node);
              }}
            >
              <span className="kind-icon" aria-hidden="true">
                {KIND_LOOK[node.kind].icon}
              </span>
              <span className="connect-option-label">{node.label}</span>
              <span className="connect-option-kind">{node.label === node.id ? KIND_LOOK[node.kind].title : node.id}</span>
            </li>
          ))}
        </ul>
      )}
      {error !== undefined && (
        <p className="modal-dialog-error" role="alert" data-testid="connect.error">
          {error}
        </p>
      )}
      <div className="modal-dialog-actions">
        <button type="button" className="button" data-testid="connect.cancel" onClick={onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="button connect-submit"
          data-testid="connect.submit"
          disabled={chosen === undefined}
          onClick={() => {
            connect(chosen);
          }}
        >
          Connect
        </button>
      </div>
    </ModalDialog>
  );
}
