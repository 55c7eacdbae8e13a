import { describe, expect, it } from 'vitest';
import { DebouncedWriter, type WriteTimer } from './debouncedWriter.ts';

/** A manual clock: timers fire only when the test advances time. */
class FakeTimer implements WriteTimer {
  now = 0;
  #next = 1;
  readonly #timers = new Map<number, { at: number; callback: () => void }>();

  set = (callback: () => void, delayMs: number): unknown => {
    const handle = this.#next++;
    this.#timers.set(handle, { at: this.now + delayMs, callback });
    return handle;
  };

  clear = (handle: unknown): void => {
    this.#timers.delete(handle as number);
  };

  get armed(): number {
    return this.#timers.size;
  }

  advance(ms: number): void {
    this.now += ms;
    for (const [handle, timer] of [...this.#timers].sort((a, b) => a[1].at - b[1].at)) {
      if (timer.at > this.now) continue;
      this.#timers.delete(handle);
      timer.callback();
    }
  }
}

function setup(delayMs = 200) {
  const timer = new FakeTimer();
  const writes: string[] = [];
  const writer = new DebouncedWriter<string>((text) => writes.push(text), delayMs, timer);
  return { timer, writes, writer };
}

describe('DebouncedWriter', () => {
  it('writes a burst of pushes once, with the last value, after the pause', () => {
    const { timer, writes, writer } = setup();
    for (const text of ['r', 're', 'ret', 'return']) {
      writer.push(text);
      timer.advance(100);
    }
    expect(writes).toEqual([]);
    expect(writer.pending).toBe(true);
    expect(writer.value).toBe('return');
    timer.advance(100);
    expect(writes).toEqual(['return']);
    expect(writer.pending).toBe(false);
    expect(writer.value).toBeUndefined();
  });

  it('writes separate bursts separately', () => {
    const { timer, writes, writer } = setup();
    writer.push('a');
    timer.advance(250);
    writer.push('ab');
    timer.advance(250);
    expect(writes).toEqual(['a', 'ab']);
  });

  it('flush writes the held value at once and cancels the timer', () => {
    const { timer, writes, writer } = setup();
    writer.push('typed');
    writer.flush();
    expect(writes).toEqual(['typed']);
    expect(timer.armed).toBe(0);
    timer.advance(1000);
    expect(writes).toEqual(['typed']);
  });

  it('flush without a held value writes nothing', () => {
    const { writes, writer } = setup();
    writer.flush();
    writer.push('x');
    writer.flush();
    writer.flush();
    expect(writes).toEqual(['x']);
  });

  it('writes an empty text (emptying a field is an edit too)', () => {
    const { writes, writer } = setup();
    writer.push('');
    writer.flush();
    expect(writes).toEqual(['']);
  });

  it('a push from inside the write starts a new wait instead of being dropped', () => {
    const timer = new FakeTimer();
    const writes: string[] = [];
    const writer: DebouncedWriter<string> = new DebouncedWriter<string>(
      (text) => {
        writes.push(text);
        if (text === 'first') writer.push('second');
      },
      200,
      timer,
    );
    writer.push('first');
    writer.flush();
    expect(writer.pending).toBe(true);
    timer.advance(200);
    expect(writes).toEqual(['first', 'second']);
  });
});

describe('DebouncedWriter.retarget', () => {
  it('writes the held value through the latest target', () => {
    const { writes, writer } = setup();
    const later: string[] = [];
    writer.push('typed');
    writer.retarget((text) => later.push(text));
    writer.flush();
    expect(writes).toEqual([]);
    expect(later).toEqual(['typed']);
  });
});
