import { expect, test } from './fixtures.ts';

test.describe('linear example', () => {
  test('Run streams the events and shows the output', async ({ runner }) => {
    await runner.goto();
    await expect(runner.page).toHaveTitle('Trellis');
    await expect(runner.input).toHaveValue('hello');
    await expect(runner.status).toHaveText('ready');

    await runner.run();

    await expect(runner.status).toHaveText('idle');
    await expect(runner.outputs()).toHaveText(['!!!OLLEH']);
    await expect(runner.error).toHaveCount(0);
    await expect(runner.runButton).toBeEnabled();

    const events = await runner.events();
    expect(events[0]?.type).toBe('workflow_start');
    expect(events.at(-1)?.type).toBe('workflow_complete');
    expect(events.at(-1)?.detail).toContain('idle');
    const started = events.filter((event) => event.type === 'executor_start').map((event) => event.executorId);
    expect(started).toEqual(['step1', 'step2', 'step3']);
    expect(events.filter((event) => event.type === 'superstep_start')).toHaveLength(3);
    expect(events.find((event) => event.type === 'workflow_output')?.detail).toBe('step3: "!!!OLLEH"');
  });

  test('Enter in the input runs it on new text', async ({ runner }) => {
    await runner.goto();
    await runner.setInput('Trellis');
    await runner.submitWithEnter();

    await expect(runner.status).toHaveText('idle');
    await expect(runner.outputs()).toHaveText(['!!!SILLERT']);
  });

  test('user text is shown as text, not markup', async ({ runner }) => {
    await runner.goto();
    const markup = '<img src=x onerror=alert(1)>';
    await runner.setInput(markup);
    await runner.run();

    await expect(runner.status).toHaveText('idle');
    const expected = `!!!${Array.from(markup.toUpperCase()).reverse().join('')}`;
    await expect(runner.outputs()).toHaveText([expected]);
    await expect(runner.page.locator('img')).toHaveCount(0);
  });

  test('a second run replaces the first', async ({ runner }) => {
    await runner.goto();
    await runner.run();
    await expect(runner.outputs()).toHaveText(['!!!OLLEH']);

    await runner.setInput('abc');
    await runner.run();
    await expect(runner.outputs()).toHaveText(['!!!CBA']);
    const events = await runner.events();
    expect(events.filter((event) => event.type === 'workflow_start')).toHaveLength(1);
  });
});
