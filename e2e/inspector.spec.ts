import { expect, test as base } from './fixtures.ts';
import { InspectorPage } from './pages/InspectorPage.ts';
import { YamlPanelPage } from './pages/YamlPanelPage.ts';

const test = base.extend<{ inspector: InspectorPage }>({
  inspector: async ({ page }, use) => {
    await use(new InspectorPage(page));
  },
});

test.use({ viewport: { width: 1440, height: 900 } });

test.describe('inspector', () => {
  test('function code in Monaco completes the members of ctx', async ({ designer, inspector, page }) => {
    await designer.gotoNewWorkflow();
    await designer.paletteItem('function').click();
    await expect(designer.nodes()).toHaveCount(1);
    await inspector.focusCodeEnd();
    await page.keyboard.press('Enter');
    await page.keyboard.type('ctx.');
    await expect
      .poll(() => inspector.requestSuggestions(), { timeout: 30_000 })
      .toEqual(expect.arrayContaining(['sendMessage', 'yieldOutput', 'getState', 'setState', 'requestInfo']));
    await page.keyboard.press('Escape');
  });

  test('a transform with a bad CEL expression shows the error under the field, and the YAML keeps the text', async ({
    designer,
    inspector,
    page,
  }) => {
    const yaml = new YamlPanelPage(page);
    await designer.gotoNewWorkflow();
    await designer.paletteItem('transform').click();
    const expression = inspector.field('expression');
    await expression.fill('size(input) >');

    const error = inspector.error('expression');
    await expect(error).toHaveText('Does not parse: Unexpected token: EOF (column 14)');
    await expect(expression).toHaveAttribute('aria-invalid', 'true');
    const describedBy = (await expression.getAttribute('aria-describedby')) ?? '';
    const errorContainerId = await error.evaluate((element) => element.parentElement?.id ?? '');
    expect(describedBy.split(' ')).toContain(errorContainerId);

    await yaml.open();
    await expect.poll(async () => (await yaml.visibleText()).replace(/\s+/g, '')).toMatch(/expression:['"]?size\(input\)>/);

    await yaml.inspectorTab.click();
    await expression.fill('size(input) > 3');
    await expect(error).toHaveCount(0);
    await expect(expression).toHaveAttribute('aria-invalid', 'false');
  });

  test('an edge condition is checked with the variables a condition sees', async ({ designer, inspector }) => {
    await designer.gotoNewWorkflow();
    await designer.openExample('conditional-routing.workflow.yaml');
    const conditional = designer.canvas.locator('[data-edge-kind="conditional"]').first();
    await conditional.click({ force: true });
    const condition = inspector.field('condition');
    await expect(condition).toBeVisible();
    await condition.fill('input.urgent');
    await expect(inspector.error('condition')).toContainText('Unknown variable: input');
    await condition.fill('message.urgent == true');
    await expect(inspector.error('condition')).toHaveCount(0);
  });

  test('human input: choosing a yes/no answer writes a boolean response schema', async ({ designer, inspector, page }) => {
    const yaml = new YamlPanelPage(page);
    await designer.gotoNewWorkflow();
    await designer.paletteItem('request_info').click();
    await inspector.field('prompt').fill('Publish this draft?');
    await inspector.field('answerType').selectOption('yes_no');

    await yaml.open();
    await expect.poll(() => yaml.visibleText()).toMatch(/response:\s*\n\s+type: boolean|response: \{ ?type: boolean ?\}/);

    await yaml.inspectorTab.click();
    await inspector.root.getByTestId('inspector.answer.view.json').click();
    await expect(inspector.field('response')).toHaveValue('{\n  "type": "boolean"\n}');

    // a schema the form cannot show whole stays in the JSON view, as typed
    await inspector.field('response').fill('{ "type": "string", "minLength": 2 }');
    await expect(inspector.root.getByTestId('inspector.answer.view.form')).toBeDisabled();
    // typing it back into one the form can show keeps the JSON view and the focus
    await inspector.field('response').fill('{ "type": "string" }');
    await expect(inspector.root.getByTestId('inspector.answer.view.form')).toBeEnabled();
    await expect(inspector.root.getByTestId('inspector.answer.view.json')).toHaveAttribute('aria-pressed', 'true');
    await expect(inspector.field('response')).toBeFocused();
    await inspector.field('response').fill('{ "type": ');
    await expect(inspector.error('response')).toContainText('Not JSON');
    await expect(inspector.field('response')).toHaveValue('{ "type": ');
  });

  test('human input: JSON that cannot be saved stays across deselecting the node, and an undo replaces it', async ({
    designer,
    inspector,
  }) => {
    await designer.gotoNewWorkflow();
    await designer.paletteItem('request_info').click();
    await designer.paletteItem('output').click();
    await expect(designer.nodes()).toHaveCount(2);
    await designer.selectNode('request_info');
    await inspector.root.getByTestId('inspector.answer.view.json').click();
    const before = await inspector.field('response').inputValue();
    await inspector.field('response').fill('{ "type": "number" }');
    await inspector.field('response').blur();
    await expect(designer.undoButton).toBeEnabled();
    await inspector.field('response').fill('{ "type": ');
    await expect(inspector.error('response')).toContainText('Not saved');

    await designer.selectNode('output');
    await expect(inspector.field('response')).toHaveCount(0);
    await designer.selectNode('request_info');
    await expect(inspector.field('response')).toHaveValue('{ "type": ');
    await expect(inspector.error('response')).toContainText('Not saved');

    // the undo is an edit elsewhere: the store's schema replaces the text it never had
    await designer.undoButton.click();
    await expect(inspector.field('response')).toHaveValue(before);
    await expect(inspector.error('response')).toHaveCount(0);
  });

  test('human input: renaming an answer field keeps the focus, and removing one keeps what is typed in the next', async ({
    designer,
    inspector,
    page,
  }) => {
    await designer.gotoNewWorkflow();
    await designer.paletteItem('request_info').click();
    await inspector.field('answerType').selectOption('object');
    await inspector.root.getByTestId('inspector.answer.addField').click();
    const firstName = inspector.field('answerField.0.name');
    await firstName.fill('topic');
    await page.keyboard.press('Enter');
    await expect(firstName).toHaveValue('topic');
    await expect(firstName).toBeFocused();

    // a name already taken is not written, so it is only in the row
    await inspector.field('answerField.1.name').fill('topic');
    await inspector.field('answerField.0.remove').click();
    await expect(inspector.field('answerField.0.name')).toHaveValue('topic');
    await expect(inspector.field('answerField.1.name')).toHaveCount(0);
  });

  test('sub-workflow: switching inline to a reference says so, and undo brings the inline workflow back', async ({
    designer,
    inspector,
    page,
  }) => {
    const yaml = new YamlPanelPage(page);
    await designer.gotoNewWorkflow();
    await designer.openExample('sub-workflow.workflow.yaml');
    await designer.selectNode('shout');
    const summary = inspector.root.getByTestId('inspector.subWorkflow.summary');
    await expect(summary).toHaveText('shout: 3 executors, 2 edges');

    await inspector.field('subWorkflowMode.reference').check();
    await expect(inspector.root.getByTestId('inspector.subWorkflow.notice')).toContainText('shout: 3 executors, 2 edges');
    await inspector.field('ref').fill('./shout.workflow.yaml');
    await inspector.field('ref').blur();

    await yaml.open();
    await expect(yaml.line('ref:')).toContainText('./shout.workflow.yaml');
    await expect(yaml.line('upperAscii')).toHaveCount(0);

    await yaml.inspectorTab.click();
    await designer.undoButton.click();
    await designer.undoButton.click();
    await expect(summary).toHaveText('shout: 3 executors, 2 edges');
    await expect(inspector.field('subWorkflowMode.inline')).toBeChecked();
  });

  test('a burst of typing in the code editor is one undo step', async ({ designer, inspector, page }) => {
    await designer.gotoNewWorkflow();
    await designer.paletteItem('function').click();
    await inspector.focusCodeEnd();
    await expect.poll(() => inspector.codeText()).toBe('return input');
    await page.keyboard.type('.trim()', { delay: 30 });
    await page.keyboard.press('Escape');
    await expect.poll(() => inspector.codeText()).toBe('return input.trim()');

    // the toolbar's Undo takes the focus, which writes the burst, then undoes it whole
    await designer.undoButton.click();
    await expect.poll(() => inspector.codeText()).toBe('return input');
    await expect(designer.nodes()).toHaveCount(1);
    await designer.redoButton.click();
    await expect.poll(() => inspector.codeText()).toBe('return input.trim()');
  });

  test('a burst of typing in a text field is one undo step', async ({ designer, inspector, page }) => {
    await designer.gotoNewWorkflow();
    await designer.openExample('content-pipeline.workflow.yaml');
    await designer.selectNode('writer');
    const instructions = inspector.field('instructions');
    const before = await instructions.inputValue();
    await instructions.press('Control+End');
    await instructions.pressSequentially(' Keep it short.', { delay: 20 });
    // away from the field at once (before the typing pause): it writes its text as it loses the focus
    await designer.selectNode('writer');
    await expect(instructions).toHaveValue(`${before} Keep it short.`);
    await page.keyboard.press('Control+z');
    await expect(instructions).toHaveValue(before);
    await page.keyboard.press('Control+Shift+z');
    await expect(instructions).toHaveValue(`${before} Keep it short.`);
  });

  test('text typed just before the selection changes is kept', async ({ designer, inspector }) => {
    await designer.gotoNewWorkflow();
    await designer.openExample('content-pipeline.workflow.yaml');
    await designer.selectNode('reviewer');
    await inspector.field('description').fill('Reads the draft');
    await designer.selectNode('writer');
    await expect(inspector.field('id')).toHaveValue('writer');
    await designer.selectNode('reviewer');
    await expect(inspector.field('description')).toHaveValue('Reads the draft');
  });
});
