import type { Locator, Page } from '@playwright/test';

/** A node's box in flow coordinates (its React Flow transform and its size at zoom 1). */
export interface FlowBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The canvas's toolbar, its status line, its keyboard shortcuts and the dialogs they open (shortcuts help, connect). */
export class CanvasPage {
  readonly toolbar: Locator;
  readonly message: Locator;
  readonly shortcutsDialog: Locator;
  readonly connectDialog: Locator;
  readonly connectOptions: Locator;

  constructor(readonly page: Page) {
    this.toolbar = page.getByTestId('canvas.toolbar');
    this.message = page.getByTestId('canvas.message');
    this.shortcutsDialog = page.getByTestId('shortcuts');
    this.connectDialog = page.getByTestId('connect');
    this.connectOptions = this.connectDialog.getByTestId('connect.option');
  }

  /** A canvas toolbar button: autoLayout, fitView, connect, copy, cut, paste, duplicate, shortcuts. */
  tool(name: string): Locator {
    return this.toolbar.getByTestId(`canvas.toolbar.${name}`);
  }

  /** The React Flow element of a node (the one that takes the focus). */
  flowNode(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  /** Gives a node the keyboard focus, as Tab would. */
  async focusNode(id: string): Promise<void> {
    await this.flowNode(id).focus();
  }

  /** The test id (or, failing that, the tag) of the element with the focus. */
  async focused(): Promise<string> {
    return this.page.evaluate(() => {
      const active = document.activeElement;
      return active?.getAttribute('data-testid') ?? active?.getAttribute('data-id') ?? active?.tagName.toLowerCase() ?? '';
    });
  }

  /** Whether the element with the focus is inside the element with this test id. */
  async focusIsInside(testId: string): Promise<boolean> {
    return this.page.evaluate((id) => document.querySelector(`[data-testid="${id}"]`)?.contains(document.activeElement) ?? false, testId);
  }

  /** Every node's box in flow coordinates. */
  async nodeBoxes(): Promise<FlowBox[]> {
    return this.page.locator('.react-flow__node').evaluateAll((elements) =>
      elements.map((element) => {
        const node = element as HTMLElement;
        const match = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(node.style.transform);
        return {
          id: node.dataset['id'] ?? '',
          x: Number(match?.[1]),
          y: Number(match?.[2]),
          width: node.offsetWidth,
          height: node.offsetHeight,
        };
      }),
    );
  }

  /** Whether two boxes share any area. */
  static overlap(one: FlowBox, other: FlowBox): boolean {
    return one.x < other.x + other.width && other.x < one.x + one.width && one.y < other.y + other.height && other.y < one.y + one.height;
  }

  /** Serves `text` in place of a bundled example, so opening that example opens this text. */
  async serveExample(file: string, text: string): Promise<void> {
    await this.page.route(`**/examples/${file}`, (route) => route.fulfill({ status: 200, contentType: 'text/yaml', body: text }));
  }
}
