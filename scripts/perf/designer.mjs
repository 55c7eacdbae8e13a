#!/usr/bin/env node
// `npm run perf:designer`: opens a generated 500-node workflow in the built designer (real Chromium,
// 1280x720) and measures what issue 6 asks for:
//   - interactive: from navigation start until every node is shown and a click on one has selected
//     it (the click is issued as soon as the nodes are shown, so Playwright's own latency counts too);
//   - dragging one node over ~60 frames, once the page is quiet after the click (no long task for
//     0.5 s: the click may set off other work, such as the inspector loading its code editor):
//     frame times (requestAnimationFrame intervals) and long tasks (PerformanceObserver);
//   - the drop, which writes the move to the document (YAML, history, problems) once: its longest frame;
//   - which node components React rendered during the drag (through React's DevTools hook): one,
//     the dragged node, when unchanged nodes keep their React Flow objects.
// Targets: interactive < 1.5 s, frames < 16 ms. A script, not a test: it exits 1 only when something
// could not be measured (the page broke), not when a target is missed.
// Options: --runs N (default 3), --nodes N (default 500), --port N (default 4184), --dist DIR (default
// dist-perf), --skip-build (measure the existing DIR), --json (figures as JSON on stdout), --profile DIR
// (CPU profiles of the first run's load and drag; build with `--minify false` for readable names),
// --layout (also open the workflow without its `layout`, and measure ELK laying it out: see elk-layout.mjs).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright';
import {
  centralNodeId,
  installLoadProbe,
  loadFigures,
  nextFrame,
  nodesShown,
  seedDesignerStorage,
  startFrameRecorder,
  stopFrameRecorder,
  waitForQuiet,
  watchSelection,
} from './page-probes.mjs';
import { measureElkLayout } from './elk-layout.mjs';
import { startPreview } from './preview-server.mjs';
import { installRenderCounter, startRenderCount, stopRenderCount } from './render-counter.mjs';
import { median, ms, summary } from './stats.mjs';
import { generateWorkflowYaml } from './workflow-500.mjs';

const TARGET_INTERACTIVE_MS = 1500;
const TARGET_FRAME_MS = 16;
const DRAG_FRAMES = 60;
const FRAME_MS = 1000 / 60;
const DRAG_STEP = { x: 3, y: 2 };

const options = parseOptions(process.argv.slice(2));

if (!options.skipBuild) {
  console.error(`[perf] building to ${options.dist}…`);
  const build = spawnSync('npx', ['vite', 'build', '--outDir', options.dist], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error(`vite build failed (exit ${String(build.status)})`);
}

const yamlText = generateWorkflowYaml(options.nodes);
const preview = await startPreview({ distDir: options.dist, port: options.port });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-quic'],
});
/** @type {RunFigures[]} */
const runs = [];
/** @type {Awaited<ReturnType<typeof measureElkLayout>> | undefined} */
let layout;
try {
  for (let run = 1; run <= options.runs; run++) {
    console.error(`[perf] run ${run} of ${options.runs}…`);
    runs.push(await measureOnce(preview.url, run === 1 ? options.profile : undefined));
  }
  if (options.layout) {
    console.error('[perf] auto-layout of the same workflow without its layout…');
    layout = await measureElkLayout(browser, preview.url, generateWorkflowYaml(options.nodes, { withLayout: false }), options.nodes);
  }
} finally {
  await browser.close();
  preview.stop();
}
report(runs, layout);

/**
 * @typedef {{ nodesShownMs: number, clickAtMs: number, interactiveMs: number, loadLongTasks: number[], settleMs: number,
 *   frameIntervals: number[], dragLongTasks: number[], dropMs: number, dropLongTasks: number[],
 *   dragRenders: { commits: number, mostPerCommit: number, distinctNodes: string[] } }} RunFigures
 */

/**
 * One cold open (a fresh browser context: empty HTTP cache, the workflow seeded into IndexedDB)
 * and one drag.
 * @param {string} baseUrl
 * @param {string | undefined} profileDir where to write CPU profiles of the load and of the drag
 * @returns {Promise<RunFigures>}
 */
