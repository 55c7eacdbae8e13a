// WorkflowViz.toMermaid: the exact Mermaid shape of Agent Framework's WorkflowViz (semantics reference, section 9.1).
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Case, Default, FunctionExecutor, WorkflowBuilder, WorkflowViz, type Workflow, type WorkflowContext } from '../src/index.js';
import { pass, digest, DOT_HEADER, isSpam, isLegit, linear, fanOutFanIn, conditional, switchCase } from './viz-fixtures.js';

describe('WorkflowViz.toMermaid', () => {
  it('draws the seed linear workflow', () => {
    expect(new WorkflowViz(linear()).toMermaid()).toBe(
      [
        'flowchart TD',
        '  step1["step1 (Start)"];',
        '  step2["step2"];',
        '  step3["step3"];',
        '  step1 --> step2;',
        '  step2 --> step3;',
      ].join('\n'),
    );
  });

  it('draws fan-out edges solid and a fan-in as a junction node with a digest', () => {
    const d = digest('collect', ['process_a', 'process_b']);
    expect(d).toBe('930704b7'); // Python: hashlib.sha256(b"collect|process_a|process_b").hexdigest()[:8]
    expect(new WorkflowViz(fanOutFanIn()).toMermaid()).toBe(
      [
        'flowchart TD',
        '  broadcast["broadcast (Start)"];',
        '  process_a["process_a"];',
        '  process_b["process_b"];',
        '  collect["collect"];',
        `  fan_in__collect__${d}((fan-in))`,
        `  process_a --> fan_in__collect__${d};`,
        `  process_b --> fan_in__collect__${d};`,
        `  fan_in__collect__${d} --> collect;`,
        '  broadcast --> process_a;',
        '  broadcast --> process_b;',
      ].join('\n'),
    );
  });

  it('sorts fan-in sources, whatever order they were added in, and sanitizes the junction id', () => {
    const start = pass('start');
    const [z, a] = [pass('z-src'), pass('a-src')];
    const target = pass('1-join');
    const workflow = new WorkflowBuilder({ startExecutor: start }).addFanOutEdges(start, [z, a]).addFanInEdges([z, a], target).build();
    const d = digest('1-join', ['z-src', 'a-src']);
    const lines = new WorkflowViz(workflow).toMermaid().split('\n');
    expect(lines.slice(5, 9)).toEqual([
      `  fan_in__n_1_join__${d}((fan-in))`,
      `  a_src --> fan_in__n_1_join__${d};`,
      `  z_src --> fan_in__n_1_join__${d};`,
      `  fan_in__n_1_join__${d} --> n_1_join;`,
    ]);
  });

  it('sorts by code point, as Python does, for the digest', () => {
    const start = pass('start');
    const [astral, bmp] = [pass('\u{1F600}'), pass('\uFFFF')];
    const target = pass('t');
    const workflow = new WorkflowBuilder({ startExecutor: start })
      .addFanOutEdges(start, [astral, bmp])
      .addFanInEdges([astral, bmp], target)
      .build();
    // Python: hashlib.sha256(('t|' + '|'.join(sorted(['\U0001F600', '\uffff']))).encode()).hexdigest()[:8]
    expect(new WorkflowViz(workflow).toMermaid()).toContain('  fan_in__t__bc105c06((fan-in))');
  });

  it('dashes conditional edges and says "conditional"', () => {
    expect(new WorkflowViz(conditional()).toMermaid()).toBe(
      [
        'flowchart TD',
        '  classifier["classifier (Start)"];',
        '  urgent_handler["urgent_handler"];',
        '  normal_handler["normal_handler"];',
        '  classifier -. conditional .-> urgent_handler;',
        '  classifier -. conditional .-> normal_handler;',
      ].join('\n'),
    );
  });

  it('draws switch-case edges solid and unlabelled', () => {
    expect(new WorkflowViz(switchCase()).toMermaid()).toBe(
      [
        'flowchart TD',
        '  store["store (Start)"];',
        '  detect["detect"];',
        '  handle_spam["handle_spam"];',
        '  draft_reply["draft_reply"];',
        '  handle_uncertain["handle_uncertain"];',
        '  store --> detect;',
        '  detect --> handle_spam;',
        '  detect --> draft_reply;',
        '  detect --> handle_uncertain;',
      ].join('\n'),
    );
  });

  it('sanitizes node ids and keeps raw ids in labels', () => {
    const [first, second, third, fourth, fifth] = ['my-step', '1st', 'a.b', 'x y', '-'].map(pass) as [
      FunctionExecutor,
      FunctionExecutor,
      FunctionExecutor,
      FunctionExecutor,
      FunctionExecutor,
    ];
    const workflow = new WorkflowBuilder({ startExecutor: first }).addChain([first, second, third, fourth, fifth]).build();
    expect(new WorkflowViz(workflow).toMermaid()).toBe(
      [
        'flowchart TD',
        '  my_step["my-step (Start)"];',
        '  n_1st["1st"];',
        '  a_b["a.b"];',
        '  x_y["x y"];',
        '  n__["-"];',
        '  my_step --> n_1st;',
        '  n_1st --> a_b;',
        '  a_b --> x_y;',
        '  x_y --> n__;',
      ].join('\n'),
    );
  });

  it('replaces each non-ASCII code point by one underscore', () => {
    const [first, second] = [pass('ünï'), pass('\u{1F600}x')];
    const workflow = new WorkflowBuilder({ startExecutor: first }).addEdge(first, second).build();
    expect(new WorkflowViz(workflow).toMermaid().split('\n').slice(1)).toEqual([
      '  n__n_["ünï (Start)"];',
      '  n__x["\u{1F600}x"];',
      '  n__n_ --> n__x;',
    ]);
  });

  it('keeps ids that sanitize alike apart, and keeps off Mermaid keywords (safety deviation)', () => {
    const [first, second, third, fourth] = ['a.b', 'a_b', 'a-b', 'end'].map(pass) as [
      FunctionExecutor,
      FunctionExecutor,
      FunctionExecutor,
      FunctionExecutor,
    ];
    const workflow = new WorkflowBuilder({ startExecutor: first }).addChain([first, second, third, fourth]).build();
    expect(new WorkflowViz(workflow).toMermaid()).toBe(
      [
        'flowchart TD',
        '  a_b["a.b (Start)"];',
        '  a_b_2["a_b"];',
        '  a_b_3["a-b"];',
        '  n_end["end"];',
        '  a_b --> a_b_2;',
        '  a_b_2 --> a_b_3;',
        '  a_b_3 --> n_end;',
      ].join('\n'),
    );
  });

  it('escapes quotes and entity-like characters in labels (safety deviation)', () => {
    const [first, second] = [pass('say "hi"'), pass('a#b<c>`')];
    const workflow = new WorkflowBuilder({ startExecutor: first }).addEdge(first, second).build();
    expect(new WorkflowViz(workflow).toMermaid().split('\n').slice(1)).toEqual([
      '  say__hi_["say #quot;hi#quot; (Start)"];',
      '  a_b_c__["a#35;b#60;c#62;#96;"];',
      '  say__hi_ --> a_b_c__;',
    ]);
  });

  it('escapes line breaks in labels, so every declaration stays on one line', () => {
    const [first, second] = [pass('two\nlines'), pass('b')];
    const workflow = new WorkflowBuilder({ startExecutor: first }).addEdge(first, second).build();
    expect(new WorkflowViz(workflow).toMermaid().split('\n')[1]).toBe('  two_lines["two#10;lines (Start)"];');
  });

  it('draws the input edge into the start executor with includeInternalExecutors', () => {
    const viz = new WorkflowViz(linear());
    expect(viz.toMermaid({ includeInternalExecutors: true })).toBe(`${viz.toMermaid()}\n  internal_step1 --> step1;`);
  });

  describe('edgeLabels (the .NET flavour)', () => {
    it('labels conditional edges with the condition name', () => {
      expect(new WorkflowViz(conditional()).toMermaid({ edgeLabels: true }).split('\n').slice(4)).toEqual([
        '  classifier -. isUrgent .-> urgent_handler;',
        '  classifier -. isNormal .-> normal_handler;',
      ]);
    });

    it('labels switch-case edges with the case names and default', () => {
      expect(new WorkflowViz(switchCase()).toMermaid({ edgeLabels: true }).split('\n').slice(6)).toEqual([
        '  store --> detect;',
        '  detect -->|isSpam| handle_spam;',
        '  detect -->|isLegit| draft_reply;',
        '  detect -->|default| handle_uncertain;',
      ]);
    });

    it('joins the cases sharing a target and numbers anonymous ones', () => {
      const conditions: ((data: unknown) => boolean)[] = [(data) => data === 1]; // an array element has no name
      const anonymous = conditions[0]!;
      const [source, x, y] = [pass('source'), pass('x'), pass('y')];
      const workflow = new WorkflowBuilder({ startExecutor: source })
        .addSwitchCaseEdgeGroup(source, [new Case(isSpam, x), new Case(anonymous, x), new Case(isLegit, y), new Default(x)])
        .build();
      expect(new WorkflowViz(workflow).toMermaid({ edgeLabels: true }).split('\n').slice(4)).toEqual([
        '  source -->|isSpam or case 2 or default| x;',
        '  source -->|isLegit| y;',
      ]);
    });

    it('says "conditional" for an anonymous condition and escapes odd names', () => {
      const conditions: ((data: unknown) => boolean)[] = [() => true, () => false];
      const [anonymous, odd] = conditions as [(data: unknown) => boolean, (data: unknown) => boolean];
      Object.defineProperty(odd, 'name', { value: 'a|b.c' });
      const [source, x, y] = [pass('source'), pass('x'), pass('y')];
      const workflow = new WorkflowBuilder({ startExecutor: source })
        .addEdge(source, x, { condition: anonymous })
        .addEdge(source, y, { condition: odd })
        .build();
      expect(new WorkflowViz(workflow).toMermaid({ edgeLabels: true }).split('\n').slice(4)).toEqual([
        '  source -. conditional .-> x;',
        '  source -. a#124;b#46;c .-> y;',
      ]);
    });

    it('leaves plain and fan-out edges unlabelled', () => {
      const viz = new WorkflowViz(fanOutFanIn());
      expect(viz.toMermaid({ edgeLabels: true })).toBe(viz.toMermaid());
    });
  });

  it('rejects something that is not a workflow', () => {
    expect(() => new WorkflowViz(linear as unknown as Workflow)).toThrow(TypeError);
  });
});

