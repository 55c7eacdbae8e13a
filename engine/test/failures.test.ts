// Failures and bad input: each ends clearly, and nothing hangs.
import { describe, expect, it } from 'vitest';
import {
  WorkflowBuilder,
  WorkflowContextError,
  WorkflowConvergenceError,
  WorkflowRunError,
  WorkflowStateError,
  executor,
  type WorkflowContext,
  type WorkflowEvent,
} from '../src/index.js';
import { deferred, relay, sink } from './helpers.js';

describe('an executor that throws', () => {
  const build = () => {
    const a = relay('a');
    const broken = executor('broken', async () => {
      throw new TypeError('cannot read the invoice');
    });
    return new WorkflowBuilder({ startExecutor: a }).addEdge(a, broken).build();
  };

  it('fails the run: error event naming the executor, status failed, then workflow_complete', async () => {
    const error = (await build()
      .run('x')
      .catch((e: unknown) => e)) as WorkflowRunError;
    expect(error).toBeInstanceOf(WorkflowRunError);
    expect(error.name).toBe('WorkflowRunError');
    expect(error.message).toBe("Workflow 'workflow' failed in executor 'broken': cannot read the invoice");
    expect(error.executorId).toBe('broken');
    expect(error.cause).toBeInstanceOf(TypeError);
    const tail = error.result.events.slice(-4);
    expect(tail[0]).toMatchObject({ type: 'executor_start', executorId: 'broken' });
    expect(tail[1]).toMatchObject({
      type: 'error',
      executorId: 'broken',
      error: { name: 'TypeError', message: 'cannot read the invoice' },
    });
    expect(tail.slice(2)).toEqual([
      { type: 'workflow_status', state: 'failed' },
      { type: 'workflow_complete', state: 'failed' },
    ]);
    expect(error.result.getFinalState()).toBe('failed');
  });

  it('yields the events and then throws the same error from a stream', async () => {
    const seen: string[] = [];
    let thrown: unknown;
    try {
      for await (const event of build().run('x', { stream: true })) seen.push(event.type);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(WorkflowRunError);
    expect(seen.slice(-3)).toEqual(['error', 'workflow_status', 'workflow_complete']);
  });

  it('refuses a new run on the instance while the failed run left messages undelivered', async () => {
    const a = executor('a', async (_: unknown, ctx: WorkflowContext) => {
      await ctx.sendMessage('queued for b');
    });
    const c = executor('c', async () => {
      throw new Error('c fails');
    });
    const start = relay('start');
    const workflow = new WorkflowBuilder({ startExecutor: start }).addEdge(start, a).addEdge(start, c).addEdge(a, sink('b')).build();
    await expect(workflow.run(0)).rejects.toThrow('c fails');
    await expect(workflow.run(0)).rejects.toThrow(/still holds 1 undelivered message\(s\) from a run that failed/);
  });
});

describe('a condition that throws', () => {
  it('fails the run and says which edge', async () => {
    const a = relay('a');
    const workflow = new WorkflowBuilder({ startExecutor: a })
      .addEdge(a, sink('b'), {
        condition: function isValid() {
          throw new RangeError('bad amount');
        },
      })
      .build();
    const error = (await workflow.run(1).catch((e: unknown) => e)) as WorkflowRunError;
    expect(error.message).toBe("Workflow 'workflow' failed: the condition of edge a -> b threw: bad amount");
    expect(error.result.events.find((e) => e.type === 'error')).toMatchObject({ error: { name: 'WorkflowRoutingError' } });
  });
});

describe('iteration limit', () => {
  it('fails a run still busy after maxIterations supersteps', async () => {
    const loop = relay<number>('loop', (n) => n + 1);
    const workflow = new WorkflowBuilder({ startExecutor: loop, maxIterations: 5 }).addEdge(loop, loop).build();
    const error = (await workflow.run(0).catch((e: unknown) => e)) as WorkflowRunError;
    expect(error.cause).toBeInstanceOf(WorkflowConvergenceError);
    expect(error.message).toMatch(/did not converge after 5 supersteps \(maxIterations\): messages from loop are still queued/);
    const completed = error.result.events.filter((e) => e.type === 'superstep_complete');
    expect(completed).toHaveLength(5);
  });

  it('defaults to 100 supersteps', async () => {
    const loop = relay<number>('loop', (n) => n + 1);
    const workflow = new WorkflowBuilder({ startExecutor: loop }).addEdge(loop, loop).build();
    expect(workflow.maxIterations).toBe(100);
    const error = (await workflow.run(0).catch((e: unknown) => e)) as WorkflowRunError;
    expect(error.result.events.filter((e) => e.type === 'executor_start')).toHaveLength(100);
  });

  it('lets a loop with an exit condition finish within the budget', async () => {
    const loop = relay<number>('loop', (n) => n + 1);
    const workflow = new WorkflowBuilder({ startExecutor: loop, maxIterations: 50 })
      .addEdge(loop, loop, { condition: (n) => (n as number) < 10 })
      .addEdge(loop, sink('done'), { condition: (n) => (n as number) >= 10 })
      .build();
    expect((await workflow.run(0)).getOutputs()).toEqual([10]);
  });

  it('rejects a maxIterations that is not a positive integer', () => {
    expect(() => new WorkflowBuilder({ startExecutor: relay('a'), maxIterations: 0 })).toThrow(RangeError);
  });
});

describe('cancellation', () => {
  it('stops an endless loop promptly with state cancelled, and the instance runs again', async () => {
    const loop = executor('loop', async (n: number, ctx: WorkflowContext<number>) => {
      await new Promise((r) => setTimeout(r, 1));
      await ctx.sendMessage(n + 1);
    });
    const workflow = new WorkflowBuilder({ startExecutor: loop, maxIterations: 1_000_000 })
      .addEdge(loop, loop, { condition: (n) => (n as number) >= 0 })
      .build();
    const events: WorkflowEvent[] = [];
    const stream = workflow.run(0, { stream: true });
    setTimeout(() => {
      workflow.cancel();
    }, 30);
    const started = Date.now();
    for await (const event of stream) events.push(event);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(events.at(-1)).toEqual({ type: 'workflow_complete', state: 'cancelled' });
    expect(events.at(-2)).toEqual({ type: 'workflow_status', state: 'cancelled' });
    expect((await stream.getFinalResponse()).getFinalState()).toBe('cancelled');
    expect(workflow.isRunning).toBe(false);
  });

  it('abandons a handler that never returns, and aborts its signal', async () => {
    let signalAborted = false;
    let calls = 0;
    const hang = executor('hang', async (input: string, ctx: WorkflowContext) => {
      if (++calls > 1) return ctx.yieldOutput(input);
      ctx.signal.addEventListener('abort', () => {
        signalAborted = true;
      });
      return new Promise(() => {
        /* never settles */
      });
    });
    const workflow = new WorkflowBuilder({ startExecutor: hang }).build();
    const running = workflow.run('x');
    await new Promise((r) => setTimeout(r, 5));
    workflow.cancel();
    const result = await running;
    expect(result.getFinalState()).toBe('cancelled');
    expect(signalAborted).toBe(true);
    expect((await workflow.run('again')).getOutputs()).toEqual(['again']);
  });

  it('is a no-op when nothing runs', () => {
    const workflow = new WorkflowBuilder({ startExecutor: sink('a') }).build();
    expect(() => {
      workflow.cancel();
    }).not.toThrow();
  });
});

describe('misuse', () => {
  it('rejects a second concurrent run on one instance with a clear error', async () => {
    const gate = deferred();
    const workflow = new WorkflowBuilder({
      startExecutor: executor('wait', async () => {
        await gate.promise;
      }),
    }).build();
    const first = workflow.run(1);
    await expect(workflow.run(2)).rejects.toThrow(WorkflowStateError);
    await expect(workflow.run(2)).rejects.toThrow(/already running; an instance runs one run at a time/);
    const stream = workflow.run(3, { stream: true });
    await expect(stream[Symbol.asyncIterator]().next()).rejects.toThrow(WorkflowStateError);
    gate.resolve();
    expect((await first).getFinalState()).toBe('idle');
  });

  it('fails a run whose input the start executor cannot take, naming both types', async () => {
    const workflow = new WorkflowBuilder({ startExecutor: executor({ id: 'upper', input: 'string' }, async () => {}) }).build();
    const error = (await workflow.run(42).catch((e: unknown) => e)) as WorkflowRunError;
    expect(error.message).toBe(
      "Workflow 'workflow' failed: The start executor 'upper' cannot take the input: it is number, and 'upper' accepts string",
    );
    expect(error.result.getFinalState()).toBe('failed');
  });

  it('refuses an undefined input', async () => {
    const workflow = new WorkflowBuilder({ startExecutor: sink('a') }).build();
    await expect(workflow.run(undefined)).rejects.toThrow(/run\(\) needs an input/);
  });

  it('throws when a handler sends after it returned', async () => {
    let late: Promise<unknown> | undefined;
    const a = executor('a', (_: unknown, ctx: WorkflowContext) => {
      late = new Promise((r) => setTimeout(r, 1)).then(() => ctx.sendMessage('late'));
    });
    await new WorkflowBuilder({ startExecutor: a }).addEdge(a, sink('b')).build().run(0);
    await expect(late).rejects.toThrow(WorkflowContextError);
    await expect(late).rejects.toThrow(
      "ctx.sendMessage() was called by executor 'a' after its handler returned; await every send inside the handler",
    );
  });

  it('refuses addEvent with an engine event type', async () => {
    const a = executor('a', async (_: unknown, ctx: WorkflowContext) => {
      await ctx.addEvent({ type: 'workflow_output', data: 1 });
    });
    await expect(new WorkflowBuilder({ startExecutor: a }).build().run(0)).rejects.toThrow(/'workflow_output' is an engine event type/);
  });
});
