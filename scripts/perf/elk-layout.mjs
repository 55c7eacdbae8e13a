// The auto-layout part of `npm run perf:designer`: a workflow without `layout` is laid out by ELK
// when it opens. ELK runs in a Web Worker, so the page should stay responsive meanwhile: this
// measures how long the layout takes ("Laying out…" shown until it is gone) and the page's frames
// and long tasks while it runs.
import { installLoadProbe, seedDesignerStorage, startFrameRecorder, stopFrameRecorder } from './page-probes.mjs';

const LAYING_OUT = '[data-testid="canvas.layingOut"]:not(:empty)';

/**
 * @param {import('playwright').Browser} browser
 * @param {string} baseUrl
 * @param {string} yamlText a workflow without a `layout` section
 * @param {number} nodeCount
 * @returns {Promise<{ layoutMs: number, frameIntervals: number[], longTasks: number[] }>}
 */
export async function measureElkLayout(browser, baseUrl, yamlText, nodeCount) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, baseURL: baseUrl });
  try {
    const page = await context.newPage();
    await page.goto('/favicon.svg');
    await page.evaluate(seedDesignerStorage, { id: 'perf-layout', title: `layout ${nodeCount}`, yamlText });
    await page.addInitScript(installLoadProbe, nodeCount);
    await page.goto('/');
    await page.waitForSelector(LAYING_OUT, { timeout: 30_000 });
    const since = await page.evaluate(() => performance.now());
    await page.evaluate(startFrameRecorder);
    await page.waitForSelector(LAYING_OUT, { state: 'detached', timeout: 120_000 }); // emptied: matches no more
    const until = await page.evaluate(() => performance.now());
    const recorded = await page.evaluate(stopFrameRecorder, since);
    const message = await page.getByTestId('canvas.message').textContent();
    if (message !== null && message.trim() !== '') throw new Error(`the layout reported: ${message}`);
    return {
      layoutMs: until - since,
      frameIntervals: recorded.frames.slice(1).map((at, i) => at - (recorded.frames[i] ?? at)),
      longTasks: recorded.longTasks.map((task) => task.duration),
    };
  } finally {
    await context.close();
  }
}
