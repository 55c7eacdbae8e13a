import { getNodesBounds, getViewportForBounds, type Node, type Rect } from '@xyflow/react';

/**
 * Pictures of the canvas, after React Flow's "download image" recipe: the nodes' bounds give the
 * image size and a viewport transform that frames them, and html-to-image (loaded on first use)
 * draws `.react-flow__viewport` with that transform. The minimap, the zoom controls and the
 * background dots live outside the viewport element, so they never appear in the picture.
 */

export type CanvasImageFormat = 'svg' | 'png';

/** Space around the nodes, in image pixels. */
const PADDING_PX = 40;
/** The longest side an image may have; larger graphs are drawn smaller to fit. */
const MAX_SIDE_PX = 4096;

/** The image's size and the transform that frames the nodes in it. */
export interface ImageFrame {
  readonly width: number;
  readonly height: number;
  /** The CSS transform for `.react-flow__viewport` in the image. */
  readonly transform: string;
}

/** The frame for nodes with these bounds: at zoom 1 when they fit, else scaled down to `MAX_SIDE_PX`. */
export function imageFrame(bounds: Rect): ImageFrame {
  const room = MAX_SIDE_PX - 2 * PADDING_PX;
  const zoom = Math.min(1, room / Math.max(bounds.width, 1), room / Math.max(bounds.height, 1));
  const width = Math.ceil(bounds.width * zoom + 2 * PADDING_PX);
  const height = Math.ceil(bounds.height * zoom + 2 * PADDING_PX);
  const viewport = getViewportForBounds(bounds, width, height, zoom, 1, `${PADDING_PX}px`);
  return { width, height, transform: `translate(${viewport.x}px, ${viewport.y}px) scale(${viewport.zoom})` };
}

/** React Flow's overlays: never part of the picture, should one ever sit inside the viewport. */
const OVERLAY_CLASSES = ['react-flow__minimap', 'react-flow__controls', 'react-flow__panel'];

/** html-to-image's filter; it is typed for elements but also called with text nodes, hence the check. */
function isPictured(node: HTMLElement): boolean {
  return !(node instanceof Element && OVERLAY_CLASSES.some((name) => node.classList.contains(name)));
}

/** The text of an `image/svg+xml` data URL as html-to-image writes it (URI-encoded, not base64). */
export function svgOfDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  if (!dataUrl.startsWith('data:image/svg+xml') || comma < 0) throw new Error('the SVG renderer answered something else');
  return decodeURIComponent(dataUrl.slice(comma + 1));
}

/**
 * The canvas as an image file: every node and edge framed with some padding, on `background`
 * (the theme's canvas colour, so a dark canvas stays readable).
 *
 * @param viewportElement the canvas's `.react-flow__viewport`
 * @param nodes the canvas's nodes, measured (`useReactFlow().getNodes()`)
 */
export async function canvasImage(
  viewportElement: HTMLElement,
  nodes: Node[],
  format: CanvasImageFormat,
  background: string,
): Promise<Blob> {
  const frame = imageFrame(getNodesBounds(nodes));
  const { toBlob, toSvg } = await import('html-to-image');
  const options = {
    backgroundColor: background,
    width: frame.width,
    height: frame.height,
    style: { width: `${frame.width}px`, height: `${frame.height}px`, transform: frame.transform },
    filter: isPictured,
    // the app uses system fonts only: nothing to embed, and no style sheet needs reading for @font-face
    skipFonts: true,
  };
  if (format === 'svg') return new Blob([svgOfDataUrl(await toSvg(viewportElement, options))], { type: 'image/svg+xml' });
  const png = await toBlob(viewportElement, options);
  if (png === null) throw new Error('the browser could not draw the PNG');
  return png;
}
