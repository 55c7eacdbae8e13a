import { InMemoryCheckpointStorage } from '@trellis/engine';
import { describe, expect, it } from 'vitest';
import { EngineHost } from '../engine-host.ts';
import type { HostMessage, RunEndedMessage } from '../protocol.ts';
import { TICKER_YAML } from './test-workflows.ts';

/** Resolves once `check` holds, looking after each macrotask (at most a second). */
async function until(check: () => boolean): Promise<void> {
  for (let tries = 0; tries < 200 && !check(); tries++) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('EngineHost when posting fails', () => {
  it('still ends the continuation, failed with the error, and runs the next one', async () => {
    const ends: RunEndedMessage[] = [];
    let refuseNextEnd = true;
    const host = new EngineHost({
      createStorage: () => new InMemoryCheckpointStorage(),
      post: (message: HostMessage) => {
        if (message.type !== 'run_ended') return;
        if (refuseNextEnd) {
          refuseNextEnd = false;
          throw new DOMException('#<Object> could not be cloned.', 'DataCloneError');
        }
        ends.push(message);
      },
    });
    host.handle({ type: 'start', runId: 'r1', yamlText: TICKER_YAML, input: 1, model: { kind: 'mock' }, checkpointScope: 's' });
    await until(() => ends.length === 1);
    expect(ends[0]).toMatchObject({
      runId: 'r1',
      outcome: {
        reason: 'failed',
        state: 'failed',
        error: { name: 'DataCloneError', message: 'The engine host failed: #<Object> could not be cloned.' },
      },
    });

    host.handle({ type: 'start', runId: 'r2', yamlText: TICKER_YAML, input: 1, model: { kind: 'mock' }, checkpointScope: 's' });
    await until(() => ends.length === 2);
    expect(ends[1]).toMatchObject({ runId: 'r2', outcome: { reason: 'finished', state: 'idle' } });
  });
});
