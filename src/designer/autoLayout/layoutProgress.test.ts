import { describe, expect, it } from 'vitest';
import { isLayingOut, whileLayingOut } from './layoutProgress.ts';

describe('layout progress', () => {
  it('is under way until the work settles, and after two overlapping layouts until both have', async () => {
    expect(isLayingOut()).toBe(false);
    let finishFirst: (value: string) => void = () => undefined;
    const first = whileLayingOut(() => new Promise<string>((resolve) => (finishFirst = resolve)));
    expect(isLayingOut()).toBe(true);
    const second = whileLayingOut(() => Promise.resolve('second'));
    await expect(second).resolves.toBe('second');
    expect(isLayingOut()).toBe(true);
    finishFirst('first');
    await expect(first).resolves.toBe('first');
    expect(isLayingOut()).toBe(false);
  });

  it('ends when the work fails, passing the failure on', async () => {
    await expect(whileLayingOut(() => Promise.reject(new Error('no layout')))).rejects.toThrow('no layout');
    expect(isLayingOut()).toBe(false);
  });
});
