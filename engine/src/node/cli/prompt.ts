import { createInterface, type Interface } from 'node:readline';
import type { RequestInfoEvent } from '../../index.js';
import { describeResponseType, parseAnswer } from './answers.js';
import type { CliInput } from './io.js';
import { requestText, type Reporter } from './format.js';

/**
 * Reads lines from stdin one at a time, on demand. `next()` resolves to undefined at the end of
 * input (Ctrl-D) or after {@link LineReader.abort} (Ctrl-C).
 */
export class LineReader {
  readonly #input: CliInput;
  #rl: Interface | undefined;
  readonly #lines: string[] = [];
  #waiting: ((line: string | undefined) => void) | undefined;
  #closed = false;

  constructor(input: CliInput) {
    this.#input = input;
  }

  /** The next line, or undefined when input ended or was aborted. */
  next(): Promise<string | undefined> {
    this.#open();
    const line = this.#lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.#closed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      this.#waiting = resolve;
    });
  }

  /** Stops reading: a pending `next()` resolves to undefined, and so does every later one. */
  abort(): void {
    this.#closed = true;
    this.#rl?.close();
    this.#deliver(undefined);
  }

  /** Releases stdin (so the process can exit). */
  close(): void {
    this.#rl?.close();
  }

  #open(): void {
    if (this.#rl !== undefined || this.#closed) return;
    const rl = createInterface({ input: this.#input, terminal: false, crlfDelay: Infinity });
    rl.on('line', (line) => {
      if (this.#waiting === undefined) this.#lines.push(line);
      else this.#deliver(line);
    });
    rl.on('close', () => {
      this.#closed = true;
      this.#deliver(undefined);
    });
    this.#rl = rl;
  }

  #deliver(line: string | undefined): void {
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.(line);
  }
}

/**
 * Asks each pending request on the terminal, re-asking after an answer of the wrong form.
 * @returns the answers by request id, or undefined when input ended (or Ctrl-C) before all were given.
 */
export async function askRequests(
  requests: readonly RequestInfoEvent[],
  reader: LineReader,
  reporter: Reporter,
  write: (text: string) => void,
): Promise<Record<string, unknown> | undefined> {
  const answers: Record<string, unknown> = {};
  for (const request of requests) {
    for (;;) {
      write(`  › ${requestText(request.data)} (${describeResponseType(request.responseType)}): `);
      const line = await reader.next();
      if (line === undefined) {
        write('\n');
        return undefined;
      }
      const parsed = parseAnswer(line, request.responseType);
      if (parsed.ok) {
        answers[request.requestId] = parsed.value;
        break;
      }
      reporter.say(reporter.styles.red(`  ✗ ${parsed.message}`));
    }
  }
  return answers;
}
