import type { NodeKind } from '../model/index.ts';

/** How each node kind looks: an icon (a glyph, for now) and the CSS class that colours it. */
export const KIND_LOOK: Readonly<Record<NodeKind, { readonly icon: string; readonly title: string }>> = {
  agent: { icon: '✦', title: 'Agent' },
  function: { icon: 'ƒ', title: 'Function' },
  transform: { icon: '⇄', title: 'Transform' },
  request_info: { icon: '☝', title: 'Human input' },
  workflow: { icon: '▣', title: 'Sub-workflow' },
  output: { icon: '◎', title: 'Output' },
};

/** The drag-and-drop data type that carries a palette kind. */
export const PALETTE_MIME = 'application/x-trellis-kind';
