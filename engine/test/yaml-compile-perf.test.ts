// A 1,000-executor definition compiles quickly (target: well under 100 ms; this smoke check allows 1 s).
import { describe, expect, it } from 'vitest';
import { parseWorkflowYaml } from '../src/index.js';
import { compileValidated } from '../src/declarative/compile.js';

/** A chain of `n` executors mixing every cheap kind, with a CEL condition on every tenth edge. */
export function generateWorkflowYaml(n: number): string {
  const lines = ['# generated: a long chain of every executor kind', 'workflow:', '  name: big', '  start: e0', '  executors:'];
  for (let i = 0; i < n; i++) {
    lines.push(`    - id: e${String(i)}`);
    switch (i % 5) {
      case 0:
        lines.push(
          '      type: function',
          '      input: string',
          '      code: |',
          `        ctx.setState('last', ${String(i)})`,
          '        return input + "."',
        );
        break;
      case 1:
        lines.push('      type: transform', `      expression: 'input + "${String(i)}"'`);
        break;
      case 2:
        lines.push('      type: agent', `      name: Agent${String(i)}`, '      instructions: You are a writer.');
        break;
      case 3:
        lines.push('      type: function', '      code: |', "        return typeof input === 'string' ? input : input.agentResponse.text");
        break;
      default:
        lines.push('      type: transform', '      expression: \'size(input) > 0 ? input : "empty"\'');
    }
  }
  lines.push('  edges:');
  for (let i = 1; i < n; i++) {
    lines.push(`    - from: e${String(i - 1)}`, `      to: e${String(i)}`);
    if (i % 10 === 0) lines.push('      condition: size(message) >= 0 && state.last >= 0');
  }
  lines.push('layout:');
  for (let i = 0; i < n; i++) lines.push(`  e${String(i)}: { x: ${String(i * 240)}, y: 0 }`);
  return `${lines.join('\n')}\n`;
}

function time<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

describe('a 1,000-executor file', () => {
  it('compiles in well under a second (parse and validation figures are logged too)', () => {
    const text = generateWorkflowYaml(1000);
    const figures: { parse: number; compile: number }[] = [];
    for (let run = 0; run < 5; run++) {
      const parsed = time(() => parseWorkflowYaml(text));
      expect(parsed.value.problems).toEqual([]);
      const definition = parsed.value.definition;
      if (definition === undefined) throw new Error('no definition');
      const compiled = time(() => compileValidated(definition, {}));
      expect(compiled.value.getExecutors()).toHaveLength(1000);
      figures.push({ parse: parsed.ms, compile: compiled.ms });
    }
    const first = figures[0] as { parse: number; compile: number };
    const best = (key: 'parse' | 'compile') => Math.min(...figures.map((f) => f[key]));
    console.log(
      `1,000 executors: parse+validate ${first.parse.toFixed(1)} ms cold / ${best('parse').toFixed(1)} ms warm; ` +
        `compile ${first.compile.toFixed(1)} ms cold / ${best('compile').toFixed(1)} ms warm`,
    );
    expect(first.compile).toBeLessThan(1000);
  });

  it('runs', async () => {
    const definition = parseWorkflowYaml(generateWorkflowYaml(50)).definition;
    if (definition === undefined) throw new Error('no definition');
    const result = await compileValidated(definition, {}).run('go');
    expect(result.getFinalState()).toBe('idle');
    expect(result.getOutputs()).toHaveLength(10); // one per agent
  });
});
