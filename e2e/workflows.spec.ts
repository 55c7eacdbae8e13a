import { expect, test } from './fixtures.ts';

test.use({ viewport: { width: 1280, height: 720 } });

const EXAMPLE = 'linear-text.workflow.yaml';
const EXAMPLE_TITLE = 'Linear text pipeline';
/** What a first visit opens (the gallery's first example). */
const FIRST_VISIT_TITLE = 'Content pipeline';

test.describe('Workflows list', () => {
  test('keeps several workflows: list, rename, switch, delete, and the list survives a reload', async ({ designer, files, page }) => {
    await designer.goto();
    await expect(designer.saveStatus).toHaveText('Saved');
    await designer.openExample(EXAMPLE);
    await expect(designer.nodes()).toHaveCount(4);
    await expect(designer.saveStatus).toHaveText('Saved');

    // the first visit's example and the opened one, the latter marked as open
    await files.openWorkflows();
    await expect(files.rows).toHaveCount(2);
    await expect(files.openRow().getByTestId('workflows.title')).toHaveText(EXAMPLE_TITLE);
    await expect(files.openRow()).toHaveAttribute('aria-current', 'true');
    await expect(files.openRow()).toContainText(/Saved /);

    // a second workflow from the dialog
    await files.dialog.getByTestId('workflows.new').click();
    await expect(files.dialog).toHaveCount(0);
    await expect(designer.nodes()).toHaveCount(0);
    await expect(designer.saveStatus).toHaveText('Saved');

    // rename it from the keyboard: Enter saves, Escape cancels, an empty name is refused
    await files.openWorkflows();
    await expect(files.rows).toHaveCount(3);
    const secondId = await files.openRow().getAttribute('data-workflow-id');
    expect(secondId).not.toBeNull();
    const second = files.rowById(secondId ?? '');
    await second.getByTestId('workflows.rename').focus();
    await page.keyboard.press('Enter');
    const field = second.getByTestId('workflows.rename-input');
    await expect(field).toBeFocused();
    await expect(field).toHaveValue('Untitled workflow');
    await field.fill('not this');
    await page.keyboard.press('Escape');
    await expect(files.dialog).toBeVisible();
    await expect(field).toHaveCount(0);
    await expect(second.getByTestId('workflows.rename')).toBeFocused();
    await expect(second.getByTestId('workflows.title')).toHaveText('Untitled workflow');

    await page.keyboard.press('Enter');
    await field.fill('   ');
    await page.keyboard.press('Enter');
    await expect(second.getByRole('alert')).toHaveText('A workflow needs a name');
    await field.fill('Second flow');
    await page.keyboard.press('Enter');
    await expect(files.row('Second flow')).toHaveAttribute('aria-current', 'true');
    await expect(files.row('Second flow').getByTestId('workflows.rename')).toBeFocused();

    // switch to the example, and back
    await files.row(EXAMPLE_TITLE).getByTestId('workflows.open').click();
    await expect(files.dialog).toHaveCount(0);
    await expect(files.workflowsButton).toBeFocused();
    await expect(files.notice(`Opened ${EXAMPLE_TITLE}`)).toBeVisible();
    await expect(designer.nodes()).toHaveCount(4);
    await files.openWorkflows();
    await expect(files.openRow().getByTestId('workflows.title')).toHaveText(EXAMPLE_TITLE);
    await files.row('Second flow').getByTestId('workflows.open').click();
    await expect(designer.nodes()).toHaveCount(0);

    // delete the first visit's example: a confirmation first, Cancel keeps it
    await files.openWorkflows();
    const first = files.row(FIRST_VISIT_TITLE);
    await first.getByTestId('workflows.delete').click();
    await expect(first).toContainText(`Delete “${FIRST_VISIT_TITLE}”? This cannot be undone.`);
    await expect(first.getByTestId('workflows.delete-cancel')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(first.getByTestId('workflows.delete-confirm')).toHaveCount(0);
    await expect(first.getByTestId('workflows.delete')).toBeFocused();
    await page.keyboard.press('Enter');
    await first.getByTestId('workflows.delete-confirm').click();
    await expect(files.rows).toHaveCount(2);
    await expect(files.notice(`Deleted ${FIRST_VISIT_TITLE}`)).toBeVisible();
    expect((await files.titles()).sort()).toEqual([EXAMPLE_TITLE, 'Second flow']);

    // Escape closes the dialog and gives the focus back
    await page.keyboard.press('Escape');
    await expect(files.dialog).toHaveCount(0);
    await expect(files.workflowsButton).toBeFocused();

    // after a reload: the same workflows, the same one open
    await expect(designer.saveStatus).toHaveText('Saved');
    await page.reload();
    await designer.canvas.waitFor();
    await files.openWorkflows();
    await expect(files.rows).toHaveCount(2);
    expect((await files.titles()).sort()).toEqual([EXAMPLE_TITLE, 'Second flow']);
    await expect(files.openRow().getByTestId('workflows.title')).toHaveText('Second flow');
  });
});
