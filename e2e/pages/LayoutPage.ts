import type { Locator, Page } from '@playwright/test';

/** What the focused element shows as its focus indicator. */
export interface FocusLook {
  /** A description of the element, for messages: tag, test id or class. */
  element: string;
  /** Whether it (or, for a canvas node, its card) draws an outline or a ring. */
  visible: boolean;
}

/** The designer's regions, for layout and theme checks. */
export class LayoutPage {
  readonly toolbar: Locator;
  readonly palette: Locator;
  readonly canvas: Locator;
  readonly sidePanel: Locator;
  readonly runPanel: Locator;

  constructor(readonly page: Page) {
    this.toolbar = page.getByRole('toolbar', { name: 'Designer' });
    this.palette = page.getByRole('navigation', { name: 'Nodes' });
    this.canvas = page.getByTestId('canvas');
    this.sidePanel = page.getByTestId('side-panel');
    this.runPanel = page.getByTestId('run.panel');
  }

  /** Opens the designer with an example on the canvas, so nodes, edges and the minimap are drawn. */
  async gotoWithExample(file = 'fan-out-fan-in.workflow.yaml'): Promise<void> {
    await this.page.goto('/');
    await this.page.getByTestId('toolbar.examples').click();
    await this.page.getByTestId(`examples.item.${file}`).click();
    await this.canvas.locator('.react-flow__node').first().waitFor();
  }

  /** Every region, with its name for messages. */
  regions(): [string, Locator][] {
    return [
      ['toolbar', this.toolbar],
      ['palette', this.palette],
      ['canvas', this.canvas],
      ['side panel', this.sidePanel],
      ['run panel', this.runPanel],
    ];
  }

  /** How far the page can scroll sideways (0: no horizontal scrollbar). */
  horizontalOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }

  /**
   * The relative luminance (0 black .. 1 white) of the background an element shows: its own
   * background colour, or its nearest ancestor's when its own is transparent.
   */
  backgroundLuminance(locator: Locator): Promise<number> {
    return locator.evaluate((element) => {
      const probe = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
      if (probe === null) throw new Error('no 2D canvas context');
      // the canvas context turns any CSS colour syntax (rgb(), color-mix() results, oklch) into sRGB bytes
      const rgba = (colour: string) => {
        probe.clearRect(0, 0, 1, 1);
        probe.fillStyle = colour;
        probe.fillRect(0, 0, 1, 1);
        return probe.getImageData(0, 0, 1, 1).data;
      };
      let current: Element | null = element;
      let pixel = rgba('transparent');
      while (current !== null) {
        pixel = rgba(getComputedStyle(current).backgroundColor);
        if ((pixel[3] ?? 0) > 0) break;
        current = current.parentElement;
      }
      const [r = 0, g = 0, b = 0] = pixel;
      const linear = (channel: number) => {
        const c = channel / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    });
  }

  /** The focus indicator of the element that has the keyboard focus. */
  focusLook(): Promise<FocusLook> {
    return this.page.evaluate(() => {
      const active = document.activeElement;
      if (active === null || active === document.body) return { element: 'body', visible: false };
      // a canvas node draws its ring on its card, inside React Flow's wrapper; an edge on its path
      const drawn = active.querySelector(':scope.react-flow__node > .wf-node, :scope.react-flow__edge .react-flow__edge-path') ?? active;
      const style = getComputedStyle(drawn);
      const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1;
      const ring = style.boxShadow !== 'none';
      // the focus colour as computed colours are written (rgb()), to compare with an SVG stroke
      const swatch = document.createElement('span');
      swatch.style.color = 'var(--focus)';
      document.body.append(swatch);
      const focusColour = getComputedStyle(swatch).color;
      swatch.remove();
      const stroke = drawn instanceof SVGElement && style.stroke === focusColour;
      const name = active.getAttribute('data-testid') ?? active.getAttribute('class') ?? active.id;
      return { element: `${active.tagName.toLowerCase()} ${name}`.trim(), visible: outline || ring || stroke };
    });
  }
}
