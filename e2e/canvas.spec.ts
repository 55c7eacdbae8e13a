import { CanvasPage } from './pages/CanvasPage.ts';
import { DesignerPage } from './pages/DesignerPage.ts';
import { expect, test } from './fixtures.ts';

test.use({ viewport: { width: 1440, height: 900 } });

// A linear workflow with its nodes scattered: an auto-layout has something to tidy.
const SCATTERED = `workflow:
  name: scattered
  start: upper
  executors:
    - { id: upper, type: transform, expression: input }
    - { id: exclaim, type: transform, expression: input }
    - { id: reverse, type: transform, expression: input }
    - { id: result, type: output }
  edges:
    - { from: upper, to: exclaim }
    - { from: exclaim, to: reverse }
    - { from: reverse, to: result }
layout:
  upper: { x: 600, y: 300 }
  exclaim: { x: 0, y: 400 }
  reverse: { x: 300, y: 0 }
  result: { x: 40, y: 100 }
`;

// A fan-out and fan-in with no layout at all, and long ids, so the nodes are drawn at their widest.
const NO_LAYOUT = `workflow:
  name: no_layout
  start: split_the_incoming_request
  executors:
    - { id: split_the_incoming_request, type: transform, expression: input }
    - { id: summarise_for_the_customer, type: transform, expression: input }
    - { id: summarise_for_the_engineers, type: transform, expression: input }
    - { id: collect_both_summaries_here, type: transform, expression: input }
    - { id: result, type: output }
  edges:
    - { from: split_the_incoming_request, to: [summarise_for_the_customer, summarise_for_the_engineers] }
    - { from: [summarise_for_the_customer, summarise_for_the_engineers], to: collect_both_summaries_here }
    - { from: collect_both_summaries_here, to: result }
`;

const EXAMPLE = 'linear-text.workflow.yaml';

// ELK's worker script, as the build emits it
const ELK_WORKER_SCRIPT = '**/elk-worker.min-*.js';

