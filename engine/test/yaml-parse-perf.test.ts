import { describe, expect, it } from 'vitest';
import { parseWorkflowYaml, stringifyWorkflow, validateWorkflowDefinition, type WorkflowDefinition } from '@trellis/engine';
import { bigWorkflowYaml } from './yaml-parse-fixtures.js';

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

describe('performance (smoke check; the figures are logged)', () => {
  it('parses and validates a 1,000-executor file well within a second', () => {
    const text = bigWorkflowYaml();
    const first = parseWorkflowYaml(text);
    expect(first.problems).toEqual([]);
    expect(first.definition?.workflow.executors).toHaveLength(1000);
    const samples: number[] = [];
    for (let run = 0; run < 7; run++) {
      const start = performance.now();
      parseWorkflowYaml(text);
      samples.push(performance.now() - start);
    }
    const time = median(samples);
    console.info(`parseWorkflowYaml, 1,000 executors (${String(text.length)} bytes): median ${time.toFixed(1)} ms`);
    expect(time).toBeLessThan(1000);
  });

  it('writes it back in place (a moved node) and from scratch within a second', () => {
    const text = bigWorkflowYaml();
    const definition = parseWorkflowYaml(text).definition as WorkflowDefinition;
    const moved: WorkflowDefinition = { ...definition, layout: { ...definition.layout, n500: { x: 1, y: 2 } } };
    let start = performance.now();
    const edited = stringifyWorkflow(moved, { original: text });
    const inPlace = performance.now() - start;
    start = performance.now();
    const clean = stringifyWorkflow(moved);
    const fromScratch = performance.now() - start;
    console.info(`stringifyWorkflow, 1,000 executors: in place ${inPlace.toFixed(1)} ms, from scratch ${fromScratch.toFixed(1)} ms`);
    expect(edited.split('\n').filter((line, i) => line !== text.split('\n')[i])).toEqual(['  n500: { x: 1, y: 2 }']);
    expect(parseWorkflowYaml(clean).definition).toEqual(moved);
    expect(inPlace + fromScratch).toBeLessThan(2000);
  });

  it('reports a problem in each of 1,000 executors, with positions, within a second', () => {
    const text = bigWorkflowYaml()
      .replace(/^ {6}type: output$/gm, '      type: outptu')
      .replace(/^ {6}model: default$/gm, '      modle: default');
    const start = performance.now();
    const { problems } = parseWorkflowYaml(text);
    const time = performance.now() - start;
    console.info(`parseWorkflowYaml, 1,000 executors with ${String(problems.length)} problems: ${time.toFixed(1)} ms`);
    expect(problems).toHaveLength(400);
    expect(problems.every((p) => p.line > 0 && p.column > 0 && p.executorId !== undefined)).toBe(true);
    expect(time).toBeLessThan(1000);
  });

  it('validates a 1,000-executor definition without its text within a second', () => {
    const definition = parseWorkflowYaml(bigWorkflowYaml()).definition as WorkflowDefinition;
    const start = performance.now();
    expect(validateWorkflowDefinition(definition)).toEqual([]);
    const time = performance.now() - start;
    console.info(`validateWorkflowDefinition, 1,000 executors: ${time.toFixed(1)} ms`);
    expect(time).toBeLessThan(1000);
  });
});
