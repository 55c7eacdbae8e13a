import { expect, test } from './fixtures.ts';
import { EngineHostHarnessPage } from './pages/EngineHostHarnessPage.ts';

/** What differs from run to run: run ids, checkpoint ids and measured durations. */
const RUN_SPECIFIC = new Set(['runId', 'checkpointId', 'durationMs']);

/** An event without its run-specific fields. */
function comparable(event: unknown): unknown {
  if (typeof event !== 'object' || event === null) return event;
  return Object.fromEntries(Object.entries(event).filter(([key]) => !RUN_SPECIFIC.has(key)));
}

// The engine host in real Chromium: the module worker and the in-process engine give the same
// events; a run stuck in `while (true) {}` is stopped by replacing the worker; checkpoints land in
// IndexedDB, one database per scope.
test.describe('Engine host', () => {
  // content-pipeline-4 runs agents on the mock model in the minified bundle (their input predicate
  // must not be taken for a class when a minifier renames it).
  for (const workflow of ['linear-text', 'fan-out-fan-in', 'conditional-routing', 'content-pipeline-4']) {
    test(`the worker and in-process clients give the same events for ${workflow}`, async ({ page }) => {
      const harness = new EngineHostHarnessPage(page);
      await harness.goto();
      const viaWorker = await harness.runToEnd({ client: 'worker', workflow, input: 'hello' });
      const inProcess = await harness.runToEnd({ client: 'in-process', workflow, input: 'hello' });
      expect(viaWorker.ending).toBe('finished idle');
      expect(inProcess.ending).toBe('finished idle');
      expect(viaWorker.events.length).toBeGreaterThan(10);
      expect(viaWorker.events.some((event) => (event as { type: string }).type === 'workflow_output')).toBe(true);
      expect(inProcess.events.map(comparable)).toEqual(viaWorker.events.map(comparable));
    });
  }

  test('stops a run stuck in while (true) {} within a second, and the next run works', async ({ page }) => {
    const harness = new EngineHostHarnessPage(page);
    await harness.goto();
    const stuck = await harness.start({ client: 'worker', workflow: 'endless', input: 'spin' });
    await expect(page.getByTestId('last-event')).toHaveText('custom spinning'); // the loop begins 50 ms later
    const stoppedAt = Date.now();
    await harness.stop();
    expect(await harness.ended(stuck, 1000)).toBe('cancelled cancelled');
    expect(Date.now() - stoppedAt).toBeLessThan(1000);

    const after = await harness.runToEnd({ client: 'worker', workflow: 'linear-text', input: 'hello' });
    expect(after.ending).toBe('finished idle');
    expect(after.events).toContainEqual({ type: 'workflow_output', executorId: 'result', data: '!!!OLLEH' });
  });

  test('checkpoints land in IndexedDB, one database per scope, and are listed', async ({ page }) => {
    const harness = new EngineHostHarnessPage(page);
    await harness.goto();
    const runId = await harness.start({ client: 'worker', workflow: 'approval', input: 'Ship it?', scope: 'e2e-scope' });
    expect(await harness.ended(runId)).toBe('finished idle_with_pending_requests');
    const series = await harness.listCheckpoints();
    expect(series.length).toBeGreaterThanOrEqual(2);
    expect(new Set(series)).toEqual(new Set([runId]));
    await expect(harness.checkpointList.getByTestId('checkpoint-item').last()).toContainText('pending 1');
    const databases = await page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name));
    expect(databases).toContain('trellis-checkpoints:e2e-scope');

    await page.reload();
    await expect(harness.status).toHaveText('ready');
    await harness.scope.fill('e2e-scope');
    await harness.clientKind.selectOption('in-process'); // another host, the same database
    expect(await harness.listCheckpoints()).toEqual(series);
  });

  test('measures a workflow emitting 100,000 events through the worker', async ({ page }, testInfo) => {
    const harness = new EngineHostHarnessPage(page);
    await harness.goto();
    const warmUp = await harness.start({ client: 'worker', workflow: 'linear-text', input: 'hello' });
    await harness.ended(warmUp);
    const cold = await harness.figures();
    const runId = await harness.start({ client: 'worker', workflow: 'ticker', input: 100_000 });
    expect(await harness.ended(runId, 60_000)).toBe('finished idle');
    const figures = await harness.figures();
    expect(figures.events).toBeGreaterThan(100_000);
    // Recorded, not asserted: a figure for BENCHMARKS.md, not a timing test.
    testInfo.annotations.push({
      type: 'figures',
      description: `first run: Run → first executor_start ${String(cold.firstStartMs)} ms; 100k run: ${JSON.stringify(figures)}`,
    });
    console.log(`[engine-host figures] first run ${JSON.stringify(cold)}; 100k-event run ${JSON.stringify(figures)}`);
  });
});