async function measureOnce(baseUrl, profileDir) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, baseURL: baseUrl });
  try {
    const page = await context.newPage();
    // same origin as the app, without loading it: a static file
    await page.goto('/favicon.svg');
    await page.evaluate(seedDesignerStorage, { id: 'perf-500', title: `perf ${options.nodes}`, yamlText });
    // (the SVG page's automatic /favicon.ico request fails, sometimes reported only once the app
    // loads: that one 404 is not the app's)
    const isFaviconMiss = (/** @type {string} */ url) => new URL(url, baseUrl).pathname === '/favicon.ico';
    /** @type {string[]} */
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400 && !isFaviconMiss(response.url())) pageErrors.push(`${response.status()} ${response.url()}`);
    });
    page.on('console', (message) => {
      if (message.type() === 'error' && !isFaviconMiss(message.location().url || baseUrl)) {
        pageErrors.push(`${message.text()} (${message.location().url})`);
      }
    });

    await page.addInitScript(installLoadProbe, options.nodes);
    await page.addInitScript(installRenderCounter);
    const profiler = profileDir === undefined ? undefined : await startProfiler(page);
    await page.goto('/');
    await page.waitForFunction(nodesShown, undefined, { timeout: 30_000 });
    const nodeId = await page.evaluate(centralNodeId);
    const selection = page.evaluate(watchSelection, nodeId);
    const node = page.locator(`[data-testid="canvas.node"][data-node-id="${nodeId}"]`);
    await node.click();
    const { pointerDownAt, selectedAt } = await selection;
    const load = await page.evaluate(loadFigures);
    const settleMs = await page.evaluate(waitForQuiet, { quietMs: 500, timeoutMs: 10_000 });

    if (profiler !== undefined && profileDir !== undefined) await profiler.save(join(profileDir, 'load.cpuprofile'));
    const dragProfiler = profileDir === undefined ? undefined : await startProfiler(page);
    const drag = await dragNode(page, nodeId);
    if (dragProfiler !== undefined && profileDir !== undefined) await dragProfiler.save(join(profileDir, 'drag.cpuprofile'));
    if (pageErrors.length > 0) throw new Error(`the page reported errors:\n${pageErrors.join('\n')}`);
    return {
      nodesShownMs: load.nodesShownAt,
      clickAtMs: pointerDownAt,
      interactiveMs: selectedAt,
      loadLongTasks: load.longTasks.map((task) => task.duration),
      settleMs,
      ...drag,
    };
  } finally {
    await context.close();
  }
}

/**
 * Drags a node by small steps, a pointer move every 1/60 s as a hand on a 60 Hz screen gives (when
 * the page is slower, the browser coalesces the moves, as it would for a real pointer), then drops
 * it, and checks that it moved.
 * @param {import('playwright').Page} page
 * @param {string} nodeId
 */
async function dragNode(page, nodeId) {
  const node = page.locator(`[data-testid="canvas.node"][data-node-id="${nodeId}"]`);
  const box = await node.boundingBox();
  if (box === null) throw new Error(`node ${nodeId} is not on screen`);
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.evaluate(nextFrame);
  const since = await page.evaluate(() => performance.now());
  await page.evaluate(startFrameRecorder);
  await page.evaluate(startRenderCount);
  const began = performance.now();
  for (let i = 1; i <= DRAG_FRAMES; i++) {
    await page.mouse.move(start.x + i * DRAG_STEP.x, start.y + i * DRAG_STEP.y);
    const wait = began + i * FRAME_MS - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  await page.evaluate(nextFrame);
  const dragged = await page.evaluate(stopFrameRecorder, since);
  const dragRenders = await page.evaluate(stopRenderCount);

  const dropSince = await page.evaluate(() => performance.now());
  await page.evaluate(startFrameRecorder);
  await page.mouse.up();
  await page.evaluate(nextFrame);
  await page.evaluate(nextFrame);
  const dropped = await page.evaluate(stopFrameRecorder, dropSince);

  const moved = await node.boundingBox();
  if (moved === null || Math.abs(moved.x - box.x) < DRAG_FRAMES * DRAG_STEP.x * 0.5) {
    throw new Error(`node ${nodeId} did not follow the drag (from x=${box.x} to x=${String(moved?.x)})`);
  }
  return {
    frameIntervals: intervalsOf(dragged.frames),
    dragLongTasks: dragged.longTasks.map((task) => task.duration),
    dropMs: Math.max(0, ...intervalsOf(dropped.frames)),
    dropLongTasks: dropped.longTasks.map((task) => task.duration),
    dragRenders,
  };
}

/**
 * Starts the page's V8 sampling profiler (Chrome DevTools Protocol); `save` stops it and writes a
 * .cpuprofile (open it in DevTools, or summarise it with engine/bench/profile-summary.mjs).
 * @param {import('playwright').Page} page
 */
async function startProfiler(page) {
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  return {
    save: async (/** @type {string} */ file) => {
      const { profile } = await session.send('Profiler.stop');
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(profile));
      await session.detach();
      console.error(`[perf] wrote ${file}`);
    },
  };
}

