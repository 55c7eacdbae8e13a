import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';
import { DiagramPanelPage } from './pages/DiagramPanelPage.ts';

test.use({ viewport: { width: 1440, height: 1000 } });

const EXAMPLE = 'switch-case-triage.workflow.yaml';
const EXAMPLE_IDS = ['score', 'escalate', 'queue', 'archive', 'result'];

test.describe('Diagram panel', () => {
  test('draws the workflow with Mermaid, follows edits, copies and downloads', async ({ designer, page, context }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await designer.goto();
    await designer.openExample(EXAMPLE);
    await expect(designer.nodes()).toHaveCount(5);
    // the canvas works before Mermaid has been asked for
    expect(requests.filter((url) => /mermaid/i.test(url))).toEqual([]);

    const diagram = new DiagramPanelPage(page);
    await diagram.open();
    await expect(diagram.tab).toHaveAttribute('aria-selected', 'true');
    await expect(diagram.panel).toBeVisible();
    for (const id of EXAMPLE_IDS) await expect(diagram.svg).toContainText(id);
    await expect(diagram.staleNote).toHaveCount(0);

    // the Mermaid source, as text, in a collapsible block
    await diagram.source.locator('summary').click();
    await expect(diagram.source.locator('pre')).toContainText('flowchart TD');
    await expect(diagram.source.locator('pre')).toContainText('score["score (Start)"]');

    // a node added from the palette reaches nothing yet: the last good diagram stays, with a note
    await designer.tabTo('palette.item.request_info');
    await page.keyboard.press('Enter');
    await expect(designer.nodes()).toHaveCount(6);
    await expect(diagram.staleNote).toHaveText('The diagram shows the last valid workflow');
    await expect(diagram.svg).not.toContainText('request_info');

    // connected, the workflow compiles again and the diagram draws the new node
    // (the new node lands beyond the canvas, narrowed by the wide side panel: fit the view first)
    await designer.canvas.locator('.react-flow__controls-fitview').click();
    await designer.connect('queue', 'request_info');
    await expect(designer.edges()).toHaveCount(7);
    await expect(diagram.svg).toContainText('request_info');
    await expect(diagram.staleNote).toHaveCount(0);
    for (const id of EXAMPLE_IDS) await expect(diagram.svg).toContainText(id);

    // copy the Mermaid text
    await diagram.copyButton.click();
    await expect(diagram.copyStatus).toHaveText('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('queue --> request_info');

    // downloads: the SVG and the Mermaid source
    const svgDownload = await diagram.download(diagram.downloadSvgButton);
    expect(svgDownload.suggestedFilename()).toMatch(/\.svg$/);
    const svgPath = await svgDownload.path();
    const svgText = await readFile(svgPath, 'utf8');
    expect(svgText).toContain('<svg');
    expect(svgText).toContain('request_info');
    const mmdDownload = await diagram.download(diagram.downloadMmdButton);
    expect(mmdDownload.suggestedFilename()).toBe('switch_case_triage.mmd');
    expect(await readFile(await mmdDownload.path(), 'utf8')).toBe(copied);

    // Mermaid came from its own lazy chunks, with dagre: ELK never loaded, and nothing left 127.0.0.1
    expect(requests.some((url) => /mermaid/i.test(url))).toBe(true);
    expect(requests.filter((url) => /elk/i.test(url))).toEqual([]);
    expect(requests.filter((url) => !url.startsWith('http://127.0.0.1:') && !url.startsWith('blob:'))).toEqual([]);
    await page.screenshot({ path: '/tmp/diagram-panel.png' });
  });
});
