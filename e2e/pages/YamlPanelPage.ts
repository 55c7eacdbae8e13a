import type { Locator, Page } from '@playwright/test';

/** The side panel's YAML tab: the Monaco editor and its status line. */
export class YamlPanelPage {
  readonly tab: Locator;
  readonly inspectorTab: Locator;
  readonly panel: Locator;
  readonly editor: Locator;
  readonly status: Locator;
  readonly canvasBanner: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByTestId('side-panel.tab.yaml');
    this.inspectorTab = page.getByTestId('side-panel.tab.inspector');
    this.panel = page.getByTestId('panel.yaml');
    this.editor = page.getByTestId('panel.yaml.editor');
    this.status = page.getByTestId('panel.yaml.status');
    this.canvasBanner = page.getByTestId('canvas.readonly');
  }

  /** Opens the YAML tab and waits for Monaco to show the text. */
  async open(): Promise<void> {
    await this.tab.click();
    await this.editor.locator('.monaco-editor .view-lines').waitFor();
  }

  /** The rendered line that contains this text (Monaco renders spaces as no-break spaces). */
  line(text: string): Locator {
    return this.editor.locator('.view-line', { hasText: text });
  }

  /** The text of the rendered lines, top to bottom, with plain spaces. */
  async visibleText(): Promise<string> {
    const lines = await this.editor.locator('.view-line').evaluateAll((elements) =>
      elements
        .map((element) => ({ top: Number.parseFloat((element as HTMLElement).style.top), text: element.textContent }))
        .sort((a, b) => a.top - b.top)
        .map((line) => line.text.replaceAll('\u00a0', ' ')),
    );
    return lines.join('\n');
  }

  /**
   * Scrolls the editor to its last line (the cursor goes there). Monaco renders the lines in view
   * only, so a test looking for a line near the end brings it into view first.
   */
  async scrollToEnd(): Promise<void> {
    await this.focus();
    await this.page.keyboard.press('Control+End');
  }

  /** Scrolls the editor to its first line (the cursor goes there). */
  async scrollToStart(): Promise<void> {
    await this.focus();
    await this.page.keyboard.press('Control+Home');
  }

  /** Puts the cursor in the editor. */
  async focus(): Promise<void> {
    await this.editor.locator('.monaco-editor .view-lines').click();
  }

  /**
   * Enters text at the cursor as one input (as an IME or a paste would), then closes any
   * suggestion list, so completion never changes what the test means to type.
   */
  async enter(text: string): Promise<void> {
    await this.page.keyboard.insertText(text);
    await this.page.keyboard.press('Escape');
  }

  /** Types a new first line. */
  async typeFirstLine(text: string): Promise<void> {
    await this.focus();
    await this.page.keyboard.press('Control+Home');
    await this.enter(text);
    await this.page.keyboard.press('Enter');
  }

  /** Types at the end of the text (dropping a bracket or quote Monaco closed by itself). */
  async typeAtEnd(text: string): Promise<void> {
    await this.focus();
    await this.page.keyboard.press('Control+End');
    await this.enter(text);
    await this.page.keyboard.press('Shift+End');
    await this.page.keyboard.press('Delete');
  }

  /** Points the mouse at the first squiggle of this kind and answers the hover's text. */
  async hoverSquiggle(kind: 'error' | 'warning'): Promise<Locator> {
    const box = await this.editor.locator(`.squiggly-${kind}`).first().boundingBox();
    if (box === null) throw new Error(`no ${kind} squiggle on screen`);
    await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    return this.page.locator('.monaco-hover-content');
  }

  /** Replaces every occurrence of a word with Monaco's find and replace widget (Ctrl+H). */
  async replaceAll(find: string, replacement: string): Promise<void> {
    await this.focus();
    await this.page.keyboard.press('Control+H');
    const widget = this.editor.locator('.find-widget');
    await widget.getByRole('textbox', { name: 'Find' }).fill(find);
    await widget.getByRole('textbox', { name: 'Replace' }).fill(replacement);
    await widget.getByRole('button', { name: /Replace All/ }).click();
    await this.page.keyboard.press('Escape');
  }

  /** Undoes in the editor (its own undo stack). */
  async undo(times = 1): Promise<void> {
    await this.focus();
    for (let i = 0; i < times; i++) await this.page.keyboard.press('Control+Z');
  }
}
