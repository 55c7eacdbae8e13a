// Edges of the declarative format: conditions, switch-case, fan-out, fan-in, and what CEL sees.
import { describe, expect, it } from 'vitest';
import { InMemoryCheckpointStorage, WorkflowRunError, WorkflowViz, compileWorkflow, type WorkflowDefinition } from '../src/index.js';

const body = (executors: unknown[], edges: unknown[], start = 'a'): WorkflowDefinition =>
  ({ workflow: { name: 'edges', start, executors, edges } }) as WorkflowDefinition;
const say = (id: string, prefix: string) => ({ id, type: 'transform', expression: `"${prefix}" + string(input)` });
const output = { id: 'out', type: 'output' };

describe('single edges with a condition', () => {
  const definition = body(
    [
      { id: 'a', type: 'function', code: "return { text: input, is_urgent: input.includes('urgent') }" },
      say('u', 'U:'),
      say('n', 'N:'),
      output,
    ],
    [
      { from: 'a', to: 'u', condition: 'message.is_urgent' },
      { from: 'a', to: 'n', condition: '!message.is_urgent' },
      { from: 'u', to: 'out' },
      { from: 'n', to: 'out' },
    ],
  );

  it('deliver only when the CEL condition is true', async () => {
    const workflow = compileWorkflow({
      workflow: {
        ...definition.workflow,
        executors: [
          definition.workflow.executors[0],
          { id: 'u', type: 'transform', expression: '"U:" + input.text' },
          { id: 'n', type: 'transform', expression: '"N:" + input.text' },
          output,
        ],
      },
    } as WorkflowDefinition);
    expect((await workflow.run('urgent: down')).getOutputs()).toEqual(['U:urgent: down']);
    expect((await workflow.run('lunch?')).getOutputs()).toEqual(['N:lunch?']);
  });

  it('are labelled with their expression in diagrams', () => {
    const mermaid = new WorkflowViz(compileWorkflow(definition)).toMermaid({ edgeLabels: true });
    // Mermaid escapes '.' and '!' in labels
    expect(mermaid).toContain('a -. message#46;is_urgent .-> u;');
    expect(mermaid).toContain('a -. #33;message#46;is_urgent .-> n;');
  });

  it('fail the run, naming the edge, when the condition is not a bool', async () => {
    const workflow = compileWorkflow(body([say('a', ''), output], [{ from: 'a', to: 'out', condition: 'size(message)' }]));
    const error = await workflow.run('abc').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkflowRunError);
    expect((error as Error).message).toContain(
      "the condition of edge a -> out threw: the CEL condition 'size(message)' must give a bool, got number 3",
    );
  });
});

describe('switch-case edges', () => {
  const definition = body(
    [{ id: 'a', type: 'transform', expression: 'input' }, say('high', 'high '), say('mid', 'mid '), say('low', 'low '), output],
    [
      {
        from: 'a',
        switch: [{ when: 'message > 0.8', to: 'high' }, { when: 'message > 0.3', to: 'mid' }, { default: 'low' }],
      },
      { from: 'high', to: 'out' },
      { from: 'mid', to: 'out' },
      { from: 'low', to: 'out' },
    ],
  );

  it('take the first true case, else the default', async () => {
    const workflow = compileWorkflow(definition);
    expect((await workflow.run(0.9)).getOutputs()).toEqual(['high 0.9']);
    expect((await workflow.run(0.5)).getOutputs()).toEqual(['mid 0.5']);
    expect((await workflow.run(1)).getOutputs()).toEqual(['high 1']);
    expect((await workflow.run(0)).getOutputs()).toEqual(['low 0']);
  });

  it('fail the run, naming the case, when a case is not a bool', async () => {
    const bad = body([say('a', ''), say('b', ''), say('c', '')], [{ from: 'a', switch: [{ when: 'message', to: 'b' }, { default: 'c' }] }]);
    await expect(compileWorkflow(bad).run('x')).rejects.toThrow(
      "the case 'message' of the switch-case from a threw: the CEL condition 'message' must give a bool, got string \"x\"",
    );
  });
});

describe('fan-out and fan-in edges', () => {
  it('broadcast to every target and collect one list in from order', async () => {
    const definition = body(
      [
        { id: 'a', type: 'transform', expression: 'input' },
        { id: 'slow', type: 'function', code: 'await new Promise((r) => setTimeout(r, 5)); return "slow:" + input' },
        say('fast', 'fast:'),
        { id: 'join', type: 'transform', expression: 'input.join(" + ")' },
        output,
      ],
      [
        { from: 'a', to: ['slow', 'fast'] },
        { from: ['slow', 'fast'], to: 'join' },
        { from: 'join', to: 'out' },
      ],
    );
    expect((await compileWorkflow(definition).run('x')).getOutputs()).toEqual(['slow:x + fast:x']);
  });
});

describe('what conditions see', () => {
  it('state written by function code, and the run input as inputs', async () => {
    const definition = body(
      [{ id: 'a', type: 'function', code: "ctx.setState('limit', 3); return input" }, say('big', 'big '), say('small', 'small '), output],
      [
        { from: 'a', to: 'big', condition: 'message > state.limit && inputs == message && size(state) == 1' },
        { from: 'a', to: 'small', condition: 'message <= state.limit' },
        { from: 'big', to: 'out' },
        { from: 'small', to: 'out' },
      ],
    );
    const workflow = compileWorkflow(definition);
    expect((await workflow.run(5)).getOutputs()).toEqual(['big 5']);
    expect((await workflow.run(2)).getOutputs()).toEqual(['small 2']);
  });

  it('the same state and inputs after a fresh instance resumes from a checkpoint', async () => {
    const storage = new InMemoryCheckpointStorage();
    const definition = body(
      [{ id: 'a', type: 'function', code: "ctx.setState('go', input.startsWith('go')); return input" }, say('b', 'went '), output],
      [
        { from: 'a', to: 'b', condition: 'state.go && inputs.endsWith("!")' },
        { from: 'b', to: 'out' },
      ],
    );
    const first = await compileWorkflow(definition, { checkpointStorage: storage }).run('go!', { checkpointId: 'series' });
    expect(first.getOutputs()).toEqual(['went go!']);
    // the checkpoint after a's superstep: a's message to b is in flight, its route not yet chosen
    const afterA = (await storage.list({ seriesId: 'series' })).find((c) => c.superstep === 1);
    expect(afterA?.messages).toHaveLength(1);
    const resumed = await compileWorkflow(definition, { checkpointStorage: storage }).resume(afterA?.checkpointId ?? '');
    expect(resumed.getOutputs()).toEqual(['went go!']);
  });
});
