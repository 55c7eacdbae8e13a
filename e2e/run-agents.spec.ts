import { expect, test } from './fixtures.ts';
import { startFakeOpenAIServer, type FakeOpenAIServer } from './support/fakeOpenAIServer.ts';
import { grewInSteps, recordTexts } from './support/textGrowth.ts';

const SECRET = 'sk-test-never-in-yaml-0123456789';

test.describe('agent workflows', () => {
  test('the content pipeline on the offline mock shows each agent’s streamed reply on its node', async ({ runPanel }) => {
    await runPanel.goto();
    await runPanel.openExample('content-pipeline.workflow.yaml', 'writer');
    const texts = await recordTexts(runPanel.page, '[data-node-id="writer"] [data-testid="canvas.node.reply"]');
    await runPanel.run();

    await expect(runPanel.state).toHaveText('idle');
    expect(await runPanel.nodeStatuses()).toEqual({ writer: 'done', reviewer: 'done' });
    // the app's mock pauses before each token, so the writer's reply is seen growing on its node
    expect(grewInSteps(await texts()), 'the writer’s reply grew in several steps').toBe(true);
    await expect(runPanel.nodeReply('writer')).toContainText('Draft for "Create a slogan for an affordable electric SUV" by Writer');
    // a long reply shows its latest words; the whole of it is in the tooltip
    await expect(runPanel.nodeReply('reviewer')).toHaveAttribute('title', /^Review of ".*" by Reviewer \(a content reviewer\)\./);
    await expect(runPanel.nodeReply('reviewer')).toContainText('[mock ');
    // the reply came as several token deltas
    await runPanel.filterLog({ type: 'agent_update', node: 'writer' });
    const [shown] = (await runPanel.logCount().innerText()).split(' of ');
    expect(Number(shown)).toBeGreaterThan(3);
  });

  test.describe('against an OpenAI-compatible server', () => {
    let server: FakeOpenAIServer;
    test.beforeEach(async () => {
      server = await startFakeOpenAIServer({
        chunkDelayMs: 40,
        reply: (request) =>
          request.stream === true ? `Fake model reply number one two three four five about ${request.lastUserText.slice(0, 20)}` : 'ok',
      });
    });
    test.afterEach(async () => {
      await server.close();
    });

    test('configured in Settings, tested, and used by the agents; the key stays out of the YAML', async ({ runPanel }) => {
      await runPanel.goto();
      await runPanel.openExample('content-pipeline.workflow.yaml', 'writer');

      const dialog = await runPanel.configureEndpoint({ baseUrl: server.baseUrl, model: 'fake-model', apiKey: SECRET });
      await expect(dialog.getByTestId('settings.apiKey')).toHaveAttribute('type', 'password');
      await dialog.getByTestId('settings.showKey').click();
      await expect(dialog.getByTestId('settings.apiKey')).toHaveAttribute('type', 'text');
      await dialog.getByTestId('settings.test').click();
      await expect(dialog.getByTestId('settings.result')).toHaveAttribute('data-ok', 'true');
      await expect(dialog.getByTestId('settings.result')).toContainText('fake-model answered: "ok"');
      await dialog.getByTestId('settings.save').click();
      await expect(dialog).toBeHidden();

      const texts = await recordTexts(runPanel.page, '[data-node-id="writer"] [data-testid="canvas.node.reply"]');
      await runPanel.run();
      await expect(runPanel.state).toHaveText('idle');
      await expect(runPanel.nodeReply('writer')).toHaveText('Fake model reply number one two three four five about Create a slogan for');
      await expect(runPanel.nodeReply('reviewer')).toContainText('Fake model reply number one');
      expect(grewInSteps(await texts()), 'the writer’s reply grew in several steps').toBe(true);

      const chats = server.requests.filter((request) => request.stream === true);
      expect(chats).toHaveLength(2);
      expect(chats.every((request) => request.authorization === `Bearer ${SECRET}` && request.model === 'fake-model')).toBe(true);

      // the key is in this browser's settings only: not in the document, the log or the page text
      const yamlAndLog = await runPanel.page.evaluate(() => document.body.innerText);
      expect(yamlAndLog).not.toContain(SECRET);
      const stored = await runPanel.page.evaluate(() => JSON.stringify(Object.fromEntries(Object.entries(localStorage))));
      expect(stored).toContain(SECRET);

      // settings persist in this browser
      await runPanel.page.reload();
      await runPanel.page.getByTestId('toolbar.settings').click();
      await expect(runPanel.page.getByTestId('settings.baseUrl')).toHaveValue(server.baseUrl);
      await runPanel.page.getByTestId('settings.cancel').click();
    });
  });
});
