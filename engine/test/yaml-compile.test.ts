// The declarative format compiled and run: the seed's YAML, and every executor kind.
import { describe, expect, it } from 'vitest';
import {
  MockChatClient,
  compileWorkflow,
  loadWorkflowFromYaml,
  type AgentResponse,
  type ChatMessage,
  type ChatOptions,
  type WorkflowContext,
  type WorkflowDefinition,
} from '../src/index.js';

// The seed document's YAML, byte for byte (its blank lines hold two and six spaces).
const SEED_YAML = [
  'workflow:',
  '  name: content_pipeline',
  '  start: writer',
  '  ',
  '  executors:',
  '    - id: writer',
  '      type: agent',
  '      instructions: You are a content writer.',
  '      ',
  '    - id: reviewer',
  '      type: agent',
  '      instructions: You are a content reviewer.',
  '  ',
  '  edges:',
  '    - from: writer',
  '      to: reviewer',
].join('\n');

/** A mock model that also records which agent called it. */
class RecordingClient extends MockChatClient {
  readonly calls: string[] = [];
  override getResponse(messages: readonly ChatMessage[], options: ChatOptions = {}) {
    this.calls.push(options.agentName ?? '?');
    return super.getResponse(messages, options);
  }
}

const body = (executors: unknown[], edges: unknown[] = [], start = 'a'): WorkflowDefinition =>
  ({ workflow: { name: 'test', start, executors, edges } }) as WorkflowDefinition;

describe("the seed's YAML example", () => {
  it('loads unchanged and runs: two agent outputs, the writer then the reviewer', async () => {
    const client = new RecordingClient();
    const workflow = loadWorkflowFromYaml(SEED_YAML, { client });
    const events = await workflow.run('Create a blog post');

    const outputs = events.getOutputs<AgentResponse>();
    expect(outputs).toHaveLength(2);
    expect(outputs.map((o) => o.messages[0]?.authorName)).toEqual(['writer', 'reviewer']);
    expect(outputs[0]?.text).toMatch(/^Draft for "Create a blog post" by writer/);
    expect(outputs[1]?.text).toMatch(/^Review of "Create a blog post" by reviewer .*Building on writer/);
    expect(client.calls).toEqual(['writer', 'reviewer']);
    expect(workflow.name).toBe('content_pipeline');
    expect(events.getFinalState()).toBe('idle');
  });

  it('uses a MockChatClient when no client is given', async () => {
    const outputs = (await loadWorkflowFromYaml(SEED_YAML).run('Create a blog post')).getOutputs<AgentResponse>();
    expect(outputs.map((o) => o.text.split(' ')[0])).toEqual(['Draft', 'Review']);
  });
});

describe('agent executors', () => {
  it('are named by name (default: id) and pick their client by model key', async () => {
    const fallback = new RecordingClient();
    const special = new RecordingClient();
    const definition = body(
      [
        { id: 'a', type: 'agent', name: 'Writer', instructions: 'You are a writer.', model: 'fast' },
        { id: 'b', type: 'agent', instructions: 'You are a reviewer.', model: 'unconfigured' },
        { id: 'c', type: 'agent', instructions: 'You are an editor.' },
      ],
      [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
      ],
    );
    const workflow = compileWorkflow(definition, { client: fallback, clients: { fast: special } });
    const outputs = (await workflow.run('topic')).getOutputs<AgentResponse>();
    expect(outputs.map((o) => o.messages[0]?.authorName)).toEqual(['Writer', 'b', 'c']);
    expect(special.calls).toEqual(['Writer']);
    expect(fallback.calls).toEqual(['b', 'c']);
    expect(workflow.getExecutors().map((e) => [e.id, e.typeName])).toEqual([
      ['a', 'AgentExecutor'],
      ['b', 'AgentExecutor'],
      ['c', 'AgentExecutor'],
    ]);
  });
});

