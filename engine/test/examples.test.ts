// The gallery's examples (public/examples): each loads from its file, runs with its documented input, and gives its outputs.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { WorkflowViz, parseWorkflowYaml, type AgentResponse } from '../src/index.js';
import { loadWorkflowFromYamlFile } from '../src/node.js';

const DIR = fileURLToPath(new URL('../../public/examples/', import.meta.url));
const load = (name: string) => loadWorkflowFromYamlFile(`${DIR}${name}.workflow.yaml`);
const run = async (name: string, input: unknown) => (await load(name)).run(input);

/** `[author, first words]` of each agent output. */
const agents = (outputs: AgentResponse[]) => outputs.map((o) => [o.messages[0]?.authorName, o.text.split(' "')[0]]);

describe('examples', () => {
  it('content-pipeline: the writer drafts, the reviewer reviews', async () => {
    const result = await run('content-pipeline', 'Create a slogan for an affordable electric SUV');
    expect(agents(result.getOutputs<AgentResponse>())).toEqual([
      ['Writer', 'Draft for'],
      ['Reviewer', 'Review of'],
    ]);
    expect(result.getOutputs<AgentResponse>()[1]?.text).toContain('Building on Writer');
  });

  it('content-pipeline-4: research, write, edit, review', async () => {
    const result = await run('content-pipeline-4', 'Why small teams should write design docs');
    expect(agents(result.getOutputs<AgentResponse>())).toEqual([
      ['Researcher', 'Research notes on'],
      ['Writer', 'Draft for'],
      ['Editor', 'Edited version of'],
      ['Reviewer', 'Review of'],
    ]);
  });

  it("linear-text: 'hello' becomes '!!!OLLEH'", async () => {
    expect((await run('linear-text', 'hello')).getOutputs()).toEqual(['!!!OLLEH']);
  });

  it('fan-out-fan-in: both branches, joined in order', async () => {
    expect((await run('fan-out-fan-in', 'Hello')).getOutputs()).toEqual(['A: HELLO | B: hello']);
  });

  it('conditional-routing: urgent and normal tickets take different edges', async () => {
    expect((await run('conditional-routing', 'Urgent: the checkout page is down')).getOutputs()).toEqual([
      'URGENT: Urgent: the checkout page is down',
    ]);
    expect((await run('conditional-routing', 'Lunch on Friday?')).getOutputs()).toEqual(['Normal: Lunch on Friday?']);
  });

  it('switch-case-triage: escalate, queue or archive', async () => {
    const workflow = await load('switch-case-triage');
    expect((await workflow.run('The production database is down')).getOutputs()).toEqual([
      'Escalated to on-call: The production database is down',
    ]);
    expect((await workflow.run('Error on the settings page')).getOutputs()).toEqual([
      'Queued for the next sprint: Error on the settings page',
    ]);
    expect((await workflow.run('Please add a dark mode')).getOutputs()).toEqual(['Archived: Please add a dark mode']);
  });

  it('approval: pauses for a yes or no, then publishes or sends back', async () => {
    const draft = 'Our new release makes exports twice as fast.';
    for (const [answer, expected] of [
      [true, `Published: ${draft}`],
      [false, `Sent back: ${draft}`],
    ] as const) {
      const workflow = await load('approval');
      const paused = await workflow.run(draft);
      expect(paused.getFinalState()).toBe('idle_with_pending_requests');
      expect(paused.getOutputs()).toEqual([]);
      const [request] = paused.getRequestInfoEvents();
      expect(request?.data).toEqual({ prompt: 'Publish this draft?', input: draft });
      const id = request?.requestId ?? '';
      await expect(workflow.sendResponses({ [id]: 'yes' })).rejects.toThrow(/must be JSON Schema \(boolean\)/);
      const done = await workflow.sendResponses({ [id]: answer });
      expect(done.getOutputs()).toEqual([expected]);
      expect(done.getFinalState()).toBe('idle');
    }
  });

  it('sub-workflow: the inline child shouts, the parent reports', async () => {
    expect((await run('sub-workflow', '  hi  ')).getOutputs()).toEqual(['child said HI!']);
  });

  it('loop-until: counts to the target, one superstep per step, then exits', async () => {
    const result = await run('loop-until', 5);
    expect(result.getOutputs()).toEqual(['Counted to 5']);
    expect(result.events.filter((e) => e.type === 'executor_start' && e.executorId === 'count')).toHaveLength(5);
    expect((await run('loop-until', 1)).getOutputs()).toEqual(['Counted to 1']);
  });
});

interface GalleryEntry {
  file: string;
  title: string;
  description: string;
}

describe('the gallery', () => {
  it('index.json lists exactly the example files, each with a title and a description', async () => {
    const index = JSON.parse(await readFile(`${DIR}index.json`, 'utf8')) as GalleryEntry[];
    const files = (await readdir(DIR)).filter((f) => f.endsWith('.workflow.yaml')).sort();
    expect(index.map((e) => e.file).sort()).toEqual(files);
    for (const entry of index) {
      expect(entry.title.trim()).not.toBe('');
      expect(entry.description.trim()).not.toBe('');
    }
  });

  it('every example says what it shows, describes itself, lays out every node and has a run-form schema', async () => {
    const files = (await readdir(DIR)).filter((f) => f.endsWith('.workflow.yaml'));
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const file of files) {
      const text = await readFile(`${DIR}${file}`, 'utf8');
      expect(text.startsWith('# '), file).toBe(true);
      const { definition, problems } = parseWorkflowYaml(text);
      expect(problems, file).toEqual([]);
      const body = definition?.workflow;
      expect(body?.description, file).toBeTruthy();
      expect(body?.input, file).toBeTruthy();
      const layout = definition?.layout ?? {};
      expect(Object.keys(layout).sort(), file).toEqual((body?.executors ?? []).map((e) => e.id).sort());
      // laid out left to right: the start executor is leftmost
      const start = layout[body?.start ?? ''];
      expect(Math.min(...Object.values(layout).map((p) => p.x)), file).toBe(start?.x);
      // and it draws
      expect(new WorkflowViz(await loadWorkflowFromYamlFile(`${DIR}${file}`)).toMermaid()).toMatch(/^flowchart TD/);
    }
  });
});
