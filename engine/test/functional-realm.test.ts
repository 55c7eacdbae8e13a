import { describe, expect, it } from 'vitest';
import { WorkflowStateError, step, workflow } from '../src/index.js';
import { deferred } from './helpers.js';

// Without an async-context store (none is installed in this file), one functional run per realm.
describe('functional workflow: overlapping runs without AsyncLocalStorage', () => {
  it('refuses a second functional run while another is active, and allows it afterwards', async () => {
    const gate = deferred();
    const hold = step(async function hold(s: string) {
      await gate.promise;
      return s;
    });
    const first = workflow(async function first(s: string) {
      return hold(s);
    });
    const second = workflow(async function second(s: string) {
      return hold(s);
    });
    const running = first.run('a');
    await expect(second.run('b')).rejects.toThrow(WorkflowStateError);
    await expect(second.run('b')).rejects.toThrow(
      /'second' cannot start while functional workflow 'first' is running.*installAsyncLocalStorage/,
    );
    const refusedStream = second.run('b', { stream: true });
    await expect(refusedStream.getFinalResponse()).rejects.toThrow(WorkflowStateError);
    gate.resolve();
    expect((await running).getOutputs()).toEqual(['a']);
    expect((await second.run('b')).getOutputs()).toEqual(['b']);
  });
});
