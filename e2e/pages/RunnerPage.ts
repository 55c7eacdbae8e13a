import type { Locator, Page } from '@playwright/test';

/** One row of the event log, as the page shows it. */
export interface EventRow {
  type: string;
  executorId: string | undefined;
  detail: string;
}

/** The runner page: an input, a Run button, the outputs, the event log and the status line. */
export class RunnerPage {
  readonly input: Locator;
  readonly runButton: Locator;
  readonly status: Locator;
  readonly error: Locator;
  readonly outputList: Locator;
  readonly eventLog: Locator;

  constructor(readonly page: Page) {
    this.input = page.getByTestId('run-input');
    this.runButton = page.getByTestId('run-button');
    this.status = page.getByTestId('run-status');
    this.error = page.getByTestId('run-error');
    this.outputList = page.getByTestId('outputs');
    this.eventLog = page.getByTestId('event-log');
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
  }

  async setInput(text: string): Promise<void> {
    await this.input.fill(text);
  }

  /** Presses the Run button. */
  async run(): Promise<void> {
    await this.runButton.click();
  }

  /** Presses Enter in the input field. */
  async submitWithEnter(): Promise<void> {
    await this.input.press('Enter');
  }

  /** The output elements (use with `expect(...).toHaveText([...])`). */
  outputs(): Locator {
    return this.outputList.getByTestId('output');
  }

  /** The event rows, read from the page. */
  async events(): Promise<EventRow[]> {
    return this.eventLog.getByTestId('event').evaluateAll((rows) =>
      rows.map((row) => ({
        type: row.getAttribute('data-event-type') ?? '',
        executorId: row.getAttribute('data-executor-id') ?? undefined,
        detail: row.querySelector('.event-detail')?.textContent ?? '',
      })),
    );
  }
}
