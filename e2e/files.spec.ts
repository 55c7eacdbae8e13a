import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures.ts';
import { DiagramPanelPage } from './pages/DiagramPanelPage.ts';
import { YamlPanelPage } from './pages/YamlPanelPage.ts';

test.use({ viewport: { width: 1440, height: 900 } });

const COMMENTED = fileURLToPath(new URL('fixtures/commented.workflow.yaml', import.meta.url));
const WITH_PROBLEMS = fileURLToPath(new URL('fixtures/with-problems.workflow.yaml', import.meta.url));

/** The comment of each commented line (from `#` on), in order. */
function commentsOf(text: string): string[] {
  return text.split('\n').flatMap((line) => {
    const at = line.indexOf('#');
    return at < 0 ? [] : [line.slice(at)];
  });
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

test.describe('Files', () => {
  test('imports a commented file with the picker, moves a node, downloads it with every comment intact', async ({ designer, files }) => {
    const original = await readFile(COMMENTED, 'utf8');
    await designer.goto();
    await files.openWithPicker(COMMENTED);
    await expect(files.notice('Opened commented.workflow.yaml')).toBeVisible();
    await expect(designer.nodes()).toHaveCount(3);
    // the File button has the focus back after the menu closed
    await expect(files.fileButton).toBeFocused();

    // nothing changed yet: the download is the file, byte for byte
    const untouched = await files.downloadFromMenu('download-yaml');
    expect(untouched.name).toBe('shout.workflow.yaml');
    expect(untouched.text).toBe(original);

    const before = await designer.position('exclaim');
    await designer.dragNode('exclaim', { x: 40, y: 160 });
    await expect.poll(() => designer.position('exclaim')).not.toEqual(before);

    const edited = await files.downloadFromMenu('download-yaml');
    expect(edited.name).toBe('shout.workflow.yaml');
    expect(commentsOf(edited.text)).toEqual(commentsOf(original));
    expect(commentsOf(original)).toHaveLength(13);
    const layout = /^ {2}exclaim: \{ x: (-?\d+), y: (-?\d+) \} # the middle one$/m.exec(edited.text);
    expect(layout, 'the moved node keeps its layout line and its comment').not.toBeNull();
    const moved = { x: Number(layout?.[1]), y: Number(layout?.[2]) };
    expect(moved).toEqual(await designer.position('exclaim'));
    expect(moved.y).toBeGreaterThan(100);
    // only that line changed
    const changed = edited.text.split('\n').filter((line, index) => line !== original.split('\n')[index]);
    expect(changed).toEqual([layout?.[0]]);
    await expect(files.notice('Downloaded shout.workflow.yaml')).toBeVisible();
  });

  test('Ctrl+S right after typing in the inspector downloads what was typed, and leaves the focus in the field', async ({
    designer,
    files,
    page,
  }) => {
    await designer.gotoNewWorkflow();
    await designer.paletteItem('transform').click();
    const expression = page.getByTestId('inspector.field.expression');
    await expression.fill('size(input) > 3');
    // at once: well within the field's typing pause, before it writes on its own
    const saved = await files.download(() => page.keyboard.press('Control+s'));
    expect(saved.text).toMatch(/expression: ['"]?size\(input\) > 3/);
    await expect(expression).toBeFocused();
  });

  test('opens a file with problems anyway, says how many, and keeps its text', async ({ designer, files, page }) => {
    const original = await readFile(WITH_PROBLEMS, 'utf8');
    await designer.goto();
    await files.input.setInputFiles(WITH_PROBLEMS);
    const notice = files.notice('Opened with-problems.workflow.yaml with 2 problems');
    await expect(notice).toBeVisible();
    await expect(notice).toHaveAttribute('data-kind', 'warning');
    await expect(designer.nodes()).toHaveCount(2);
    // the dangling edge cannot be drawn: only its source and the output are on the canvas

    const yaml = new YamlPanelPage(page);
    await yaml.open();
    await expect(yaml.line('# Opens with problems')).toBeVisible();
    await expect(yaml.editor.locator('.squiggly-error')).toHaveCount(2);

    // Ctrl+S downloads the text as opened, from inside the YAML editor too
    await yaml.focus();
    const saved = await files.download(() => page.keyboard.press('Control+S'));
    expect(saved.name).toBe('with_problems.workflow.yaml');
    expect(saved.text).toBe(original);

    // a text that is not even YAML opens too, read-only on the canvas, its text kept
    const broken = 'workflow:\n  name: [never closed\n  start: a\n';
    await files.dropFiles(designer.canvas, [{ name: 'broken.yml', content: broken }]);
    await expect(files.notice(/^Opened broken\.yml with \d+ problems?$/)).toBeVisible();
    await expect(yaml.canvasBanner).toBeVisible();
    const kept = await files.download(() => page.keyboard.press('Control+S'));
    expect(kept.text).toBe(broken);
  });

  test('opens a file dropped on the designer, and explains what it cannot open', async ({ designer, files, page }) => {
    const commented = await readFile(COMMENTED, 'utf8');
    await designer.goto();

    // a palette drag is not a file drag: no overlay
    const paletteDrag = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.setData('application/x-trellis-kind', 'function');
      return transfer;
    });
    await files.dragOver(designer.canvas, paletteDrag);
    await expect(files.dropOverlay).toHaveCount(0);

    // files dragged over the page show the overlay, which goes when they leave
    const transfer = await files.dataTransferOf([{ name: 'commented.workflow.yaml', content: commented }]);
    await files.dragOver(designer.canvas, transfer);
    await expect(files.dropOverlay).toBeVisible();
    await expect(files.dropOverlay).toContainText('Drop to open');
    await designer.canvas.dispatchEvent('dragleave', { dataTransfer: transfer });
    await expect(files.dropOverlay).toHaveCount(0);

    // dropped on the canvas, it opens as a new workflow
    await files.dragOver(designer.canvas, transfer);
    await designer.canvas.dispatchEvent('drop', { dataTransfer: transfer });
    await expect(files.dropOverlay).toHaveCount(0);
    await expect(files.notice('Opened commented.workflow.yaml')).toBeVisible();
    await expect(designer.nodes()).toHaveCount(3);
    await expect(designer.workflowName).toHaveValue('shout');

    // another type: a clear error that stays until dismissed, and the workflow is untouched
    await files.dropFiles(page.getByRole('toolbar', { name: 'Designer' }), [
      { name: 'photo.png', content: [0x89, 0x50, 0x4e, 0x47], type: 'image/png' },
    ]);
    const refused = files.notice('photo.png is not a workflow file: open a .workflow.yaml, .yaml or .yml file');
    await expect(refused).toHaveAttribute('data-kind', 'error');
    await expect(page.getByRole('alert')).toContainText('photo.png is not a workflow file');
    await refused.getByTestId('notices.dismiss').click();
    await expect(refused).toHaveCount(0);
    await expect(designer.nodes()).toHaveCount(3);

    // bytes that are not UTF-8
    await files.dropFiles(designer.canvas, [{ name: 'latin1.yaml', content: [0x61, 0x3a, 0x20, 0xe9, 0x0a] }]);
    await expect(files.notice('latin1.yaml is not UTF-8 text: save it as UTF-8 and open it again')).toBeVisible();

    // several files: the first workflow file opens, and the notice says the others did not
    await files.dropFiles(designer.canvas, [
      { name: 'readme.txt', content: 'hello' },
      { name: 'second.yaml', content: commented.replace('name: shout', 'name: second') },
      { name: 'third.yaml', content: commented },
    ]);
    await expect(files.notice('Opened second.yaml; 2 other files were not opened (one file at a time)')).toBeVisible();
    await expect(designer.workflowName).toHaveValue('second');
  });

  test('exports the Mermaid text the Diagram panel shows, an SVG and a PNG of the canvas', async ({ designer, files, page }) => {
    await designer.goto();
    await designer.openExample('linear-text.workflow.yaml');
    await expect(designer.nodes()).toHaveCount(4);

    const diagram = new DiagramPanelPage(page);
    await diagram.open();
    const shown = await diagram.source.locator('pre').evaluate((element) => element.textContent);
    const mermaid = await files.downloadFromMenu('export-mermaid');
    expect(mermaid.name).toBe('linear_text.mmd');
    expect(mermaid.text).toBe(shown);
    expect(mermaid.text).toContain('flowchart TD');

    const labels = await designer.canvas.locator('.wf-node-label').allTextContents();
    expect(labels).toHaveLength(4);
    const svg = await files.downloadFromMenu('export-svg');
    expect(svg.name).toBe('linear_text.svg');
    expect(svg.text.startsWith('<svg')).toBe(true);
    for (const label of labels) expect(svg.text).toContain(label);
    // the minimap and the zoom controls are not in the picture
    expect(svg.text).not.toContain('react-flow__minimap');
    expect(svg.text).not.toContain('react-flow__controls');

    const png = await files.downloadFromMenu('export-png');
    expect(png.name).toBe('linear_text.png');
    expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(png.bytes.length).toBeGreaterThan(5_000);
    // the IHDR chunk: the picture frames the whole row of four nodes
    const width = png.bytes.readUInt32BE(16);
    const height = png.bytes.readUInt32BE(20);
    expect(width).toBeGreaterThan(800);
    expect(height).toBeGreaterThan(80);
    expect(width).toBeGreaterThan(height);
    await expect(files.notice('Exported linear_text.png')).toBeVisible();
  });

  test('the File menu works from the keyboard', async ({ designer, files, page }) => {
    await designer.gotoNewWorkflow();
    await designer.tabTo('toolbar.file');
    await page.keyboard.press('Enter');
    await expect(files.menu).toBeVisible();
    await expect(files.menuItem('open')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(files.menuItem('download-yaml')).toBeFocused();
    await page.keyboard.press('End');
    await expect(files.menuItem('export-png')).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(files.menuItem('open')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(files.menu).toHaveCount(0);
    await expect(files.fileButton).toBeFocused();

    // ArrowDown opens it too; Enter on an item runs it
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const download = await files.download(() => page.keyboard.press('Enter'));
    expect(download.name).toBe('untitled.workflow.yaml');
    await expect(files.fileButton).toBeFocused();

    // Ctrl+O opens the file picker
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Control+O')]);
    await chooser.setFiles(COMMENTED);
    await expect(designer.nodes()).toHaveCount(3);
  });
});