/** @param {readonly number[]} timestamps */
function intervalsOf(timestamps) {
  return timestamps.slice(1).map((at, i) => at - (timestamps[i] ?? at));
}

/**
 * @param {RunFigures[]} figures
 * @param {Awaited<ReturnType<typeof measureElkLayout>> | undefined} layout
 */
function report(figures, layout) {
  const interactive = median(figures.map((run) => run.interactiveMs));
  const intervals = summary(figures.flatMap((run) => run.frameIntervals));
  if (options.json) {
    console.log(
      JSON.stringify({ nodes: options.nodes, runs: figures, interactiveMedianMs: interactive, frameTimes: intervals, layout }, null, 2),
    );
    return;
  }
  const verdict = (/** @type {boolean} */ pass) => (pass ? 'PASS' : 'MISS');
  console.log(`Designer with ${options.nodes} nodes, ${figures.length} cold opens at 1280x720 (Chromium ${browser.version()})`);
  figures.forEach((run, i) => {
    const longest = Math.max(0, ...run.loadLongTasks);
    console.log(
      `  run ${i + 1}: nodes shown ${ms(run.nodesShownMs)}, click ${ms(run.clickAtMs)}, selected ${ms(run.interactiveMs)}; ` +
        `load long tasks ${run.loadLongTasks.length} (longest ${ms(longest)}); quiet after ${ms(run.settleMs)}; ` +
        `drag frames ${run.frameIntervals.length + 1}, ` +
        `drag long tasks ${run.dragLongTasks.length}; drop ${ms(run.dropMs)}; nodes rendered while dragging ` +
        `${run.dragRenders.distinctNodes.length} (at most ${run.dragRenders.mostPerCommit} in one of ${run.dragRenders.commits} commits)`,
    );
  });
  console.log(
    `Interactive (median of runs): ${ms(interactive)}   target < ${TARGET_INTERACTIVE_MS} ms: ${verdict(interactive < TARGET_INTERACTIVE_MS)}`,
  );
  // At 60 Hz a frame lasts 16.7 ms however idle the page is, so "under 16 ms" reads as: no frame
  // longer than one display refresh (the p95 must stay at one refresh, with a little timer jitter).
  const oneFrame = (/** @type {number} */ value) => value < FRAME_MS + 1.5;
  console.log(
    `Drag, frame times (requestAnimationFrame intervals): median ${ms(intervals.median)}, p95 ${ms(intervals.p95)}, max ${ms(intervals.max)}   ` +
      `target < ${TARGET_FRAME_MS} ms (one 60 Hz frame): median ${verdict(oneFrame(intervals.median))}, p95 ${verdict(oneFrame(intervals.p95))}`,
  );
  const dragLong = figures.flatMap((run) => run.dragLongTasks);
  console.log(`Drag, long tasks (> 50 ms): ${dragLong.length}${dragLong.length > 0 ? ` (longest ${ms(Math.max(...dragLong))})` : ''}`);
  console.log(`Drop (writes the document once), longest frame: median ${ms(median(figures.map((run) => run.dropMs)))}`);
  if (layout !== undefined) {
    const frames = summary(layout.frameIntervals);
    const longest = Math.max(0, ...layout.longTasks);
    console.log(
      `Auto-layout on opening (ELK in a worker): ${ms(layout.layoutMs)}; page frames meanwhile median ${ms(frames.median)}, ` +
        `p95 ${ms(frames.p95)}, max ${ms(frames.max)}; long tasks ${layout.longTasks.length} (longest ${ms(longest)})`,
    );
  }
}

/** @param {string[]} args */
function parseOptions(args) {
  const value = (/** @type {string} */ name, /** @type {string} */ fallback) => {
    const index = args.indexOf(name);
    return index >= 0 && args[index + 1] !== undefined ? /** @type {string} */ (args[index + 1]) : fallback;
  };
  const known = new Set(['--runs', '--nodes', '--port', '--dist', '--skip-build', '--json', '--profile', '--layout']);
  for (const arg of args) if (arg.startsWith('--') && !known.has(arg)) throw new Error(`unknown option ${arg}`);
  return {
    runs: Number(value('--runs', '3')),
    nodes: Number(value('--nodes', '500')),
    port: Number(value('--port', '4184')),
    dist: value('--dist', 'dist-perf'),
    skipBuild: args.includes('--skip-build'),
    json: args.includes('--json'),
    profile: args.includes('--profile') ? value('--profile', 'perf-profile') : undefined,
    layout: args.includes('--layout'),
  };
}
