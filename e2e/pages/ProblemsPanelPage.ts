import type { Locator, Page } from '@playwright/test';

/** The side panel's Problems tab: every problem of the document, each selecting what it is about. */
export class ProblemsPanelPage {
  readonly tab: Locator;
  readonly count: Locator;
  readonly panel: Locator;
  readonly items: Locator;
  readonly none: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByTestId('side-panel.tab.problems');
    this.count = page.getByTestId('side-panel.problemCount');
    this.panel = page.getByTestId('problems');
    this.items = this.panel.getByTestId('problems.item');
    this.none = this.panel.getByTestId('problems.none');
  }

  async open(): Promise<void> {
    await this.tab.click();
    await this.panel.waitFor();
  }

  /** The problems about one node (`data-target` is the node id), or about the workflow (`workflow`) or an edge (`edge`). */
  itemsFor(target: string): Locator {
    return this.panel.locator(`[data-testid="problems.item"][data-target="${target}"]`);
  }
}
