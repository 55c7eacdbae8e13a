// request_info and workflow executors of the declarative format: questions, answers, children.
import { describe, expect, it } from 'vitest';
import { compileWorkflow, isSubWorkflowRequest, type WorkflowDefinition } from '../src/index.js';

const body = (executors: unknown[], edges: unknown[], start = 'a'): WorkflowDefinition =>
  ({ workflow: { name: 'parent', start, executors, edges } }) as WorkflowDefinition;
const output = { id: 'out', type: 'output' };

describe('request_info executors', () => {
  const definition = body(
    [
      { id: 'a', type: 'request_info', prompt: 'How many?', response: { type: 'integer', minimum: 1 } },
      { id: 'b', type: 'transform', expression: 'input * 2' },
      output,
    ],
    [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'out' },
    ],
  );

  it('ask { prompt, input } with the response schema and pause the run', async () => {
    const workflow = compileWorkflow(definition);
    const paused = await workflow.run('boxes');
    expect(paused.getFinalState()).toBe('idle_with_pending_requests');
    const [request] = paused.getRequestInfoEvents();
    expect(request?.executorId).toBe('a');
    expect(request?.data).toEqual({ prompt: 'How many?', input: 'boxes' });
    expect(request?.responseType).toEqual({ type: 'integer', minimum: 1 });
  });

  it('send the answer downstream', async () => {
    const workflow = compileWorkflow(definition);
    const [request] = (await workflow.run('boxes')).getRequestInfoEvents();
    const done = await workflow.sendResponses({ [request?.requestId ?? '']: 21 });
    expect(done.getOutputs()).toEqual([42]);
  });

  it('reject an answer that does not fit the response schema, consuming nothing', async () => {
    const workflow = compileWorkflow(definition);
    const [request] = (await workflow.run('boxes')).getRequestInfoEvents();
    const id = request?.requestId ?? '';
    await expect(workflow.sendResponses({ [id]: 'three' })).rejects.toThrow(
      `The answer to request '${id}' must be JSON Schema (integer), got "three"`,
    );
    await expect(workflow.sendResponses({ [id]: 0 })).rejects.toThrow('must be JSON Schema (integer), got 0');
    expect(workflow.pendingRequestIds).toEqual([id]);
    expect((await workflow.sendResponses({ [id]: 2 })).getOutputs()).toEqual([4]);
  });

  it('take any answer without a response schema', async () => {
    const workflow = compileWorkflow(body([{ id: 'a', type: 'request_info', prompt: 'Anything?' }, output], [{ from: 'a', to: 'out' }]));
    const [request] = (await workflow.run(null)).getRequestInfoEvents();
    expect(request?.responseType).toBe('any');
    expect((await workflow.sendResponses({ [request?.requestId ?? '']: { any: ['thing'] } })).getOutputs()).toEqual([{ any: ['thing'] }]);
  });
});

const child = {
  name: 'child',
  start: 'upper',
  executors: [
    { id: 'upper', type: 'transform', expression: 'input.upperAscii()' },
    { id: 'done', type: 'output' },
  ],
  edges: [{ from: 'upper', to: 'done' }],
};

describe('workflow executors', () => {
  it("send an inline child's outputs downstream", async () => {
    const definition = body(
      [{ id: 'a', type: 'workflow', workflow: child }, { id: 'b', type: 'transform', expression: '"child said " + input' }, output],
      [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'out' },
      ],
    );
    const workflow = compileWorkflow(definition);
    expect((await workflow.run('hi')).getOutputs()).toEqual(['child said HI']);
    expect(workflow.getExecutors()[0]?.typeName).toBe('WorkflowExecutor');
  });

  it("yield the child's outputs as their own with allow_direct_output", async () => {
    const workflow = compileWorkflow(body([{ id: 'a', type: 'workflow', workflow: child, allow_direct_output: true }], []));
    expect((await workflow.run('hi')).getOutputs()).toEqual(['HI']);
  });

  it("surface the child's questions to the caller by default, and take the answers back", async () => {
    const asking = {
      name: 'asking',
      start: 'ask',
      executors: [
        { id: 'ask', type: 'request_info', prompt: 'OK?', response: { type: 'boolean' } },
        { id: 'done', type: 'output' },
      ],
      edges: [{ from: 'ask', to: 'done' }],
    };
    const workflow = compileWorkflow(body([{ id: 'a', type: 'workflow', workflow: asking }, output], [{ from: 'a', to: 'out' }]));
    const paused = await workflow.run('draft');
    const [request] = paused.getRequestInfoEvents();
    expect(request?.executorId).toBe('a');
    expect(request?.data).toEqual({ prompt: 'OK?', input: 'draft' });
    await expect(workflow.sendResponses({ [request?.requestId ?? '']: 'yes' })).rejects.toThrow(/must be JSON Schema \(boolean\)/);
    expect((await workflow.sendResponses({ [request?.requestId ?? '']: true })).getOutputs()).toEqual([true]);
  });

  it('send the questions downstream as SubWorkflowRequest messages with propagate_requests: false', async () => {
    const asking = {
      name: 'asking',
      start: 'ask',
      executors: [{ id: 'ask', type: 'request_info', prompt: 'OK?' }],
      edges: [],
    };
    const definition = body(
      [{ id: 'a', type: 'workflow', workflow: asking, propagate_requests: false }, output],
      [{ from: 'a', to: 'out' }],
    );
    const outputs = (await compileWorkflow(definition).run('draft')).getOutputs();
    expect(outputs).toHaveLength(1);
    expect(isSubWorkflowRequest(outputs[0])).toBe(true);
  });

  it('keep the state of the child apart from the parent', async () => {
    const counting = {
      name: 'counting',
      start: 'count',
      executors: [
        { id: 'count', type: 'function', code: "ctx.setState('n', 'child'); return input" },
        { id: 'done', type: 'transform', expression: 'state.n' },
        { id: 'out', type: 'output' },
      ],
      edges: [
        { from: 'count', to: 'done' },
        { from: 'done', to: 'out' },
      ],
    };
    const definition = body(
      [
        { id: 'a', type: 'function', code: "ctx.setState('n', 'parent'); return input" },
        { id: 'sub', type: 'workflow', workflow: counting },
        { id: 'b', type: 'transform', expression: 'input + "/" + state.n' },
        output,
      ],
      [
        { from: 'a', to: 'sub' },
        { from: 'sub', to: 'b' },
        { from: 'b', to: 'out' },
      ],
    );
    expect((await compileWorkflow(definition).run(null)).getOutputs()).toEqual(['child/parent']);
  });
});
