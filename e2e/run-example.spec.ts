import { expect, test } from './fixtures.ts';

test.describe('run an example on the canvas', () => {
  test('every node ends done, the output is listed, the log and timeline tell the story', async ({ runPanel, designer }) => {
    await runPanel.goto();
    await runPanel.openExample('linear-text.workflow.yaml', 'upper');
    await expect(runPanel.input()).toHaveValue('hello');
    await expect(runPanel.state).toHaveText('ready');

    await runPanel.run();

    await expect(runPanel.state).toHaveText('idle');
    await expect(runPanel.outputs()).toHaveText(['!!!OLLEH']);
    expect(await runPanel.nodeStatuses()).toEqual({ upper: 'done', exclaim: 'done', reverse: 'done', result: 'done' });
    await expect(runPanel.ending).toHaveText('Finished: 1 output in 4 supersteps.');
    await expect(runPanel.duration).toHaveText(/\d+(\.\d+)? m?s/);
    await expect(runPanel.runButton).toBeEnabled();
    await expect(runPanel.stopButton).toBeDisabled();

    // node overlays: count, input and output previews
    const upper = runPanel.node('upper');
    await expect(upper.getByTestId('canvas.node.runCount')).toHaveText('×1');
    await expect(upper.getByTestId('canvas.node.input')).toHaveText('in hello');
    await expect(upper.getByTestId('canvas.node.output')).toHaveText('out HELLO');
    // edge counts: one message on each edge
    for (const edge of ['e0', 'e1', 'e2']) await expect(runPanel.edgeBadge(edge)).toHaveAttribute('data-messages', '1');

    // the supersteps, one node each
    await expect(runPanel.page.getByTestId('run.superstep.nodes')).toHaveText(['upper', 'exclaim', 'reverse', 'result']);

    // the log, then filtered by node and by type
    // the log follows the newest events
    expect((await runPanel.visibleEvents()).at(-1)?.type).toBe('workflow_complete');
    await runPanel.filterLog({ type: 'workflow_start' });
    expect(await runPanel.visibleEvents()).toEqual([
      { type: 'workflow_start', executorId: undefined, detail: expect.stringContaining('linear_text') as unknown },
    ]);
    await runPanel.filterLog({ type: 'executor_start' });
    expect((await runPanel.visibleEvents()).map((event) => event.executorId)).toEqual(['upper', 'exclaim', 'reverse', 'result']);
    await runPanel.filterLog({ node: 'reverse' });
    const reverseEvents = await runPanel.visibleEvents();
    expect(reverseEvents.length).toBeGreaterThan(2);
    expect(reverseEvents.every((event) => event.executorId === 'reverse')).toBe(true);
    await expect(runPanel.page.locator('[data-testid="run.event"] time').first()).toHaveText(/^\+\d+\.\d{3} s$/);

    // the selected node's values in full
    await designer.selectNode('reverse');
    await expect(runPanel.page.getByTestId('run.node.input')).toHaveText('HELLO!!!');
    await expect(runPanel.page.getByTestId('run.node.output')).toHaveText('!!!OLLEH');
    await runPanel.page.screenshot({ path: 'test-results-runui/run-example.png' });
  });

  test('the input form validates and a second run replaces the first', async ({ runPanel }) => {
    await runPanel.goto();
    await runPanel.openExample('linear-text.workflow.yaml', 'upper');
    await runPanel.input().fill('<img src=x onerror=alert(1)>');
    await runPanel.input().press('Enter');
    await expect(runPanel.state).toHaveText('idle');
    await expect(runPanel.outputs()).toHaveText(['!!!>)1(TRELA=RORRENO X=CRS GMI<']);
    await expect(runPanel.page.locator('.run-panel img')).toHaveCount(0);

    await runPanel.input().fill('abc');
    await runPanel.run();
    await expect(runPanel.outputs()).toHaveText(['!!!CBA']);
    await runPanel.filterLog({ type: 'workflow_start' });
    await expect(runPanel.logCount()).toHaveText(/^1 of \d+$/);
  });
});
