import { readFileSync } from 'node:fs';

/** The text of an example of the gallery (`public/examples/<name>.workflow.yaml`). */
export function exampleYaml(name: string): string {
  return readFileSync(new URL(`../../../public/examples/${name}.workflow.yaml`, import.meta.url), 'utf8');
}

/** Emits `input` custom `tick` events (data 0, 1, ...), then outputs 'done'. */
export const TICKER_YAML = `
workflow:
  name: ticker
  start: tick
  executors:
    - id: tick
      type: function
      input: number
      code: |
        for (let i = 0; i < input; i++) await ctx.addEvent({ type: 'tick', data: i })
        return 'done'
    - id: result
      type: output
  edges:
    - from: tick
      to: result
`;

/** Waits, a little at a time, until it is cancelled (it honours the context's abort signal). */
export const WAITING_YAML = `
workflow:
  name: waiting
  start: wait
  executors:
    - id: wait
      type: function
      input: string
      code: |
        while (!ctx.signal.aborted) await new Promise((resolve) => setTimeout(resolve, 5))
        return 'stopped'
    - id: result
      type: output
  edges:
    - from: wait
      to: result
`;

/** Passes its input on, then the second step throws. */
export const FAILING_YAML = `
workflow:
  name: failing
  start: prepare
  executors:
    - id: prepare
      type: function
      input: string
      code: return input + '?'
    - id: explode
      type: function
      input: string
      code: throw new Error('explode could not handle ' + input)
    - id: result
      type: output
  edges:
    - from: prepare
      to: explode
    - from: explode
      to: result
`;

/** Two problems: the start names no executor, and an edge goes nowhere. */
export const BROKEN_YAML = `
workflow:
  name: broken
  start: nowhere
  executors:
    - id: only
      type: output
  edges:
    - from: only
      to: missing
`;

/** One agent node: what it says comes from the configured model. */
export const AGENT_YAML = `
workflow:
  name: one_agent
  start: writer
  executors:
    - id: writer
      type: agent
      name: Writer
      instructions: You write slogans.
  edges: []
`;

/** Emits a custom event holding values structured cloning cannot carry as they are. */
export const ODD_VALUES_YAML = `
workflow:
  name: odd_values
  start: odd
  executors:
    - id: odd
      type: function
      input: string
      code: |
        class Point { constructor() { this.x = 1; this.y = 2 } norm() { return Math.hypot(this.x, this.y) } }
        await ctx.addEvent({ type: 'odd', data: { shout: function shout() {}, tag: Symbol('tag'), point: new Point(), when: new Date(0), list: [1, 'two'] } })
        return input
    - id: result
      type: output
  edges:
    - from: odd
      to: result
`;
