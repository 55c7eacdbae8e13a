import { describe, expect, it } from 'vitest';
import { chatClientFor } from '../model-client.ts';
import { MOCK_MODEL } from '../protocol.ts';

async function streamed(delayMs: number, signal?: AbortSignal): Promise<{ deltas: string[]; gaps: number[] }> {
  const deltas: string[] = [];
  const gaps: number[] = [];
  let last = performance.now();
  const updates = chatClientFor(MOCK_MODEL, delayMs).getStreamingResponse([{ role: 'user', text: 'A slogan for an electric SUV' }], {
    agentName: 'Writer',
    ...(signal === undefined ? {} : { signal }),
  });
  for await (const update of updates) {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
    deltas.push(update.delta);
  }
  return { deltas, gaps };
}

describe('chatClientFor: the offline mock', () => {
  it('streams at once by default, and paces its deltas when given a delay', async () => {
    const quick = await streamed(0);
    const paced = await streamed(20);
    expect(paced.deltas).toEqual(quick.deltas);
    expect(paced.deltas.length).toBeGreaterThan(3);
    // (timers may fire a millisecond early)
    expect(Math.min(...paced.gaps)).toBeGreaterThanOrEqual(18);
  });

  it('a paced reply stops at once when its run is stopped', async () => {
    const controller = new AbortController();
    const startedAt = performance.now();
    setTimeout(() => {
      controller.abort(new Error('stopped'));
    }, 30);
    await expect(streamed(1000, controller.signal)).rejects.toThrow('stopped');
    expect(performance.now() - startedAt).toBeLessThan(500);
  });
});
