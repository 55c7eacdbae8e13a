import { expect, type Locator, type Page } from '@playwright/test';

/** A point in flow coordinates, as a node's transform gives it. */
export interface FlowPoint {
  x: number;
  y: number;
}

/** The designer: toolbar, palette, canvas and inspector. */
export class DesignerPage {
  readonly canvas: Locator;
  readonly inspector: Locator;
  readonly undoButton: Locator;
  readonly redoButton: Locator;
  readonly workflowName: Locator;
  readonly saveStatus: Locator;
  readonly examplesButton: Locator;

  constructor(readonly page: Page) {
    this.canvas = page.getByTestId('canvas');
    this.inspector = page.getByTestId('inspector');
    this.undoButton = page.getByTestId('toolbar.undo');
    this.redoButton = page.getByTestId('toolbar.redo');
    this.workflowName = page.getByTestId('toolbar.name');
    this.saveStatus = page.getByTestId('toolbar.saveStatus');
    this.examplesButton = page.getByTestId('toolbar.examples');
  }

  /** Opens the app as a visitor finds it (a first visit: the gallery's first example). */
  async goto(): Promise<void> {
    await this.page.goto('/');
    await this.canvas.waitFor();
  }

  /** Opens the app and starts a new, empty workflow (toolbar New), as a person building from scratch does. */
  async gotoNewWorkflow(): Promise<void> {
    await this.goto();
    await this.page.getByTestId('toolbar.new').click();
    await expect(this.nodes()).toHaveCount(0);
    await expect(this.workflowName).toHaveValue('untitled');
  }

  paletteItem(kind: string): Locator {
    return this.page.getByTestId(`palette.item.${kind}`);
  }

  nodes(): Locator {
    return this.canvas.getByTestId('canvas.node');
  }

  node(id: string): Locator {
    return this.canvas.locator(`[data-testid="canvas.node"][data-node-id="${id}"]`);
  }

  edges(): Locator {
    return this.canvas.getByTestId('canvas.edge');
  }

  field(name: string): Locator {
    return this.inspector.getByTestId(`inspector.field.${name}`);
  }

  /** The node ids on the canvas, in drawing order. */
  async nodeIds(): Promise<string[]> {
    return this.nodes().evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-node-id') ?? ''));
  }

  /**
   * A point on the canvas as fractions of its visible size (0..1 across and down), in pixels from
   * its top left corner: drops placed this way land apart at any window size.
   */
  async canvasPoint(across: number, down: number): Promise<{ x: number; y: number }> {
    const box = await this.canvas.boundingBox();
    if (box === null) throw new Error('the canvas is not on screen');
    return { x: Math.round(box.width * across), y: Math.round(box.height * down) };
  }

  /** Drags a palette kind onto the canvas, `at` pixels from the canvas's top left corner. */
  async dropFromPalette(kind: string, at: { x: number; y: number }): Promise<void> {
    await this.paletteItem(kind).dragTo(this.canvas, { targetPosition: at });
  }

  /** Drags from one node's output handle to another's input handle. */
  async connect(from: string, to: string): Promise<void> {
    const source = await this.handleCentre(from, 'source');
    const target = await this.handleCentre(to, 'target');
    await this.page.mouse.move(source.x, source.y);
    await this.page.mouse.down();
    await this.page.mouse.move((source.x + target.x) / 2, (source.y + target.y) / 2, { steps: 5 });
    await this.page.mouse.move(target.x, target.y, { steps: 5 });
    await this.page.mouse.up();
  }

  /** Drags a node by a screen offset, in several steps as a hand would. */
  async dragNode(id: string, by: { x: number; y: number }): Promise<void> {
    const box = await this.node(id).boundingBox();
    if (box === null) throw new Error(`node ${id} is not on screen`);
    const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    await this.page.mouse.move(start.x + by.x, start.y + by.y, { steps: 10 });
    await this.page.mouse.up();
  }

  async selectNode(id: string): Promise<void> {
    await this.node(id).click();
  }

  /** Where a node is, in flow coordinates (its React Flow transform). */
  async position(id: string): Promise<FlowPoint> {
    const transform = await this.canvas
      .locator(`.react-flow__node[data-id="${id}"]`)
      .evaluate((element) => (element as HTMLElement).style.transform);
    const match = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(transform);
    if (match === null) throw new Error(`node ${id} has no position: ${transform}`);
    return { x: Number(match[1]), y: Number(match[2]) };
  }

  /** Opens an example and waits until it is loaded (the menu closes and gives the focus back then). */
  async openExample(file: string): Promise<void> {
    await this.examplesButton.click();
    await this.page.getByTestId(`examples.item.${file}`).click();
    await this.page.locator('[data-testid="toolbar.examples"][aria-expanded="false"]').waitFor();
  }

  /** Presses Tab until the element with this test id has the focus. */
  async tabTo(testId: string, limit = 40): Promise<void> {
    for (let i = 0; i < limit; i++) {
      const focused = await this.page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
      if (focused === testId) return;
      await this.page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${testId}`);
  }

  private async handleCentre(id: string, type: 'source' | 'target'): Promise<{ x: number; y: number }> {
    const box = await this.canvas.locator(`.react-flow__node[data-id="${id}"] .react-flow__handle.${type}`).boundingBox();
    if (box === null) throw new Error(`node ${id} has no ${type} handle on screen`);
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }
}
