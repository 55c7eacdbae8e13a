import { expect, type Locator, type Page } from '@playwright/test';

/** Which engine client the harness uses. */
export type HarnessClientKind = 'worker' | 'in-process';

/** A measured run, as the harness reports it. */
export interface HarnessRunFigures {
  events: number;
  deliveries: number;
  firstStartMs: number;
  eventsPerSecond: number;
  /** The longest task of 50 ms or more during the run; 0 when there was none. */
  longestTaskMs: number;
}

/**
 * The engine host harness (harness/engine-host.html): pick a client, a workflow, an input and a
 * checkpoint scope; run, stop, list checkpoints; read the status, the outcome, the events as JSON
 * and the run's measurements.
 */
export class EngineHostHarnessPage {
  readonly clientKind: Locator;
  readonly workflowName: Locator;
  readonly input: Locator;
  readonly scope: Locator;
  readonly runButton: Locator;
  readonly stopButton: Locator;
  readonly listButton: Locator;
  readonly status: Locator;
  readonly runId: Locator;
  readonly error: Locator;
  readonly outcome: Locator;
  readonly eventLog: Locator;
  readonly checkpointList: Locator;

  constructor(readonly page: Page) {
    this.clientKind = page.getByTestId('client-kind');
    this.workflowName = page.getByTestId('workflow-name');
    this.input = page.getByTestId('run-input');
    this.scope = page.getByTestId('checkpoint-scope');
    this.runButton = page.getByTestId('run-button');
    this.stopButton = page.getByTestId('stop-button');
    this.listButton = page.getByTestId('list-checkpoints');
    this.status = page.getByTestId('run-status');
    this.runId = page.getByTestId('run-id');
    this.error = page.getByTestId('harness-error');
    this.outcome = page.getByTestId('run-outcome');
    this.eventLog = page.getByTestId('event-log');
    this.checkpointList = page.getByTestId('checkpoint-list');
  }

  async goto(): Promise<void> {
    await this.page.goto('/harness/engine-host.html');
    await expect(this.status).toHaveText('ready');
  }

  /** Starts a run; resolves with the run id the page chose (the run may have ended already). */
  async start(options: { client: HarnessClientKind; workflow: string; input: unknown; scope?: string }): Promise<string> {
    await this.clientKind.selectOption(options.client);
    await this.workflowName.selectOption(options.workflow);
    await this.input.fill(JSON.stringify(options.input));
    if (options.scope !== undefined) await this.scope.fill(options.scope);
    const previous = (await this.runId.textContent()) ?? '';
    await this.runButton.click();
    await expect(this.runId).not.toHaveText(previous);
    return (await this.runId.textContent()) ?? '';
  }

  /** Waits for the run to end (`ended <runId>: <reason> <state>`) and returns the reason and state. */
  async ended(runId: string, timeoutMs = 10_000): Promise<string> {
    await expect(this.status).toHaveText(new RegExp(`^ended ${runId}: `), { timeout: timeoutMs });
    return ((await this.status.textContent()) ?? '').replace(`ended ${runId}: `, '');
  }

  /** Runs a workflow to its end and returns its events as the page received them (timestamps aside). */
  async runToEnd(options: { client: HarnessClientKind; workflow: string; input: unknown }): Promise<{ ending: string; events: unknown[] }> {
    const runId = await this.start(options);
    const ending = await this.ended(runId);
    return { ending, events: JSON.parse((await this.eventLog.textContent()) ?? '[]') as unknown[] };
  }

  async stop(): Promise<void> {
    await this.stopButton.click();
  }

  /** Lists the checkpoints of the scope; resolves with the series ids listed, oldest first. */
  async listCheckpoints(): Promise<string[]> {
    await this.listButton.click();
    await expect(this.status).toHaveText(/^listed \d+$/);
    return this.checkpointList
      .getByTestId('checkpoint-item')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-series-id') ?? ''));
  }

  /** The last run's measurements. */
  async figures(): Promise<HarnessRunFigures> {
    const read = async (testId: string): Promise<number> => {
      const text = (await this.page.getByTestId(testId).textContent()) ?? '';
      return text === 'none' ? 0 : Number(text);
    };
    return {
      events: await read('event-count'),
      deliveries: await read('delivery-count'),
      firstStartMs: await read('first-start-ms'),
      eventsPerSecond: await read('events-per-second'),
      longestTaskMs: await read('longest-task-ms'),
    };
  }
}
