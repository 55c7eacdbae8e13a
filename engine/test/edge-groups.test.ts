// Fan-out (with selection), fan-in lists, switch-case order, targeted sends and dropped messages.
import { describe, expect, it } from 'vitest';
import { Case, Default, WorkflowBuilder, executor, type MessageDroppedEvent, type WorkflowContext } from '../src/index.js';
import { relay, sink, startsBySuperstep } from './helpers.js';

const dropped = (events: readonly { type: string }[]) => events.filter((e): e is MessageDroppedEvent => e.type === 'message_dropped');

describe('fan-out', () => {
  it('broadcasts each message to every target', async () => {
    const src = relay('src');
    const a = relay<string>('a', (v) => `a:${v}`);
    const b = relay<string>('b', (v) => `b:${v}`);
    const out = sink('out');
    const result = await new WorkflowBuilder({ startExecutor: src })
      .addFanOutEdges(src, [a, b])
      .addEdge(a, out)
      .addEdge(b, out)
      .build()
      .run('x');
    expect(result.getOutputs()).toEqual(['a:x', 'b:x']);
  });

  it('delivers only to the targets the selection picks', async () => {
    const src = relay('src');
    const [a, b, c] = ['a', 'b', 'c'].map(sink) as [ReturnType<typeof sink>, ReturnType<typeof sink>, ReturnType<typeof sink>];
    const workflow = new WorkflowBuilder({ startExecutor: src })
      .addFanOutEdges(src, [a, b, c], { selection: (n, ids) => ids.filter((_, i) => (n as number) & (1 << i)) })
      .build();
    const result = await workflow.run(0b101);
    expect(startsBySuperstep(result)).toEqual(['src@1', 'a@2', 'c@2']);
  });

  it('fails the run when the selection returns an id that is not a target', async () => {
    const src = relay('src');
    const workflow = new WorkflowBuilder({ startExecutor: src })
      .addFanOutEdges(src, [sink('a'), sink('b')], { selection: () => ['a', 'zzz'] })
      .build();
    await expect(workflow.run(1)).rejects.toThrow(/selection of the fan-out from src returned "zzz", not among its targets \(a, b\)/);
  });
});

describe('fan-in', () => {
  it('waits for every source and delivers one list in source order', async () => {
    const src = relay('src');
    const slow = relay<string>('slow', (v) => `slow:${v}`);
    const quick = relay<string>('quick', (v) => `quick:${v}`);
    const lists: unknown[] = [];
    const join = executor({ id: 'join', input: 'array' }, async (items: string[], ctx: WorkflowContext) => {
      lists.push(items);
      await ctx.yieldOutput(items.join(' + '));
      expect(ctx.sourceExecutorIds).toEqual(['quick', 'slow']);
    });
    const result = await new WorkflowBuilder({ startExecutor: src })
      .addFanOutEdges(src, [slow, quick])
      .addFanInEdges([quick, slow], join)
      .build()
      .run('x');
    expect(lists).toEqual([['quick:x', 'slow:x']]);
    expect(result.getOutputs()).toEqual(['quick:x + slow:x']);
  });

  it('holds contributions across supersteps until the last source sends', async () => {
    const src = relay('src');
    const early = relay<string>('early', () => 'early');
    const mid = relay('mid');
    const late = relay<string>('late', () => 'late');
    const join = executor({ id: 'join', input: 'array' }, async (items: string[], ctx: WorkflowContext) => {
      await ctx.yieldOutput(items);
    });
    const result = await new WorkflowBuilder({ startExecutor: src })
      .addEdge(src, early)
      .addEdge(src, mid)
      .addEdge(mid, late)
      .addFanInEdges([early, late], join)
      .build()
      .run('x');
    expect(result.getOutputs()).toEqual([['early', 'late']]);
    expect(startsBySuperstep(result)).toEqual(['src@1', 'early@2', 'mid@2', 'late@3', 'join@4']);
  });

  it('includes every message a source sent, in arrival order within the source', async () => {
    const src = relay('src');
    const twice = executor('twice', async (_: unknown, ctx: WorkflowContext) => {
      await ctx.sendMessage(1);
      await ctx.sendMessage(2);
    });
    const once = relay<string>('once', () => 3);
    const join = executor({ id: 'join', input: 'array' }, async (items: number[], ctx: WorkflowContext) => {
      await ctx.yieldOutput(items);
    });
    const result = await new WorkflowBuilder({ startExecutor: src })
      .addFanOutEdges(src, [twice, once])
      .addFanInEdges([twice, once], join)
      .build()
      .run(0);
    expect(result.getOutputs()).toEqual([[1, 2, 3]]);
  });
});

