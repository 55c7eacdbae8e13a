import type { Locator, Page } from '@playwright/test';

/** One row of the event log, as the page shows it. */
export interface EventRow {
  type: string;
  executorId: string | undefined;
  detail: string;
}

/** A workflow file served to the page as if it were one of the bundled examples. */
export interface ServedWorkflow {
  file: string;
  title: string;
  yaml: string;
}

/**
 * Running the open workflow: the run panel (input form, Run, Stop, summary, questions, outputs,
 * event log), the run overlays on canvas nodes and edges, and the model settings dialog.
 */
export class RunPanelPage {
  readonly panel: Locator;
  readonly runButton: Locator;
  readonly stopButton: Locator;
  readonly state: Locator;
  readonly ending: Locator;
  readonly duration: Locator;
  readonly outputList: Locator;
  readonly log: Locator;
  readonly requests: Locator;
  readonly canvas: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('run.panel');
    this.runButton = page.getByTestId('run.run');
    this.stopButton = page.getByTestId('run.stop');
    this.state = page.getByTestId('run.state');
    this.ending = page.getByTestId('run.ending');
    this.duration = page.getByTestId('run.duration');
    this.outputList = page.getByTestId('run.outputs');
    this.log = page.getByTestId('run.log');
    this.requests = page.getByTestId('run.requests');
    this.canvas = page.getByTestId('canvas');
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await this.canvas.waitFor();
  }

  /**
   * Makes the examples menu offer these workflows too (the page fetches `/examples/...`), so a
   * test can open any YAML through the real menu.
   */
  async serveWorkflows(workflows: readonly ServedWorkflow[]): Promise<void> {
    await this.page.route('**/examples/index.json', async (route) => {
      const response = await route.fetch();
      const entries = (await response.json()) as unknown[];
      const extra = workflows.map(({ file, title }) => ({ file, title, description: `Test workflow ${title}` }));
      await route.fulfill({ response, json: [...entries, ...extra] });
    });
    for (const workflow of workflows) {
      await this.page.route(`**/examples/${workflow.file}`, (route) =>
        route.fulfill({ status: 200, contentType: 'text/yaml', body: workflow.yaml }),
      );
    }
  }

  /** Opens a bundled (or served) example and waits for its nodes. */
  async openExample(file: string, firstNodeId: string): Promise<void> {
    await this.page.getByTestId('toolbar.examples').click();
    await this.page.getByTestId(`examples.item.${file}`).click();
    await this.node(firstNodeId).waitFor();
  }

  input(path?: string): Locator {
    return this.page.getByTestId(path === undefined ? 'run.input' : `run.input.${path}`);
  }

  inputError(): Locator {
    return this.page.getByTestId('run.input.error');
  }

  async run(): Promise<void> {
    await this.runButton.click();
  }

  async stop(): Promise<void> {
    await this.stopButton.click();
  }

  node(id: string): Locator {
    return this.canvas.locator(`[data-testid="canvas.node"][data-node-id="${id}"]`);
  }

  /** The run states of the canvas nodes, by id. */
  async nodeStatuses(): Promise<Record<string, string>> {
    const pairs = await this.canvas
      .getByTestId('canvas.node')
      .evaluateAll((nodes) =>
        nodes.map((node): [string, string] => [node.getAttribute('data-node-id') ?? '', node.getAttribute('data-run-status') ?? '']),
      );
    return Object.fromEntries(pairs);
  }

  nodeReply(id: string): Locator {
    return this.node(id).getByTestId('canvas.node.reply');
  }

  nodeError(id: string): Locator {
    return this.node(id).getByTestId('canvas.node.error');
  }

  nodePrompt(id: string): Locator {
    return this.node(id).getByTestId('canvas.node.prompt');
  }

  /** The message count badge on the edge from `source` to `target` (its `data-messages`). */
  edgeBadge(edgeId: string): Locator {
    return this.canvas.locator(`[data-testid="canvas.edge.run"][data-edge-id="${edgeId}"]`);
  }

  outputs(): Locator {
    return this.outputList.getByTestId('run.output');
  }

  /** The question in the run panel (the first when several wait). */
  request(): Locator {
    return this.requests.getByTestId('run.request').first();
  }

  /** Approve or Reject in the run panel's question (`where: 'node'` uses the node's own buttons). */
  async answer(approve: boolean, where: { node: string } | 'panel' = 'panel'): Promise<void> {
    const scope = where === 'panel' ? this.request() : this.node(where.node);
    await scope.getByTestId(approve ? 'run.request.approve' : 'run.request.reject').click();
  }

  /** The event rows in view (the log is virtualised: scroll it, or filter, to see others). */
  async visibleEvents(): Promise<EventRow[]> {
    return this.log.getByTestId('run.event').evaluateAll((rows) =>
      rows
        .map((row) => ({
          seq: Number(row.getAttribute('data-seq')),
          type: row.getAttribute('data-event-type') ?? '',
          executorId: row.getAttribute('data-executor-id') ?? undefined,
          detail: row.querySelector('.run-log-detail')?.textContent ?? '',
        }))
        .sort((a, b) => a.seq - b.seq)
        .map(({ type, executorId, detail }) => ({ type, executorId, detail })),
    );
  }

  async filterLog(filter: { node?: string; type?: string }): Promise<void> {
    await this.page.getByTestId('run.log.node').selectOption(filter.node ?? '');
    await this.page.getByTestId('run.log.type').selectOption(filter.type ?? '');
  }

  logCount(): Locator {
    return this.page.getByTestId('run.log.count');
  }

  /** Opens Settings and chooses an OpenAI-compatible endpoint. */
  async configureEndpoint(settings: { baseUrl: string; model: string; apiKey: string }): Promise<Locator> {
    await this.page.getByTestId('toolbar.settings').click();
    const dialog = this.page.getByTestId('settings.dialog');
    await dialog.getByTestId('settings.kind.openai').check();
    await dialog.getByTestId('settings.baseUrl').fill(settings.baseUrl);
    await dialog.getByTestId('settings.model').fill(settings.model);
    await dialog.getByTestId('settings.apiKey').fill(settings.apiKey);
    return dialog;
  }
}
