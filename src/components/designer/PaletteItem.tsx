import type { DragEvent } from 'react';
import { KIND_LOOK, PALETTE_MIME } from '../../designer/kinds.ts';
import { useAddNode } from '../../designer/useAddNode.ts';
import type { NodeKind } from '../../model/index.ts';

interface PaletteItemProps {
  kind: NodeKind;
  label: string;
}

/** One node kind of the palette: draggable, and a button that adds the node. */
export function PaletteItem({ kind, label }: PaletteItemProps) {
  const addNode = useAddNode();
  const onDragStart = (event: DragEvent<HTMLButtonElement>) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <button
      type="button"
      className={`palette-item kind-${kind}`}
      data-testid={`palette.item.${kind}`}
      draggable
      onDragStart={onDragStart}
      onClick={() => {
        addNode(kind);
      }}
      aria-label={`Add ${label} node`}
    >
      <span className="kind-icon" aria-hidden="true">
        {KIND_LOOK[kind].icon}
      </span>
      {label}
    </button>
  );
}
