import { CanvasPage } from './pages/CanvasPage.ts';
import { expect, test } from './fixtures.ts';

test.use({ viewport: { width: 1440, height: 900 } });

const EXAMPLE = 'linear-text.workflow.yaml';

test.describe('keyboard', () => {
  test('? opens the shortcuts overlay, which keeps the focus and closes with Esc', async ({ designer, page }) => {
    const canvas = new CanvasPage(page);
    await designer.gotoNewWorkflow();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toHaveAttribute('aria-modal', 'true');
    await expect(dialog.getByTestId('shortcuts.row')).toHaveCount(19);
    await expect(dialog).toContainText('Auto-layout the workflow');
    expect(await canvas.focusIsInside('shortcuts')).toBe(true);

    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      expect(await canvas.focusIsInside('shortcuts')).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await canvas.focusIsInside('shortcuts')).toBe(true);

    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    // opened from its button, the focus goes back to the button
    await canvas.tool('shortcuts').click();
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    expect(await canvas.focused()).toBe('canvas.toolbar.shortcuts');
  });

  test('the arrow keys move a focused node a grid step (five with Shift), and one undo brings it back', async ({ designer, page }) => {
    const canvas = new CanvasPage(page);
    await designer.gotoNewWorkflow();
    await designer.openExample(EXAMPLE);
    const start = await designer.position('exclaim');

    await canvas.focusNode('exclaim');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(() => designer.position('exclaim')).toEqual({ x: start.x + 40, y: start.y + 100 });
    await expect(designer.node('exclaim')).toHaveClass(/is-selected/);

    await page.keyboard.press('Control+z');
    await expect.poll(() => designer.position('exclaim')).toEqual(start);
    await expect(designer.undoButton).toBeDisabled();
  });

  test('adds, connects and deletes nodes with the keyboard only', async ({ designer, page }) => {
    const canvas = new CanvasPage(page);
    await designer.gotoNewWorkflow();
    await designer.tabTo('palette.item.function');
    await page.keyboard.press('Enter');
    await designer.tabTo('palette.item.output');
    await page.keyboard.press('Enter');
    await expect(designer.nodes()).toHaveCount(2);

    // Tab on to the function node, then C: connect it to the output node
    await designer.tabTo('rf__node-function');
    await page.keyboard.press('c');
    await expect(canvas.connectDialog).toBeVisible();
    await expect(canvas.connectDialog.getByRole('heading')).toHaveText('Connect function to…');
    await expect(canvas.connectOptions).toHaveText([/output/]);
    await page.keyboard.press('Enter');
    await expect(canvas.connectDialog).toBeHidden();
    await expect(designer.edges()).toHaveCount(1);
    expect(await canvas.focused()).toBe('rf__node-function');

    // Enter selects the focused node, Delete deletes it and its edge
    await page.keyboard.press('Enter');
    await expect(designer.node('function')).toHaveClass(/is-selected/);
    await page.keyboard.press('Delete');
    await expect(designer.nodes()).toHaveCount(1);
    await expect(designer.edges()).toHaveCount(0);
  });

  test('Ctrl+A selects every node, Esc clears the selection, F fits the view', async ({ designer, page }) => {
    await designer.gotoNewWorkflow();
    await designer.openExample(EXAMPLE);
    const selected = page.locator('.react-flow__node.selected');
    const viewport = () => page.locator('.react-flow__viewport').evaluate((element) => (element as HTMLElement).style.transform);
    const fitted = await viewport();

    await page.keyboard.press('Control+a');
    await expect(selected).toHaveCount(4);
    await page.keyboard.press('Escape');
    await expect(selected).toHaveCount(0);

    await designer.canvas.hover();
    await page.mouse.wheel(0, 400);
    await expect.poll(viewport).not.toBe(fitted);
    await page.keyboard.press('f');
    await expect.poll(viewport).toBe(fitted);
  });
});