describe('switch-case', () => {
  const build = () => {
    const src = relay('src');
    const small = sink('small');
    const medium = sink('medium');
    const large = sink('large');
    return new WorkflowBuilder({ startExecutor: src })
      .addSwitchCaseEdgeGroup(src, [
        new Case((n) => (n as number) < 10, small),
        new Case((n) => (n as number) < 100, medium), // also true for n < 10: the first case must win
        new Default(large),
      ])
      .build();
  };

  it('takes the first case whose condition is true, in order', async () => {
    expect(startsBySuperstep(await build().run(5))).toEqual(['src@1', 'small@2']);
    expect(startsBySuperstep(await build().run(50))).toEqual(['src@1', 'medium@2']);
  });

  it('falls back to the Default', async () => {
    expect(startsBySuperstep(await build().run(500))).toEqual(['src@1', 'large@2']);
  });

  it('drops (visibly) a message the chosen target cannot take, without falling back', async () => {
    const src = relay('src');
    const numbersOnly = executor({ id: 'numbersOnly', input: 'number' }, async () => {});
    const fallback = sink('fallback');
    const result = await new WorkflowBuilder({ startExecutor: src })
      .addSwitchCaseEdgeGroup(src, [new Case(() => true, numbersOnly), new Default(fallback)])
      .build()
      .run('text');
    expect(dropped(result.events)).toEqual([
      { type: 'message_dropped', sourceId: 'src', targetId: 'numbersOnly', reason: 'no_matching_handler', data: 'text' },
    ]);
    expect(result.getOutputs()).toEqual([]);
  });

  it('fails the run when a case condition throws (Agent Framework would treat it as false)', async () => {
    const src = relay('src');
    const workflow = new WorkflowBuilder({ startExecutor: src })
      .addSwitchCaseEdgeGroup(src, [
        new Case(function explode() {
          throw new Error('boom');
        }, sink('a')),
        new Default(sink('b')),
      ])
      .build();
    await expect(workflow.run(1)).rejects.toThrow(/the case 'explode' of the switch-case from src threw: boom/);
  });
});

