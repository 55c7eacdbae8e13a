// The dialogs opened by a user action (settings, workflow list, shortcuts, connect) are not part of
// the initial JavaScript: their code is fetched when they first open, and a failed fetch is shown
// instead of breaking the page.
import { expect, test } from './fixtures.ts';
import { LazyDialogsPage } from './pages/LazyDialogsPage.ts';

test.describe('dialogs loaded on demand', () => {
  test('are fetched when first opened, not with the page', async ({ designer, page }) => {
    const dialogs = new LazyDialogsPage(page);
    await designer.goto();
    for (const chunk of ['SettingsDialog', 'WorkflowsDialog', 'ShortcutsDialog', 'ConnectDialog']) {
      expect(dialogs.requested(chunk), `${chunk} before any dialog opened`).toBe(false);
    }

    await dialogs.toolbarButton('settings').click();
    await expect(page.getByTestId('settings.dialog').getByTestId('settings.save')).toBeVisible();
    expect(dialogs.requested('SettingsDialog')).toBe(true);
    await page.keyboard.press('Escape');

    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(dialogs.requested('ShortcutsDialog')).toBe(true);
    expect(dialogs.requested('WorkflowsDialog')).toBe(false);
  });

  test('say so when their code cannot be loaded, and can be closed', async ({ designer, page, pageProblems }) => {
    const dialogs = new LazyDialogsPage(page);
    await dialogs.breakChunk('WorkflowsDialog');
    await designer.goto();

    await dialogs.toolbarButton('workflows').click();
    const alert = dialogs.loadError('workflows');
    await expect(alert).toBeVisible();
    await expect(alert).toHaveAttribute('role', 'alert');
    await expect(alert).toContainText('Could not load the workflow list');
    await alert.getByRole('button', { name: 'Close' }).click();
    await expect(alert).toBeHidden();
    await expect(dialogs.toolbarButton('workflows')).toBeFocused();
    // the rest of the page still works
    await dialogs.toolbarButton('settings').click();
    await expect(page.getByTestId('settings.dialog').getByTestId('settings.save')).toBeVisible();

    // the failed fetch and React's report of the caught error are the expected console errors; nothing else
    const unexpected = pageProblems.filter((problem) => !/WorkflowsDialog|dynamically imported module|ERR_FAILED/.test(problem));
    expect(unexpected).toEqual([]);
    pageProblems.length = 0;
  });
});
