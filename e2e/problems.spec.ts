import { CanvasPage } from './pages/CanvasPage.ts';
import { ProblemsPanelPage } from './pages/ProblemsPanelPage.ts';
import { expect, test } from './fixtures.ts';

test.use({ viewport: { width: 1440, height: 900 } });

const EXAMPLE = 'linear-text.workflow.yaml';

// A bad CEL expression (on a node), an edge to an executor that does not exist, a layout entry of no node.
const BROKEN = `workflow:
  name: broken
  start: upper
  executors:
    - id: upper
      type: function
      input: string
      output: string
      code: return input.toUpperCase()
    - id: shout
      type: transform
      expression: "input +"
    - id: result
      type: output
  edges:
    - from: upper
      to: shout
    - from: shout
      to: ghost
layout:
  upper: { x: 0, y: 0 }
  shout: { x: 2600, y: 1400 }
  result: { x: 300, y: 0 }
  nobody: { x: 0, y: 300 }
`;

test.describe('problems panel', () => {
  test('lists the problems with code and line; choosing one selects its node and shows it', async ({ designer, page }) => {
    const problems = new ProblemsPanelPage(page);
    await new CanvasPage(page).serveExample(EXAMPLE, BROKEN);
    await designer.goto();
    await designer.openExample(EXAMPLE);
    await expect(designer.nodes()).toHaveCount(3);
    await expect(problems.tab).toHaveAccessibleName(/^Problems \(\d+\)$/);
    const count = Number(await problems.count.getAttribute('data-count'));
    expect(count).toBeGreaterThanOrEqual(2);

    await problems.open();
    await expect(problems.items).toHaveCount(count);
    const cel = problems.itemsFor('shout');
    await expect(cel).toHaveCount(1);
    await expect(cel).toContainText('cel_syntax');
    await expect(cel).toContainText('line 12');
    await expect(problems.itemsFor('edge')).toHaveText([/unknown_executor.*edge shout → ghost.*line 19/]);
    await expect(problems.itemsFor('workflow')).toHaveText([/the layout names executor 'nobody'/]);

    // zoomed in on the top left corner, shout is out of view until its problem is chosen
    const box = await designer.canvas.boundingBox();
    await page.mouse.move(box!.x + 120, box!.y + 120);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -400);
    await expect(designer.node('shout')).not.toBeInViewport();
    await cel.click();
    await expect(designer.node('shout')).toHaveClass(/is-selected/);
    await expect(designer.node('shout')).toBeInViewport();

    // the keyboard works as well: Enter on a problem of the workflow as a whole opens the YAML panel
    const workflowProblem = problems.itemsFor('workflow').first();
    await workflowProblem.focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('side-panel.tab.yaml')).toHaveAttribute('aria-selected', 'true');
  });

  test('says so when there are no problems', async ({ designer, page }) => {
    const problems = new ProblemsPanelPage(page);
    await designer.goto();
    await designer.openExample(EXAMPLE);
    await expect(problems.count).toHaveText('(0)');
    await problems.open();
    await expect(problems.none).toHaveText(/No problems/);
    await expect(problems.items).toHaveCount(0);
  });
});