describe('function executors', () => {
  it('run their code with input and ctx, and send on what they return', async () => {
    const definition = body(
      [
        { id: 'a', type: 'function', input: 'string', output: 'string', code: "ctx.setState('seen', input)\nreturn input.toUpperCase()" },
        { id: 'b', type: 'function', code: "await ctx.yieldOutput(input + ' / ' + ctx.getState('seen'))" },
      ],
      [{ from: 'a', to: 'b' }],
    );
    const result = await compileWorkflow(definition).run('hi');
    expect(result.getOutputs()).toEqual(['HI / hi']);
    // b returned undefined: nothing was sent
    expect(result.events.filter((e) => e.type === 'executor_output').map((e) => e.executorId)).toEqual(['a']);
  });

  it('check their input type', async () => {
    const definition = body([{ id: 'a', type: 'function', input: { type: 'number', minimum: 0 }, code: 'return input' }]);
    await expect(compileWorkflow(definition).run(-1)).rejects.toThrow(
      "The start executor 'a' cannot take the input: it is number, and 'a' accepts JSON Schema (number)",
    );
    expect((await compileWorkflow(definition).run(2)).getFinalState()).toBe('idle');
  });

  it('call functions given to the loader with use:', async () => {
    const seen: string[] = [];
    const functions = {
      shout: (input: unknown) => `${String(input).toUpperCase()}!`,
      record: async (input: unknown, ctx: WorkflowContext) => {
        seen.push(ctx.executorId);
        await ctx.yieldOutput(input);
      },
    };
    const definition = body(
      [
        { id: 'a', type: 'function', use: 'shout' },
        { id: 'b', type: 'function', use: 'record' },
      ],
      [{ from: 'a', to: 'b' }],
    );
    expect((await compileWorkflow(definition, { functions }).run('hey')).getOutputs()).toEqual(['HEY!']);
    expect(seen).toEqual(['b']);
  });

  it('compile their code when the workflow is loaded, before any run', () => {
    expect(() => compileWorkflow(body([{ id: 'a', type: 'function', code: 'return (' }]))).toThrow(
      /the code of executor 'a' does not compile: SyntaxError/,
    );
  });
});

describe('transform executors', () => {
  it('send the value of their CEL expression, as plain JSON', async () => {
    const definition = body(
      [
        { id: 'a', type: 'transform', expression: '{"text": input, "long": size(input) > 200, "words": size(input.split(" "))}' },
        { id: 'b', type: 'output' },
      ],
      [{ from: 'a', to: 'b' }],
    );
    expect((await compileWorkflow(definition).run('two words')).getOutputs()).toEqual([{ text: 'two words', long: false, words: 2 }]);
  });

  it('see state (written by function code) and inputs', async () => {
    const definition = body(
      [
        { id: 'a', type: 'function', code: "ctx.setState('count', 2); ctx.session.state.label = 'n'; return input * 10" },
        { id: 'b', type: 'transform', expression: '{"sum": input + state.count, "label": state.label, "keys": size(state), "in": inputs}' },
        { id: 'c', type: 'output' },
      ],
      [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
      ],
    );
    expect((await compileWorkflow(definition).run(4)).getOutputs()).toEqual([{ sum: 42, label: 'n', keys: 2, in: 4 }]);
  });

  it('fail the run with an error naming the expression when evaluation fails', async () => {
    const workflow = compileWorkflow(body([{ id: 'a', type: 'transform', expression: 'input.missing' }]));
    await expect(workflow.run({})).rejects.toThrow(
      "failed in executor 'a': The CEL expression 'input.missing' failed: No such key: missing",
    );
  });
});

describe('output executors', () => {
  it('yield every message they receive', async () => {
    const definition = body(
      [
        { id: 'a', type: 'function', code: 'await ctx.sendMessage(1); await ctx.sendMessage(2)' },
        { id: 'b', type: 'output' },
      ],
      [{ from: 'a', to: 'b' }],
    );
    expect((await compileWorkflow(definition).run(null)).getOutputs()).toEqual([1, 2]);
  });
});

describe('compileWorkflow', () => {
  it('builds a fresh, independent instance on each call', async () => {
    const definition = body([
      { id: 'a', type: 'function', code: "const n = ctx.getState('n', 0) + 1; ctx.setState('n', n); await ctx.yieldOutput(n)" },
    ]);
    const first = compileWorkflow(definition);
    await first.run(null);
    expect((await first.run(null)).getOutputs()).toEqual([2]);
    expect((await compileWorkflow(definition).run(null)).getOutputs()).toEqual([1]);
  });

  it('takes max_iterations, and the maxIterations option over it', () => {
    const definition = { workflow: { ...body([{ id: 'a', type: 'output' }]).workflow, max_iterations: 7 } } as WorkflowDefinition;
    expect(compileWorkflow(definition).maxIterations).toBe(7);
    expect(compileWorkflow(definition, { maxIterations: 3 }).maxIterations).toBe(3);
  });
});
