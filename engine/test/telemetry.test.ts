// OpenTelemetry: one `workflow.run` span per run and one `executor.process` span per handler invocation.
import { ROOT_CONTEXT, SpanStatusCode, context, trace, type Context, type ContextManager } from '@opentelemetry/api';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WorkflowBuilder, WorkflowRunError, executor, type Workflow, type WorkflowContext, type WorkflowRunResult } from '../src/index.js';
import { seedLinearWorkflow } from './helpers.js';

/** The seed's linear example (shared with the other tests). */
function linear(): Workflow {
  return seedLinearWorkflow('linear');
}

/** step1 forwards to `boom`, whose handler throws. */
function failing(): Workflow {
  const step1 = executor('step1', async (input: string, ctx: WorkflowContext<string>) => {
    await ctx.sendMessage(input);
  });
  const boom = executor('boom', async () => {
    throw new Error('boom failed');
  });
  return new WorkflowBuilder({ startExecutor: step1, name: 'failing' }).addEdge(step1, boom).build();
}

function runIdOf(result: WorkflowRunResult): string | undefined {
  for (const event of result.events) if (event.type === 'workflow_start') return event.runId;
  return undefined;
}

/**
 * A minimal synchronous context manager (a stack): enough for spans a handler starts before its first
 * `await` to see the executor's span as active. Hosts use AsyncLocalStorage or Zone-based managers.
 */
class StackContextManager implements ContextManager {
  readonly #stack: Context[] = [];

  active(): Context {
    return this.#stack.at(-1) ?? ROOT_CONTEXT;
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(
    ctx: Context,
    fn: F,
    thisArg?: ThisParameterType<F>,
    ...args: A
  ): ReturnType<F> {
    this.#stack.push(ctx);
    try {
      return fn.call(thisArg, ...args);
    } finally {
      this.#stack.pop();
    }
  }

  bind<T>(_ctx: Context, target: T): T {
    return target;
  }

  enable(): this {
    return this;
  }

  disable(): this {
    this.#stack.length = 0;
    return this;
  }
}

describe('tracing without a registered tracer provider', () => {
  it('runs normally (the API is a no-op)', async () => {
    trace.disable();
    const result = await linear().run('hello');
    expect(result.getOutputs()).toEqual(['!!!OLLEH']);
    expect(result.getFinalState()).toBe('idle');
  });

  it('fails normally', async () => {
    await expect(failing().run('x')).rejects.toBeInstanceOf(WorkflowRunError);
  });
});

describe('tracing with a registered tracer provider', () => {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });

  beforeAll(() => {
    expect(trace.setGlobalTracerProvider(provider)).toBe(true);
    expect(context.setGlobalContextManager(new StackContextManager())).toBe(true);
  });

  afterAll(async () => {
    trace.disable();
    context.disable();
    await provider.shutdown();
  });

  beforeEach(() => {
    exporter.reset();
  });

  const named = (name: string): ReadableSpan[] => exporter.getFinishedSpans().filter((span) => span.name === name);
  const only = (name: string): ReadableSpan => {
    const spans = named(name);
    expect(spans).toHaveLength(1);
    return spans[0]!;
  };

  it('records one workflow.run span with the workflow name, run id and final state', async () => {
    const result = await linear().run('hello');
    const run = only('workflow.run');
    expect(run.attributes).toEqual({ 'workflow.name': 'linear', 'workflow.run_id': runIdOf(result), 'workflow.final_state': 'idle' });
    expect(run.parentSpanContext).toBeUndefined();
    expect(run.status.code).toBe(SpanStatusCode.UNSET);
    expect(run.ended).toBe(true);
  });

  it('records one executor.process span per handler invocation, children of the run span', async () => {
    await linear().run('hello');
    const run = only('workflow.run');
    const executors = named('executor.process');
    expect(executors.map((span) => span.attributes)).toEqual([
      { 'executor.id': 'step1', 'executor.type': 'FunctionExecutor', 'workflow.superstep': 1 },
      { 'executor.id': 'step2', 'executor.type': 'FunctionExecutor', 'workflow.superstep': 2 },
      { 'executor.id': 'step3', 'executor.type': 'FunctionExecutor', 'workflow.superstep': 3 },
    ]);
    for (const span of executors) {
      expect(span.parentSpanContext?.spanId).toBe(run.spanContext().spanId);
      expect(span.spanContext().traceId).toBe(run.spanContext().traceId);
      expect(span.status.code).toBe(SpanStatusCode.UNSET);
    }
  });

  it('gives each run its own trace', async () => {
    const workflow = linear();
    await workflow.run('a');
    await workflow.run('b');
    const runs = named('workflow.run');
    expect(runs).toHaveLength(2);
    expect(new Set(runs.map((span) => span.spanContext().traceId)).size).toBe(2);
    expect(new Set(runs.map((span) => span.attributes['workflow.run_id'])).size).toBe(2);
    expect(named('executor.process')).toHaveLength(6);
  });

  it('marks the failing executor span and the run span ERROR, with an exception event', async () => {
    await expect(failing().run('x')).rejects.toBeInstanceOf(WorkflowRunError);
    const run = only('workflow.run');
    const [ok, boom] = named('executor.process') as [ReadableSpan, ReadableSpan];
    expect(ok.attributes['executor.id']).toBe('step1');
    expect(ok.status.code).toBe(SpanStatusCode.UNSET);
    expect(boom.attributes['executor.id']).toBe('boom');
    expect(boom.parentSpanContext?.spanId).toBe(run.spanContext().spanId);
    expect(boom.ended).toBe(true);
    expect(boom.status).toEqual({ code: SpanStatusCode.ERROR, message: 'boom failed' });
    expect(boom.events.map((event) => event.name)).toEqual(['exception']);
    expect(boom.events[0]?.attributes).toMatchObject({ 'exception.type': 'Error', 'exception.message': 'boom failed' });
    expect(run.attributes['workflow.final_state']).toBe('failed');
    expect(run.status.code).toBe(SpanStatusCode.ERROR);
    expect(run.events.map((event) => event.name)).toEqual(['exception']);
  });

  it('records concurrent invocations of one superstep under the same run span', async () => {
    const start = executor('start', async (input: string, ctx: WorkflowContext<string>) => {
      await ctx.sendMessage(input);
    });
    const a = executor('a', async () => undefined);
    const b = executor('b', async () => undefined);
    await new WorkflowBuilder({ startExecutor: start }).addFanOutEdges(start, [a, b]).build().run('x');
    const run = only('workflow.run');
    const spans = named('executor.process');
    expect(spans.map((span) => [span.attributes['executor.id'], span.attributes['workflow.superstep']]).sort()).toEqual([
      ['a', 2],
      ['b', 2],
      ['start', 1],
    ]);
    for (const span of spans) expect(span.parentSpanContext?.spanId).toBe(run.spanContext().spanId);
  });

  it('makes the executor span active while the handler starts, so its own spans nest under it', async () => {
    const traced = executor('traced', async (input: string, ctx: WorkflowContext<never, string>) => {
      const inner = trace.getTracer('test').startSpan('inner');
      inner.end();
      await ctx.yieldOutput(input);
    });
    await new WorkflowBuilder({ startExecutor: traced }).build().run('x');
    expect(only('inner').parentSpanContext?.spanId).toBe(only('executor.process').spanContext().spanId);
  });
});
