import type { Locator, Page } from '@playwright/test';

/** The inspector: the form of the selected node or edge, with its code editor and answer editor. */
export class InspectorPage {
  readonly root: Locator;
  /** The function code field (Monaco once loaded, a textarea before). */
  readonly code: Locator;
  /** Monaco's rendered lines in the code field. */
  readonly codeLines: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('inspector');
    this.code = this.root.getByTestId('inspector.field.code');
    this.codeLines = this.code.locator('[data-testid="inspector.code.monaco"] .monaco-editor .view-lines');
  }

  /** A field by name (`inspector.field.<name>`). */
  field(name: string): Locator {
    return this.root.getByTestId(`inspector.field.${name}`);
  }

  /** The field's own error for the text as typed (`inspector.error.<name>`). */
  error(name: string): Locator {
    return this.root.getByTestId(`inspector.error.${name}`);
  }

  /** The engine's problems shown under a field (`inspector.problems.<name>`). */
  problems(name: string): Locator {
    return this.root.getByTestId(`inspector.problems.${name}`);
  }

  /** Waits until Monaco has replaced the code field's textarea. */
  async waitForCodeEditor(): Promise<void> {
    await this.codeLines.waitFor();
  }

  /** Puts the cursor at the end of the code. */
  async focusCodeEnd(): Promise<void> {
    await this.waitForCodeEditor();
    await this.codeLines.click();
    await this.page.keyboard.press('Control+End');
  }

  /**
   * Replaces the code with `text` as one input (as a paste would), then closes any suggestion
   * list, so completion never changes what the test means to type.
   */
  async replaceCode(text: string): Promise<void> {
    await this.waitForCodeEditor();
    await this.codeLines.click();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.insertText(text);
    await this.page.keyboard.press('Escape');
  }

  /**
   * The code as Monaco shows it: its rendered lines top to bottom, with plain spaces, and a line
   * Monaco wrapped (a row without a line number) joined back to the row before it.
   */
  async codeText(): Promise<string> {
    await this.waitForCodeEditor();
    const editor = this.code.locator('[data-testid="inspector.code.monaco"] .monaco-editor');
    return editor.evaluate((root) => {
      const topOf = (element: Element) => Number.parseFloat((element as HTMLElement).style.top);
      const numbered = new Set(
        [...root.querySelectorAll('.margin-view-overlays > div')].filter((row) => row.textContent.trim() !== '').map(topOf),
      );
      const rows = [...root.querySelectorAll('.view-lines .view-line')]
        .map((row) => ({ top: topOf(row), text: row.textContent.replaceAll('\u00a0', ' ') }))
        .sort((a, b) => a.top - b.top);
      const lines: string[][] = [];
      for (const row of rows) {
        const last = lines.at(-1);
        if (numbered.has(row.top) || last === undefined) lines.push([row.text]);
        else last.push(row.text);
      }
      return lines.map((segments) => segments.join('')).join('\n');
    });
  }

  /**
   * Asks for completion at the cursor (Ctrl+Space) and answers the labels Monaco lists (empty
   * when none came within a second: the JavaScript service may still be starting, so poll this).
   */
  async requestSuggestions(): Promise<string[]> {
    await this.page.keyboard.press('Control+Space');
    const rows = this.code.locator('.suggest-widget.visible .monaco-list-row .label-name');
    try {
      await rows.first().waitFor({ timeout: 1000 });
    } catch {
      await this.page.keyboard.press('Escape');
      return [];
    }
    return rows.allTextContents();
  }
}
