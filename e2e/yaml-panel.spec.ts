import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { YamlPanelPage } from './pages/YamlPanelPage.ts';

// Monaco renders the lines in view only: the test scrolls to the start or the end of the text
// before looking for a line there, so it does not depend on how tall the editor is.
test.use({ viewport: { width: 1440, height: 1400 } });

const EXAMPLE = 'switch-case-triage.workflow.yaml';
const exampleText = readFileSync(new URL(`../public/examples/${EXAMPLE}`, import.meta.url), 'utf8');

test.describe('YAML panel', () => {
  test('shows the workflow, follows typing both ways, marks errors and keeps comments', async ({ designer, page }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await designer.goto();
    await designer.openExample(EXAMPLE);
    await expect(designer.nodes()).toHaveCount(5);
    const yaml = new YamlPanelPage(page);

    // open the YAML tab: the editor shows the current workflow
    await yaml.open();
    await expect(yaml.tab).toHaveAttribute('aria-selected', 'true');
    await expect(yaml.line('name: switch_case_triage')).toBeVisible();
    await yaml.scrollToEnd();
    await expect(yaml.line('archive: { x: 300, y: 140 }')).toBeVisible();
    await expect(yaml.status).toContainText('YAML is valid.');

    // a comment typed first must survive everything below
    await yaml.typeFirstLine('# kept through canvas edits');
    await expect(yaml.line('# kept through canvas edits')).toBeVisible();

    // rename a node id by editing the text: the canvas follows
    await yaml.replaceAll('archive', 'shelve');
    await expect(designer.node('shelve')).toBeVisible();
    await expect(designer.node('archive')).toHaveCount(0);
    expect(await designer.nodeIds()).toEqual(['score', 'escalate', 'queue', 'shelve', 'result']);
    await expect(designer.edges()).toHaveCount(6);

    // unclosed bracket at the end: kept as typed, marked at its line, the canvas keeps its graph
    const lastLine = exampleText.split('\n').length + 1; // the comment line added above
    await yaml.typeAtEnd('broken: [unclosed');
    await expect(yaml.status).toContainText('YAML has errors');
    await expect(yaml.status).toContainText(`Line ${String(lastLine)}`);
    await expect(yaml.line('broken: [unclosed')).toBeVisible();
    await expect(yaml.editor.locator('.squiggly-error').first()).toBeVisible();
    await expect(yaml.canvasBanner).toHaveText('YAML has errors — showing the last valid graph');
    await expect(designer.canvas).toHaveAttribute('aria-readonly', 'true');
    await expect(designer.nodes()).toHaveCount(5);
    await expect(designer.node('shelve')).toBeVisible();

    // the editor's own undo takes the broken line away again
    await yaml.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await expect(yaml.status).toContainText('YAML is valid.');
    await expect(yaml.canvasBanner).toHaveCount(0);

    // a canvas move rewrites the layout and keeps the comment typed earlier
    const before = await designer.position('shelve');
    await designer.dragNode('shelve', { x: 120, y: 60 });
    const after = await designer.position('shelve');
    expect(after).not.toEqual(before);
    await yaml.scrollToEnd();
    await expect(yaml.line(`shelve: { x: ${String(after.x)}, y: ${String(after.y)} }`)).toBeVisible();
    await yaml.scrollToStart();
    await expect(yaml.line('# kept through canvas edits')).toBeVisible();
    const text = await yaml.visibleText();
    expect(text.startsWith('# kept through canvas edits\n# A switch-case')).toBe(true);

    // nothing left 127.0.0.1 (Monaco and its workers are bundled, no CDN)
    expect(requests.filter((url) => !url.startsWith('http://127.0.0.1:'))).toEqual([]);
    await page.screenshot({ path: '/tmp/yaml-panel.png' });
  });

  test('completes and validates against the workflow schema in the yaml worker', async ({ designer, page }) => {
    await designer.goto();
    await designer.openExample(EXAMPLE);
    await expect(designer.nodes()).toHaveCount(5);
    const yaml = new YamlPanelPage(page);
    // the tabs are a keyboard tablist: arrows move between them
    await yaml.inspectorTab.focus();
    await page.keyboard.press('ArrowRight');
    await expect(yaml.tab).toBeFocused();
    await expect(yaml.tab).toHaveAttribute('aria-selected', 'true');
    await expect(yaml.inspectorTab).toHaveAttribute('aria-selected', 'false');
    await yaml.open();
    await yaml.typeAtEnd('bogus: 1');
    // monaco-yaml's own schema marker (the store adds its own marker for the same key)
    await expect(yaml.editor.locator('.squiggly-error').first()).toBeVisible();
    const hover = await yaml.hoverSquiggle('error');
    await expect(hover.filter({ hasText: 'Property bogus is not allowed.' }).first()).toBeVisible();
    await expect(hover.filter({ hasText: "unknown key 'bogus'" }).first()).toBeVisible();
    await page.keyboard.press('Escape');

    // completion from the schema: an executor's keys are offered inside an executor
    await yaml.focus();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await expect(yaml.status).toContainText('YAML is valid.');
    await yaml.line('type: output').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Space');
    await expect(page.locator('.suggest-widget .monaco-list-row').filter({ hasText: 'description' }).first()).toBeVisible();
    await page.keyboard.press('Escape');
  });
});
