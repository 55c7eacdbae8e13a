import type { Download, Locator, Page } from '@playwright/test';

/** The side panel's Diagram tab: the Mermaid drawing of the workflow, its source and downloads. */
export class DiagramPanelPage {
  readonly tab: Locator;
  readonly panel: Locator;
  readonly svgContainer: Locator;
  readonly svg: Locator;
  readonly staleNote: Locator;
  readonly source: Locator;
  readonly copyButton: Locator;
  readonly copyStatus: Locator;
  readonly downloadSvgButton: Locator;
  readonly downloadMmdButton: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByTestId('side-panel.tab.diagram');
    this.panel = page.getByTestId('panel.diagram');
    this.svgContainer = page.getByTestId('panel.diagram.svg');
    this.svg = this.svgContainer.locator('svg').first();
    this.staleNote = page.getByTestId('panel.diagram.stale');
    this.source = page.getByTestId('panel.diagram.source');
    this.copyButton = page.getByTestId('panel.diagram.copy');
    this.copyStatus = page.getByTestId('panel.diagram.copy-status');
    this.downloadSvgButton = page.getByTestId('panel.diagram.download-svg');
    this.downloadMmdButton = page.getByTestId('panel.diagram.download-mmd');
  }

  /** Opens the Diagram tab and waits for Mermaid's SVG. */
  async open(): Promise<void> {
    await this.tab.click();
    await this.svg.waitFor();
  }

  /** Clicks a download button and answers the download it starts. */
  async download(button: Locator): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    return download;
  }
}