/** A stand-in for the coming WorkflowExecutor: any executor exposing `subWorkflow` is drawn as a sub-workflow. */
class ChildWorkflowHost extends FunctionExecutor {
  constructor(
    id: string,
    readonly subWorkflow: Workflow,
  ) {
    super({ id }, async (message: unknown, ctx: WorkflowContext) => {
      await ctx.sendMessage(message);
    });
  }
}

describe('WorkflowViz sub-workflows (the hook for WorkflowExecutor)', () => {
  const build = () => {
    const [c1, c2] = [pass('c1'), pass('c-2')];
    const child = new WorkflowBuilder({ startExecutor: c1 }).addEdge(c1, c2).build();
    const outer = pass('outer');
    const host = new ChildWorkflowHost('sub', child);
    const after = pass('after');
    return new WorkflowBuilder({ startExecutor: outer }).addEdge(outer, host).addEdge(host, after).build();
  };

  it('emits a Mermaid subgraph with namespaced ids after the top-level lines', () => {
    expect(new WorkflowViz(build()).toMermaid()).toBe(
      [
        'flowchart TD',
        '  outer["outer (Start)"];',
        '  sub["sub"];',
        '  after["after"];',
        '  outer --> sub;',
        '  sub --> after;',
        '  subgraph sub',
        '    sub__c1["c1 (Start)"];',
        '    sub__c_2["c-2"];',
        '    sub__c1 --> sub__c_2;',
        '  end',
      ].join('\n'),
    );
  });

  it('emits a DOT cluster named by uuid5(NAMESPACE_OID, host id)', () => {
    const cluster = createHash('sha1')
      .update(Buffer.from('6ba7b8129dad11d180b400c04fd430c8', 'hex'))
      .update('sub')
      .digest('hex')
      .slice(0, 8);
    expect(cluster).toBe('d7865ec6'); // Python: uuid.uuid5(uuid.NAMESPACE_OID, 'sub').hex[:8]
    expect(new WorkflowViz(build()).toDot()).toBe(
      [
        ...DOT_HEADER,
        '  "outer" [fillcolor=lightgreen, label="outer\\n(Start)"];',
        '  "sub" [label="sub"];',
        '  "after" [label="after"];',
        '  "outer" -> "sub";',
        '  "sub" -> "after";',
        `  subgraph cluster_${cluster} {`,
        '    label="sub-workflow: sub";',
        '    style=dashed;',
        '    "sub/c1" [fillcolor=lightgreen, label="c1\\n(Start)"];',
        '    "sub/c-2" [label="c-2"];',
        '    "sub/c1" -> "sub/c-2";',
        '  }',
        '}',
      ].join('\n'),
    );
  });
});
