import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The IndexedDB checkpoint harness (harness/checkpoints.html): buttons to save, list and load the
 * latest checkpoint of one series, a status line, the list, and the latest checkpoint's state.
 */
export class CheckpointHarnessPage {
  readonly saveButton: Locator;
  readonly listButton: Locator;
  readonly loadLatestButton: Locator;
  readonly status: Locator;
  readonly error: Locator;
  readonly checkpointList: Locator;
  readonly loadedId: Locator;
  readonly decodedState: Locator;
  readonly storedState: Locator;

  constructor(readonly page: Page) {
    this.saveButton = page.getByTestId('save-checkpoint');
    this.listButton = page.getByTestId('list-checkpoints');
    this.loadLatestButton = page.getByTestId('load-latest');
    this.status = page.getByTestId('harness-status');
    this.error = page.getByTestId('harness-error');
    this.checkpointList = page.getByTestId('checkpoint-list');
    this.loadedId = page.getByTestId('loaded-id');
    this.decodedState = page.getByTestId('decoded-state');
    this.storedState = page.getByTestId('stored-state');
  }

  /** Opens the harness and waits until its script is running. */
  async goto(): Promise<void> {
    await this.page.goto('/harness/checkpoints.html');
    await expect(this.status).toHaveText('ready');
  }

  /** Reloads the page (IndexedDB keeps what was saved) and waits until it is ready again. */
  async reload(): Promise<void> {
    await this.page.reload();
    await expect(this.status).toHaveText('ready');
  }

  /** Saves the next checkpoint of the series; resolves once the page reports it saved. */
  async save(expectedId: string): Promise<void> {
    await this.saveButton.click();
    await expect(this.status).toHaveText(`saved ${expectedId}`);
  }

  async list(): Promise<void> {
    await this.listButton.click();
  }

  async loadLatest(): Promise<void> {
    await this.loadLatestButton.click();
  }

  /** The listed checkpoints (use with `expect(...).toHaveText([...])` or read their ids). */
  items(): Locator {
    return this.checkpointList.getByTestId('checkpoint-item');
  }

  /** The ids of the listed checkpoints, in order. */
  async listedIds(): Promise<string[]> {
    return this.items().evaluateAll((items) => items.map((item) => item.getAttribute('data-checkpoint-id') ?? ''));
  }
}
