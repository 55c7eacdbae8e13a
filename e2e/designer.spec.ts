import { expect, test } from './fixtures.ts';
import { InspectorPage } from './pages/InspectorPage.ts';
import { YamlPanelPage } from './pages/YamlPanelPage.ts';

test.use({ viewport: { width: 1440, height: 900 } });

test.describe('designer', () => {
  test("a first visit opens the gallery's first example, kept as a saved workflow", async ({ designer, page }) => {
    await designer.goto();
    await expect(designer.workflowName).toHaveValue('content_pipeline');
    expect(await designer.nodeIds()).toEqual(['writer', 'reviewer']);
    await expect(designer.node('writer').getByTestId('canvas.node.start')).toBeVisible();
    await expect(designer.saveStatus).toHaveText('Saved');
    await page.reload();
    await expect(designer.workflowName).toHaveValue('content_pipeline');
    await expect(designer.nodes()).toHaveCount(2);
  });

  test('builds a three-function pipeline from the palette, connects it and types its code', async ({ designer, page }) => {
    const inspector = new InspectorPage(page);
    await designer.gotoNewWorkflow();
    await expect(designer.nodes()).toHaveCount(0);

    for (const [count, across] of [0.08, 0.38, 0.68].entries()) {
      await designer.dropFromPalette('function', await designer.canvasPoint(across, 0.3));
      await expect(designer.nodes()).toHaveCount(count + 1);
    }
    expect(await designer.nodeIds()).toEqual(['function', 'function_2', 'function_3']);
    await expect(designer.node('function').getByTestId('canvas.node.start')).toBeVisible();

    await designer.connect('function', 'function_2');
    await designer.connect('function_2', 'function_3');
    await expect(designer.edges()).toHaveCount(2);

    const code = {
      function: 'return input.toUpperCase()',
      function_2: 'return input + "!!!"',
      function_3: 'return [...input].reverse().join("")',
    };
    for (const [id, text] of Object.entries(code)) {
      await designer.selectNode(id);
      await expect(designer.field('id')).toHaveValue(id);
      await inspector.replaceCode(text);
    }
    for (const [id, text] of Object.entries(code)) {
      await designer.selectNode(id);
      await expect.poll(() => inspector.codeText()).toBe(text);
    }
    await expect(designer.nodes()).toHaveCount(3);
    await expect(designer.edges()).toHaveCount(2);

    // the YAML says the same: the three functions with their code, and the two edges (compared
    // without white space, which Monaco's wrapping and the writer's flow or block style move about)
    const yaml = new YamlPanelPage(page);
    await yaml.open();
    const flat = (text: string) => text.replace(/[\s\u00b7]+/g, '');
    // Monaco renders its lines a moment after the editor appears
    await expect.poll(async () => flat(await yaml.visibleText())).toMatch(/from:function_2,?to:function_3/);
    const shown = flat(await yaml.visibleText());
    for (const [id, body] of Object.entries(code)) {
      expect(shown).toMatch(new RegExp(`id:${id},?type:function,?code:`));
      expect(shown).toContain(flat(body));
    }
    expect(shown).toMatch(/from:function,?to:function_2/);
    expect(shown).toMatch(/from:function_2,?to:function_3/);
  });

  test('undoes and redoes a drag and a delete', async ({ designer, page }) => {
    await designer.gotoNewWorkflow();
    await designer.paletteItem('agent').click();
    await expect(designer.nodes()).toHaveCount(1);
    const before = await designer.position('agent');

    await designer.dragNode('agent', { x: 160, y: 80 });
    const after = await designer.position('agent');
    expect(after).not.toEqual(before);

    await designer.undoButton.click();
    await expect.poll(() => designer.position('agent')).toEqual(before);
    await designer.redoButton.click();
    await expect.poll(() => designer.position('agent')).toEqual(after);

    await designer.selectNode('agent');
    await page.keyboard.press('Delete');
    await expect(designer.nodes()).toHaveCount(0);
    await page.keyboard.press('Control+z');
    await expect(designer.nodes()).toHaveCount(1);
    await expect.poll(() => designer.position('agent')).toEqual(after);
    await page.keyboard.press('Control+Shift+z');
    await expect(designer.nodes()).toHaveCount(0);
  });

  test('undoes two quick drags of the same node one at a time', async ({ designer }) => {
    await designer.gotoNewWorkflow();
    await designer.paletteItem('agent').click();
    await expect(designer.nodes()).toHaveCount(1);
    const start = await designer.position('agent');
    await designer.dragNode('agent', { x: 120, y: 0 });
    const first = await designer.position('agent');
    await designer.dragNode('agent', { x: 0, y: 120 });
    expect(await designer.position('agent')).not.toEqual(first);

    await designer.undoButton.click();
    await expect.poll(() => designer.position('agent')).toEqual(first);
    await designer.undoButton.click();
    await expect.poll(() => designer.position('agent')).toEqual(start);
  });

  test('the workflow name is read-only while the YAML has errors, and says why', async ({ designer, page }) => {
    const yaml = new YamlPanelPage(page);
    const name = page.getByTestId('toolbar.name');
    await designer.gotoNewWorkflow();
    await name.fill('Before');
    await yaml.open();
    await yaml.typeAtEnd('broken: [unclosed');
    await expect(yaml.status).toContainText('YAML has errors');

    await expect(name).not.toBeEditable();
    await expect(name).toHaveAttribute('title', /fix them in the YAML panel/);
    await expect(name).toHaveAccessibleDescription(/fix them in the YAML panel/);
    await name.press('End');
    await page.keyboard.type('X');
    await expect(name).toHaveValue('Before');

    await yaml.undo();
    await expect(name).toBeEditable();
    await expect(name).not.toHaveAttribute('title');
  });

  test('keeps the workflow across a reload', async ({ designer, page }) => {
    await designer.gotoNewWorkflow();
    await designer.dropFromPalette('transform', await designer.canvasPoint(0.15, 0.35));
    await expect(designer.nodes()).toHaveCount(1);
    await designer.dropFromPalette('output', await designer.canvasPoint(0.6, 0.55));
    await expect(designer.nodes()).toHaveCount(2);
    await designer.connect('transform', 'output');
    await expect(designer.edges()).toHaveCount(1);
    const transform = await designer.position('transform');
    const output = await designer.position('output');
    await expect(designer.saveStatus).toHaveText('Saved');

    await page.reload();
    await expect(designer.nodes()).toHaveCount(2);
    await expect(designer.edges()).toHaveCount(1);
    expect(await designer.position('transform')).toEqual(transform);
    expect(await designer.position('output')).toEqual(output);
  });

  test('adds a node with the keyboard and deletes it with the Delete key', async ({ designer, page }) => {
    await designer.gotoNewWorkflow();
    await designer.tabTo('palette.item.request_info');
    await page.keyboard.press('Enter');
    await expect(designer.nodes()).toHaveCount(1);
    await expect(designer.node('request_info')).toBeVisible();
    await expect(designer.field('prompt')).toBeVisible();

    await page.keyboard.press('Delete');
    await expect(designer.nodes()).toHaveCount(0);
  });

  test('opens an example from the example menu', async ({ designer, page }) => {
    await designer.gotoNewWorkflow();
    await designer.openExample('switch-case-triage.workflow.yaml');
    await expect(designer.nodes()).toHaveCount(5);
    expect(await designer.nodeIds()).toEqual(['score', 'escalate', 'queue', 'archive', 'result']);
    await expect(designer.edges()).toHaveCount(6);
    await expect(designer.canvas.locator('[data-edge-kind="switch_case"]')).toHaveCount(2);
    await expect(designer.workflowName).toHaveValue('switch_case_triage');
    await expect(designer.node('score').getByTestId('canvas.node.start')).toBeVisible();

    await designer.selectNode('score');
    await expect(designer.field('expression')).toHaveValue(/score/);
    await page.screenshot({ path: '/tmp/designer.png' });
  });
});