test.describe('canvas', () => {
  test('auto-layout lays the workflow out left to right, and one undo puts every node back', async ({ designer, page }) => {
    const canvas = new CanvasPage(page);
    await canvas.serveExample(EXAMPLE, SCATTERED);
    await designer.goto();
    await designer.openExample(EXAMPLE);
    await expect(designer.nodes()).toHaveCount(4);
    const ids = ['upper', 'exclaim', 'reverse', 'result'];
    const before = await Promise.all(ids.map((id) => designer.position(id)));
    await expect(designer.undoButton).toBeDisabled();

    await canvas.tool('autoLayout').click();
    await expect.poll(async () => (await designer.position('exclaim')).x - (await designer.position('upper')).x).toBeGreaterThan(0);
    const after = await Promise.all(ids.map((id) => designer.position(id)));
    // one row, in the order of the edges
    expect(new Set(after.map((point) => point.y)).size).toBe(1);
    expect(after.map((point) => point.x)).toEqual([...after.map((point) => point.x)].sort((a, b) => a - b));

    await designer.undoButton.click();
    await expect.poll(() => Promise.all(ids.map((id) => designer.position(id)))).toEqual(before);
    await expect(designer.undoButton).toBeDisabled();

    // the same from the keyboard
    await page.keyboard.press('Shift+L');
    await expect.poll(() => Promise.all(ids.map((id) => designer.position(id)))).toEqual(after);
  });

  test('a workflow without a layout is laid out when it is opened', async ({ designer, page }) => {
    const canvas = new CanvasPage(page);
    await canvas.serveExample(EXAMPLE, NO_LAYOUT);
    await designer.goto();
    await designer.openExample(EXAMPLE);
    await expect(designer.nodes()).toHaveCount(5);

    // ELK leaves 110 units between layers; the fallback placement's fixed columns leave far less for nodes this wide
    const layers = ['split_the_incoming_request', 'summarise_for_the_customer', 'collect_both_summaries_here', 'result'];
    await expect
      .poll(async () => {
        const boxes = await canvas.nodeBoxes();
        const box = (id: string) => boxes.find((candidate) => candidate.id === id)!;
        return Math.min(...layers.slice(1).map((id, index) => box(id).x - (box(layers[index]!).x + box(layers[index]!).width)));
      })
      .toBeGreaterThanOrEqual(90);

    const boxes = await canvas.nodeBoxes();
    for (const [index, one] of boxes.entries()) {
      for (const other of boxes.slice(index + 1)) expect(CanvasPage.overlap(one, other), `${one.id} and ${other.id} overlap`).toBe(false);
    }
    // the two branches share a layer, one above the other
    const customer = boxes.find((box) => box.id === 'summarise_for_the_customer')!;
    const engineers = boxes.find((box) => box.id === 'summarise_for_the_engineers')!;
    expect(customer.x).toBe(engineers.x);
    // laying out a file on opening is not an edit to undo
    await expect(designer.undoButton).toBeDisabled();
  });

  test('auto-layout runs in a worker: "Laying out…" shows meanwhile and the canvas stays usable', async ({ designer, page }) => {
    const canvas = new CanvasPage(page);
    const layingOut = page.getByTestId('canvas.layingOut');
    await canvas.serveExample(EXAMPLE, SCATTERED);
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    // the worker's script is held back until the test lets it through, so the layout is under way meanwhile
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(ELK_WORKER_SCRIPT, async (route) => {
      await held;
      await route.continue();
    });
    await designer.goto();
    await designer.openExample(EXAMPLE);
    await expect(designer.nodes()).toHaveCount(4);
    const before = await designer.position('upper');

    await canvas.tool('autoLayout').click();
    await expect(layingOut).toHaveText('Laying out…');
    // the page is not blocked: a node can be selected and the inspector follows
    await designer.selectNode('reverse');
    await expect(designer.field('id')).toHaveValue('reverse');
    expect(await designer.position('upper')).toEqual(before);
    // and moved: the layout, finishing later, leaves that node where it was put
    await designer.dragNode('reverse', { x: 0, y: 120 });
    const moved = await designer.position('reverse');

    release();
    await expect(layingOut).toBeEmpty();
    await expect.poll(async () => (await designer.position('exclaim')).x - (await designer.position('upper')).x).toBeGreaterThan(0);
    expect(await designer.position('reverse')).toEqual(moved);
    expect(workers.filter((url) => /elk-worker/.test(url))).toHaveLength(1);
  });

  test('a layout whose engine fails says so, and the next one starts a new engine', async ({ designer, page }) => {
    const canvas = new CanvasPage(page);
    const layingOut = page.getByTestId('canvas.layingOut');
    await canvas.serveExample(EXAMPLE, SCATTERED);
    await page.route(ELK_WORKER_SCRIPT, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("no layout today");' }),
    );
    await designer.goto();
    await designer.openExample(EXAMPLE);
    await expect(designer.nodes()).toHaveCount(4);
    const before = await designer.position('upper');

    await canvas.tool('autoLayout').click();
    await expect(canvas.message).toContainText('The layout engine stopped');
    await expect(canvas.message).toContainText('no layout today');
    await expect(layingOut).toBeEmpty();
    expect(await designer.position('upper')).toEqual(before);
    await expect(designer.undoButton).toBeDisabled();

    await page.unroute(ELK_WORKER_SCRIPT);
    await canvas.tool('autoLayout').click();
    await expect.poll(async () => (await designer.position('exclaim')).x - (await designer.position('upper')).x).toBeGreaterThan(0);
    await expect(canvas.message).toBeEmpty();
  });

  test('copies nodes in one tab and pastes them in another, with the keys and with the buttons', async ({ designer, page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await designer.goto();
    await designer.openExample(EXAMPLE);
    await designer.selectNode('exclaim');
    await page.keyboard.press('Control+c');

    const other = await context.newPage();
    const problems: string[] = [];
    other.on('pageerror', (error) => problems.push(error.message));
    other.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    const second = new DesignerPage(other);
    await second.goto();
    await other.getByTestId('toolbar.new').click();
    await expect(second.nodes()).toHaveCount(0);
    await other.keyboard.press('Control+v');
    await expect(second.nodes()).toHaveCount(1);
    expect(await second.nodeIds()).toEqual(['exclaim']);
    // pasted nodes are selected
    await expect(second.node('exclaim')).toHaveClass(/is-selected/);

    // and back, with the toolbar buttons (navigator.clipboard)
    await new CanvasPage(other).tool('copy').click();
    await page.bringToFront();
    await page.getByTestId('toolbar.new').click();
    await new CanvasPage(page).tool('paste').click();
    await expect(designer.nodes()).toHaveCount(1);
    expect(await designer.nodeIds()).toEqual(['exclaim']);
    expect(problems).toEqual([]);
  });

  test('duplicates the selection next to it, with Ctrl+D and with the button', async ({ designer, page }) => {
    const canvas = new CanvasPage(page);
    await designer.goto();
    await designer.openExample(EXAMPLE);
    await designer.selectNode('reverse');
    const original = await designer.position('reverse');

    await page.keyboard.press('Control+d');
    await expect(designer.nodes()).toHaveCount(5);
    await expect(designer.node('reverse_2')).toHaveClass(/is-selected/);
    await expect(designer.node('reverse')).not.toHaveClass(/is-selected/);
    const copy = await designer.position('reverse_2');
    expect(copy).not.toEqual(original);

    await canvas.tool('duplicate').click();
    await expect(designer.nodes()).toHaveCount(6);
    await expect(designer.node('reverse_3')).toHaveClass(/is-selected/);

    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect(designer.nodes()).toHaveCount(4);
  });
});
