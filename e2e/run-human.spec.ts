import { expect, test } from './fixtures.ts';

const DRAFT = 'Our new release makes exports twice as fast.';

test.describe('a person answers the run', () => {
  test('Approve in the run panel publishes the draft', async ({ runPanel }) => {
    await runPanel.goto();
    await runPanel.openExample('approval.workflow.yaml', 'approve');
    await runPanel.run();

    await expect(runPanel.node('approve')).toHaveAttribute('data-run-status', 'waiting');
    await expect(runPanel.nodePrompt('approve')).toHaveText('Publish this draft?');
    await expect(runPanel.request().getByTestId('run.request.prompt')).toHaveText('approve asks: Publish this draft?');
    await expect(runPanel.state).toHaveText('idle_with_pending_requests');
    await expect(runPanel.ending).toHaveText('Waiting for a person: 1 question to answer.');

    await runPanel.answer(true);

    await expect(runPanel.outputs()).toHaveText([`Published: ${DRAFT}`]);
    await expect(runPanel.state).toHaveText('idle');
    await expect(runPanel.requests).toHaveCount(0);
    expect(await runPanel.nodeStatuses()).toEqual({ prepare: 'done', approve: 'done', publish: 'done', send_back: 'idle', result: 'done' });
    // the switch's case carried the answer, its default nothing
    await expect(runPanel.edgeBadge('e1:case0')).toHaveAttribute('data-messages', '1');
    await expect(runPanel.edgeBadge('e1:default')).toHaveCount(0);
  });

  test('Reject on the node sends the draft back', async ({ runPanel }) => {
    await runPanel.goto();
    await runPanel.openExample('approval.workflow.yaml', 'approve');
    await runPanel.run();
    await expect(runPanel.nodePrompt('approve')).toBeVisible();

    await runPanel.answer(false, { node: 'approve' });

    await expect(runPanel.outputs()).toHaveText([`Sent back: ${DRAFT}`]);
    await expect(runPanel.node('publish')).toHaveAttribute('data-run-status', 'idle');
    await expect(runPanel.node('send_back')).toHaveAttribute('data-run-status', 'done');
  });

  test('a question survives a reload of the page and can be answered after it', async ({ runPanel }) => {
    await runPanel.goto();
    await runPanel.openExample('approval.workflow.yaml', 'approve');
    await runPanel.input().fill('Draft kept across a reload');
    await runPanel.run();
    await expect(runPanel.nodePrompt('approve')).toHaveText('Publish this draft?');

    await runPanel.page.reload();
    await runPanel.canvas.waitFor();

    await expect(runPanel.nodePrompt('approve')).toHaveText('Publish this draft?');
    await expect(runPanel.request()).toBeVisible();
    await runPanel.answer(true);
    await expect(runPanel.outputs()).toHaveText(['Published: Draft kept across a reload']);
    await expect(runPanel.state).toHaveText('idle');

    // answered: a further reload finds nothing waiting
    await runPanel.page.reload();
    await runPanel.canvas.waitFor();
    await expect(runPanel.state).toHaveText('ready');
    await expect(runPanel.requests).toHaveCount(0);
  });
});
