import { LayoutPage } from './pages/LayoutPage.ts';
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
  // the canvas is the main work area: it keeps a usable size beside the panels
  const canvas = await layout.canvas.boundingBox();
  expect(canvas?.width ?? 0).toBeGreaterThanOrEqual(500);
  expect(canvas?.height ?? 0).toBeGreaterThanOrEqual(300);
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
