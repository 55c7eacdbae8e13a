// WorkflowViz.toDot (section 9.2), and a property test that any graph gives well-formed Mermaid.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkflowBuilder, WorkflowViz, type FunctionExecutor } from '../src/index.js';
import { pass, digest, DOT_HEADER, linear, fanOutFanIn, conditional, switchCase } from './viz-fixtures.js';

describe('WorkflowViz.toDot', () => {
  it('draws the seed linear workflow', () => {
    expect(new WorkflowViz(linear()).toDot()).toBe(
      [
        ...DOT_HEADER,
        '  "step1" [fillcolor=lightgreen, label="step1\\n(Start)"];',
        '  "step2" [label="step2"];',
        '  "step3" [label="step3"];',
        '  "step1" -> "step2";',
        '  "step2" -> "step3";',
        '}',
      ].join('\n'),
    );
  });

  it('draws fan-out and fan-in', () => {
    const d = digest('collect', ['process_a', 'process_b']);
    expect(new WorkflowViz(fanOutFanIn()).toDot()).toBe(
      [
        ...DOT_HEADER,
        '  "broadcast" [fillcolor=lightgreen, label="broadcast\\n(Start)"];',
        '  "process_a" [label="process_a"];',
        '  "process_b" [label="process_b"];',
        '  "collect" [label="collect"];',
        '',
        `  "fan_in::collect::${d}" [shape=ellipse, fillcolor=lightgoldenrod, label="fan-in"];`,
        `  "process_a" -> "fan_in::collect::${d}";`,
        `  "process_b" -> "fan_in::collect::${d}";`,
        `  "fan_in::collect::${d}" -> "collect";`,
        '  "broadcast" -> "process_a";',
        '  "broadcast" -> "process_b";',
        '}',
      ].join('\n'),
    );
  });

  it('dashes conditional edges', () => {
    expect(new WorkflowViz(conditional()).toDot().split('\n').slice(8)).toEqual([
      '  "classifier" -> "urgent_handler" [style=dashed, label="conditional"];',
      '  "classifier" -> "normal_handler" [style=dashed, label="conditional"];',
      '}',
    ]);
  });

  it('draws switch-case edges solid, labelled only with edgeLabels', () => {
    const viz = new WorkflowViz(switchCase());
    expect(viz.toDot().split('\n').slice(11)).toEqual([
      '  "detect" -> "handle_spam";',
      '  "detect" -> "draft_reply";',
      '  "detect" -> "handle_uncertain";',
      '}',
    ]);
    expect(viz.toDot({ edgeLabels: true }).split('\n').slice(11)).toEqual([
      '  "detect" -> "handle_spam" [label="isSpam"];',
      '  "detect" -> "draft_reply" [label="isLegit"];',
      '  "detect" -> "handle_uncertain" [label="default"];',
      '}',
    ]);
    expect(new WorkflowViz(conditional()).toDot({ edgeLabels: true })).toContain(
      '  "classifier" -> "urgent_handler" [style=dashed, label="isUrgent"];',
    );
  });

  it('keeps raw ids and escapes quotes, backslashes and line breaks', () => {
    const [first, second, third] = [pass('my-step'), pass('say "hi" \\'), pass('two\nlines')];
    const workflow = new WorkflowBuilder({ startExecutor: first }).addChain([first, second, third]).build();
    expect(new WorkflowViz(workflow).toDot().split('\n').slice(5)).toEqual([
      '  "my-step" [fillcolor=lightgreen, label="my-step\\n(Start)"];',
      '  "say \\"hi\\" \\\\" [label="say \\"hi\\" \\\\"];',
      '  "two\\nlines" [label="two\\nlines"];',
      '  "my-step" -> "say \\"hi\\" \\\\";',
      '  "say \\"hi\\" \\\\" -> "two\\nlines";',
      '}',
    ]);
  });

  it('draws the input edge with includeInternalExecutors', () => {
    expect(new WorkflowViz(linear()).toDot({ includeInternalExecutors: true }).split('\n').slice(-2)).toEqual([
      '  "internal:step1" -> "step1";',
      '}',
    ]);
  });
});

describe('WorkflowViz property: any graph gives well-formed Mermaid', () => {
  const idChars = fc.constantFrom(...'abcXYZ019_-. :"#<>\u00e9\u{1F600}'.split(/(?:)/u));
  const ids = fc.uniqueArray(
    fc.array(idChars, { minLength: 1, maxLength: 6 }).map((chars) => chars.join('')),
    { minLength: 2, maxLength: 8 },
  );
  const graphs = fc
    .record({ ids: ids.filter((list) => list.every((id) => id.trim() !== '')), shape: fc.constantFrom('chain', 'fan') })
    .map(({ ids: list, shape }) => {
      const executors = list.map(pass);
      const [start] = executors as [FunctionExecutor];
      const builder = new WorkflowBuilder({ startExecutor: start });
      if (shape === 'fan' && executors.length >= 4) {
        const middle = executors.slice(1, -1);
        builder.addFanOutEdges(start, middle).addFanInEdges(middle, executors.at(-1)!);
      } else {
        builder.addChain(executors);
      }
      return { ids: list, workflow: builder.build() };
    });

  it('has one declaration per executor, every node id /^[A-Za-z][0-9A-Za-z_]*$/, and edges only between declared nodes', () => {
    fc.assert(
      fc.property(graphs, fc.boolean(), ({ ids: list, workflow }, edgeLabels) => {
        const lines = new WorkflowViz(workflow).toMermaid({ edgeLabels }).split('\n');
        expect(lines[0]).toBe('flowchart TD');
        const declared = new Map<string, string>(); // node id -> label
        const junctions = new Set<string>();
        const edges: [string, string][] = [];
        for (const line of lines.slice(1)) {
          const node = /^ {2}(\S+)\["([^"\n]*)"\];$/u.exec(line);
          const junction = /^ {2}(\S+)\(\(fan-in\)\)$/u.exec(line);
          const edge = /^ {2}(\S+) (?:-->|-\. [^\n]+ \.->|-->\|[^|\n]+\|) (\S+);$/u.exec(line);
          if (node !== null) {
            expect(declared.has(node[1]!)).toBe(false);
            declared.set(node[1]!, node[2]!);
          } else if (junction !== null) junctions.add(junction[1]!);
          else if (edge !== null) edges.push([edge[1]!, edge[2]!]);
          else expect.unreachable(`unexpected line ${JSON.stringify(line)}`);
        }
        expect(declared.size).toBe(list.length);
        for (const id of [...declared.keys(), ...junctions]) expect(id).toMatch(/^[A-Za-z][0-9A-Za-z_]*$/u);
        // every executor's label appears exactly once (the start with its suffix)
        const labels = [...declared.values()].map((label) => label.replace(/ \(Start\)$/u, ''));
        const unescaped = labels.map((label) =>
          label.replace(/#quot;/gu, '"').replace(/#(\d+);/gu, (_, code: string) => String.fromCodePoint(Number(code))),
        );
        expect(unescaped.sort()).toEqual([...list].sort());
        for (const [source, target] of edges) {
          expect(declared.has(source) || junctions.has(source)).toBe(true);
          expect(declared.has(target) || junctions.has(target)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
