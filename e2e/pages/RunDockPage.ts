import type { Locator, Page } from '@playwright/test';

/** The dock under the canvas that holds the run panel: its resize handle and its fold button. */
export class RunDockPage {
  readonly dock: Locator;
  readonly resizeHandle: Locator;
  readonly toggle: Locator;
  readonly body: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.dock = page.getByTestId('run-dock');
    this.resizeHandle = page.getByTestId('run-dock.resize');
    this.toggle = page.getByTestId('run-dock.toggle');
    this.body = page.getByTestId('run-dock.body');
    this.summary = page.getByTestId('run-dock.summary');
  }

  /** The body's height as the resize handle reports it (aria-valuenow). */
  async reportedHeight(): Promise<number> {
    return Number(await this.resizeHandle.getAttribute('aria-valuenow'));
  }

  /** The body's height on screen. */
  async shownHeight(): Promise<number> {
    const box = await this.body.boundingBox();
    if (box === null) throw new Error('the run panel is not shown');
    return box.height;
  }

  /** Drags the resize handle up by `by` pixels (down when negative), in steps as a hand would. */
  async dragHandleUp(by: number): Promise<void> {
    const box = await this.resizeHandle.boundingBox();
    if (box === null) throw new Error('the run panel has no resize handle on screen');
    const x = box.x + box.width / 3;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x, y - by, { steps: 8 });
    await this.page.mouse.up();
  }
}
