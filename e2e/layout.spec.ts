import { LayoutPage } from './pages/LayoutPage.ts';
import { RunDockPage } from './pages/RunDockPage.ts';
import { expect, test } from './fixtures.ts';

test.use({ viewport: { width: 1280, height: 720 } });

test('at 1280x720 every region is on screen and the page does not scroll sideways', async ({ page }) => {
  const layout = new LayoutPage(page);
  await layout.gotoWithExample();

  expect(await layout.horizontalOverflow(), 'horizontal page overflow in pixels').toBe(0);
  for (const [name, region] of layout.regions()) {
    await expect(region, name).toBeVisible();
    const box = await region.boundingBox();
    expect(box, name).not.toBeNull();
    if (box === null) continue;
    expect(box.x, `${name} left edge`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${name} right edge`).toBeLessThanOrEqual(1280 + 0.5);
    expect(box.y, `${name} top edge`).toBeLessThan(720);
    expect(box.width, `${name} width`).toBeGreaterThan(40);
    expect(box.height, `${name} height`).toBeGreaterThan(24);
  }
  // the canvas is the main work area: it keeps a usable size beside the panels, and most of the height
  const canvas = await layout.canvas.boundingBox();
  expect(canvas?.width ?? 0).toBeGreaterThanOrEqual(500);
  expect(canvas?.height ?? 0).toBeGreaterThanOrEqual(0.6 * 720);
  // the side panel's tabs are all in view, without scrolling their row
  const tabs = page.getByRole('tablist', { name: 'Side panels' });
  expect(await tabs.evaluate((row) => row.scrollWidth - row.clientWidth), 'tab row overflow in pixels').toBe(0);
  const row = await tabs.boundingBox();
  for (const tab of await tabs.getByRole('tab').all()) {
    const box = await tab.boundingBox();
    const name = (await tab.textContent()) ?? '';
    expect(box, name).not.toBeNull();
    if (box === null || row === null) continue;
    expect(box.x, `${name} tab left edge`).toBeGreaterThanOrEqual(row.x);
    expect(box.x + box.width, `${name} tab right edge`).toBeLessThanOrEqual(row.x + row.width);
  }
});

test('the run panel folds away and back, resizes from its handle, and keeps its size across a reload', async ({ page }) => {
  const layout = new LayoutPage(page);
  const dock = new RunDockPage(page);
  await layout.gotoWithExample();
  const canvasHeight = async () => (await layout.canvas.boundingBox())?.height ?? 0;

  // the keyboard: arrows step, Home goes to the smallest size; the canvas takes what the dock gives up
  const start = await dock.reportedHeight();
  expect(await dock.shownHeight()).toBeCloseTo(start, 0);
  const tallCanvas = await canvasHeight();
  await dock.resizeHandle.focus();
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => dock.reportedHeight()).toBe(start + 24);
  expect(await canvasHeight()).toBeCloseTo(tallCanvas - 24, 0);
  await page.keyboard.press('Home');
  await expect.poll(() => dock.reportedHeight()).toBe(96);
  await expect.poll(() => dock.shownHeight()).toBeCloseTo(96, 0);

  // the pointer: dragging the handle up makes the dock taller, never past what the canvas keeps
  await dock.dragHandleUp(120);
  await expect.poll(() => dock.reportedHeight()).toBe(96 + 120);
  await dock.dragHandleUp(300);
  await expect.poll(() => dock.reportedHeight()).toBe(720 - 330);
  expect(await canvasHeight()).toBeGreaterThanOrEqual(260);
  await dock.resizeHandle.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('PageUp');
  await expect.poll(() => dock.reportedHeight()).toBe(96 + 96);

  // folded: one line that says how the run is going, and a canvas with almost all the height
  await dock.toggle.click();
  await expect(dock.toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(dock.toggle).toHaveAccessibleName('Show run panel');
  await expect(dock.body).toBeHidden();
  await expect(dock.summary).toHaveText('Run ready');
  expect(await canvasHeight()).toBeGreaterThan(600);

  // kept across a reload, folded and at the size it had
  await page.reload();
  await expect(dock.toggle).toHaveAttribute('aria-expanded', 'false');
  await dock.toggle.press('Enter');
  await expect(dock.body).toBeVisible();
  await expect(layout.runPanel).toBeVisible();
  await expect.poll(() => dock.reportedHeight()).toBe(96 + 96);
});

for (const scheme of ['dark', 'light'] as const) {
  test(`the ${scheme} scheme of the system colours the page, the canvas and its controls alike`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const layout = new LayoutPage(page);
    await layout.gotoWithExample();

    const dark = scheme === 'dark';
    const parts: [string, ReturnType<LayoutPage['backgroundLuminance']>][] = [
      ['body', layout.backgroundLuminance(page.locator('body'))],
      ['toolbar', layout.backgroundLuminance(layout.toolbar)],
      ['canvas', layout.backgroundLuminance(layout.canvas.locator('.react-flow'))],
      ['zoom button', layout.backgroundLuminance(layout.canvas.locator('.react-flow__controls-button').first())],
      ['minimap', layout.backgroundLuminance(layout.canvas.locator('.react-flow__minimap'))],
      ['node', layout.backgroundLuminance(layout.canvas.locator('.wf-node').first())],
      ['side panel', layout.backgroundLuminance(layout.sidePanel)],
    ];
    for (const [name, luminance] of parts) {
      if (dark) expect(await luminance, `${name} background in the dark scheme`).toBeLessThan(0.1);
      else expect(await luminance, `${name} background in the light scheme`).toBeGreaterThan(0.8);
    }
  });

  test(`in the ${scheme} scheme, every control reached with Tab shows a focus ring`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    const layout = new LayoutPage(page);
    await layout.gotoWithExample();

    const seen: string[] = [];
    for (let stop = 0; stop < 30; stop++) {
      await page.keyboard.press('Tab');
      const look = await layout.focusLook();
      if (look.element === 'body') break;
      expect(look.visible, `no visible focus on ${look.element} (stop ${stop + 1})`).toBe(true);
      await expect(page.locator(':focus'), `accessible name of ${look.element}`).toHaveAccessibleName(/\S/);
      seen.push(look.element);
    }
    // the walk reached the toolbar, the palette and the canvas at least
    expect(seen.length).toBeGreaterThanOrEqual(8);
  });
}