describe('handler routing and dropped messages', () => {
  it('routes to the first handler, in declaration order, whose input accepts the message', async () => {
    const { Executor, handler } = await import('../src/index.js');
    class Router extends Executor {
      @handler({ input: 'number' })
      async onNumber(n: number, ctx: WorkflowContext) {
        await ctx.yieldOutput(`number ${String(n)}`);
      }
      @handler({ input: ['number', 'string'] })
      async onNumberOrString(v: unknown, ctx: WorkflowContext) {
        await ctx.yieldOutput(`number-or-string ${String(v)}`);
      }
      @handler
      async onAnything(v: unknown, ctx: WorkflowContext) {
        await ctx.yieldOutput(`anything ${JSON.stringify(v)}`);
      }
    }
    const workflow = new WorkflowBuilder({ startExecutor: new Router('router') }).build();
    expect((await workflow.run(1)).getOutputs()).toEqual(['number 1']);
    expect((await workflow.run('s')).getOutputs()).toEqual(['number-or-string s']);
    expect((await workflow.run({ a: 1 })).getOutputs()).toEqual(['anything {"a":1}']);
  });

  it('emits message_dropped for a message no handler of the target takes', async () => {
    const src = relay('src');
    const onlyStrings = executor({ id: 'onlyStrings', input: 'string' }, async () => {});
    const result = await new WorkflowBuilder({ startExecutor: src }).addEdge(src, onlyStrings).build().run(42);
    expect(dropped(result.events)).toEqual([
      { type: 'message_dropped', sourceId: 'src', targetId: 'onlyStrings', reason: 'no_matching_handler', data: 42 },
    ]);
    expect(result.getFinalState()).toBe('idle');
  });

  it('does not report a message every condition declined as dropped', async () => {
    const src = relay('src');
    const result = await new WorkflowBuilder({ startExecutor: src })
      .addEdge(src, sink('never'), { condition: () => false })
      .build()
      .run(1);
    expect(dropped(result.events)).toEqual([]);
  });

  it('delivers a targeted send only along the edge to that target', async () => {
    const src = executor('src', async (_: unknown, ctx: WorkflowContext) => {
      await ctx.sendMessage('for b', { targetId: 'b' });
    });
    const a = sink('a');
    const b = sink('b');
    const result = await new WorkflowBuilder({ startExecutor: src }).addEdge(src, a).addEdge(src, b).build().run(0);
    expect(startsBySuperstep(result)).toEqual(['src@1', 'b@2']);
    expect(result.events).toContainEqual({ type: 'executor_output', executorId: 'src', data: 'for b', targetId: 'b' });
  });

  it('drops (visibly) a targeted send that finds no edge to its target', async () => {
    const src = executor('src', async (_: unknown, ctx: WorkflowContext) => {
      await ctx.sendMessage('lost', { targetId: 'nowhere' });
    });
    const result = await new WorkflowBuilder({ startExecutor: src }).addEdge(src, sink('a')).build().run(0);
    expect(dropped(result.events)).toEqual([
      { type: 'message_dropped', sourceId: 'src', targetId: 'nowhere', reason: 'no_edge_to_target', data: 'lost' },
    ]);
  });

  it('accepts class, type-guard and Standard Schema (zod) input specs', async () => {
    const { z } = await import('zod');
    class Order {
      constructor(readonly total: number) {}
    }
    const isPoint = (v: unknown): v is { x: number; y: number } => typeof v === 'object' && v !== null && 'x' in v && 'y' in v;
    const log: string[] = [];
    const { Executor, handler } = await import('../src/index.js');
    class Typed extends Executor {
      @handler({ input: Order })
      async order(o: Order) {
        log.push(`order ${String(o.total)}`);
      }
      @handler({ input: isPoint })
      async point(p: { x: number }) {
        log.push(`point ${String(p.x)}`);
      }
      @handler({ input: z.object({ email: z.email() }) })
      async contact(c: { email: string }) {
        log.push(`contact ${c.email}`);
      }
      @handler({ input: { type: 'object', required: ['sku'], properties: { sku: { type: 'string' } } } })
      async sku(s: { sku: string }) {
        log.push(`sku ${s.sku}`);
      }
    }
    const workflow = new WorkflowBuilder({ startExecutor: new Typed('typed') }).build();
    await workflow.run(new Order(3));
    await workflow.run({ x: 1, y: 2 });
    await workflow.run({ email: 'a@b.co' });
    await workflow.run({ sku: 'X1' });
    await expect(workflow.run({ email: 'not an email' })).rejects.toThrow(/cannot take the input/);
    expect(log).toEqual(['order 3', 'point 1', 'contact a@b.co', 'sku X1']);
  });
});

describe('asynchronous routing code', () => {
  it('awaits async conditions, selections and cases, keeping delivery order', async () => {
    const order: string[] = [];
    const src = executor('src', async (_: unknown, ctx: WorkflowContext) => {
      await ctx.sendMessage(1);
      await ctx.sendMessage(2);
    });
    const record = (id: string) =>
      executor(id, async (n: number) => {
        order.push(`${id}:${String(n)}`);
      });
    const slowYes = async () => {
      await new Promise((r) => setTimeout(r, 5));
      return true;
    };
    const [a, b, c, d, e, f] = ['a', 'b', 'c', 'd', 'e', 'f'].map(record) as [
      ReturnType<typeof record>,
      ReturnType<typeof record>,
      ReturnType<typeof record>,
      ReturnType<typeof record>,
      ReturnType<typeof record>,
      ReturnType<typeof record>,
    ];
    await new WorkflowBuilder({ startExecutor: src })
      .addEdge(src, a, { condition: slowYes })
      .addEdge(src, b, { condition: () => true })
      .addFanOutEdges(src, [c, d], { selection: async (_m, ids) => Promise.resolve([ids[1] as string]) })
      .addSwitchCaseEdgeGroup(src, [new Case(async (n) => Promise.resolve(n === 2), e), new Default(f)])
      .build()
      .run(0);
    // targets start in the order routing reached them (edges in the order added), each one's
    // messages in send order; c was never selected
    expect(order).toEqual(['a:1', 'b:1', 'd:1', 'f:1', 'e:2', 'a:2', 'b:2', 'd:2']);
  });

  it('fails the run when an async condition rejects', async () => {
    const src = relay('src');
    const workflow = new WorkflowBuilder({ startExecutor: src })
      .addEdge(src, sink('a'), { condition: async () => Promise.reject(new Error('lookup failed')) })
      .build();
    await expect(workflow.run(1)).rejects.toThrow('the condition of edge src -> a threw: lookup failed');
  });
});
