import { expect, test } from './fixtures.ts';

const ENDLESS = `workflow:
  name: endless
  start: spin
  input:
    type: string
    title: Mode
    default: spin
  executors:
    - id: spin
      type: function
      code: |
        if (input === 'spin') { while (true) {} }
        return input
    - id: result
      type: output
  edges:
    - from: spin
      to: result
`;

const FAILING = `workflow:
  name: failing
  start: check
  input:
    type: number
    title: Amount
    default: 5
  executors:
    - id: check
      type: function
      code: |
        if (input > 3) throw new RangeError('the amount ' + input + ' is over the limit of 3')
        return input
    - id: result
      type: output
  edges:
    - from: check
      to: result
`;

test.describe('stopping and failing runs', () => {
  test('Stop ends an endless loop within a second, and the next run works', async ({ runPanel }) => {
    await runPanel.serveWorkflows([{ file: 'endless.workflow.yaml', title: 'Endless', yaml: ENDLESS }]);
    await runPanel.goto();
    await runPanel.openExample('endless.workflow.yaml', 'spin');
    await runPanel.run();
    // the loop holds the engine's thread from its handler on, and the run never ends by itself;
    // the host posts the handler's executor_start before the handler runs, so the stuck node shows
    await expect(runPanel.stopButton).toBeEnabled();
    await expect(runPanel.node('spin')).toHaveAttribute('data-run-status', 'running');
    await runPanel.page.waitForTimeout(500);
    await expect(runPanel.state).not.toHaveText(/idle|failed|cancelled/);
    await expect(runPanel.node('spin')).toHaveAttribute('data-run-status', 'running');

    const stoppedAt = Date.now();
    await runPanel.stop();
    await expect(runPanel.state).toHaveText('cancelled', { timeout: 1000 });
    expect(Date.now() - stoppedAt).toBeLessThan(1000);
    await expect(runPanel.ending).toHaveText(/^Stopped by you after \d supersteps?\.$/);
    await expect(runPanel.node('spin')).toHaveAttribute('data-run-status', 'idle');
    await expect(runPanel.runButton).toBeEnabled();

    await runPanel.input().fill('calm');
    await runPanel.run();
    await expect(runPanel.outputs()).toHaveText(['calm']);
    await expect(runPanel.state).toHaveText('idle');
    expect(await runPanel.nodeStatuses()).toEqual({ spin: 'done', result: 'done' });
  });

  test('a failing node shows its error on the canvas, and the panel says how the run ended', async ({ runPanel, designer }) => {
    await runPanel.serveWorkflows([{ file: 'failing.workflow.yaml', title: 'Failing', yaml: FAILING }]);
    await runPanel.goto();
    await runPanel.openExample('failing.workflow.yaml', 'check');
    await runPanel.run();

    await expect(runPanel.state).toHaveText('failed');
    await expect(runPanel.node('check')).toHaveAttribute('data-run-status', 'failed');
    await expect(runPanel.nodeError('check')).toHaveText('RangeError: the amount 5 is over the limit of 3');
    await expect(runPanel.ending).toHaveText('Failed in “check”: RangeError: the amount 5 is over the limit of 3');
    await expect(runPanel.node('result')).toHaveAttribute('data-run-status', 'idle');

    await designer.selectNode('check');
    await expect(runPanel.page.getByTestId('run.node.error')).toContainText('RangeError: the amount 5 is over the limit of 3');

    // the input form refuses what is not a number, and a fitting value runs through
    await runPanel.input().fill('two');
    await runPanel.run();
    await expect(runPanel.inputError()).toHaveText('“two” is not a number');
    await runPanel.input().fill('2');
    await runPanel.run();
    await expect(runPanel.outputs()).toHaveText(['2']);
    await expect(runPanel.node('check')).toHaveAttribute('data-run-status', 'done');
  });
});
