/**
 * The command line's view of its host: where it writes, what it reads, its environment. `main()`
 * takes one of these so tests can run the CLI in-process with fake streams; the `trellis` binary
 * passes {@link nodeIo}.
 */

/** A stream the CLI writes text to. */
export interface CliOutput {
  write(text: string): unknown;
  /** True when a terminal shows the text (enables colours). */
  readonly isTTY?: boolean | undefined;
}

/** The stream human answers are read from. */
export type CliInput = NodeJS.ReadableStream & { readonly isTTY?: boolean | undefined };

/** Everything the CLI touches outside itself. */
export interface CliIo {
  readonly stdout: CliOutput;
  readonly stderr: CliOutput;
  readonly stdin: CliInput;
  /** The environment (model configuration, `NO_COLOR`). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The working directory relative paths resolve against. */
  readonly cwd: string;
  /**
   * Calls `handler` on Ctrl-C until the returned function is called. The binary's version exits at
   * once with code 130 on a second Ctrl-C.
   */
  onInterrupt?(handler: () => void): () => void;
}

/** The CLI's exit codes (also listed by `trellis --help`). */
export const ExitCode = {
  /** The run completed (idle), or the command succeeded. */
  OK: 0,
  /** `trellis validate` found problems. */
  PROBLEMS: 1,
  /** Bad arguments, a missing or invalid workflow file, a wrong answer. */
  USAGE: 2,
  /** The run failed. */
  FAILED: 3,
  /** The run paused for answers and no terminal could ask them. */
  PAUSED: 4,
  /** Cancelled with Ctrl-C. */
  CANCELLED: 130,
} as const;

/** One of {@link ExitCode}'s values. */
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** An error that ends the command with a message (no stack) and an exit code. */
export class CliError extends Error {
  readonly exitCode: ExitCode;

  constructor(message: string, exitCode: ExitCode = ExitCode.USAGE) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** The real process: its streams, environment and SIGINT (a second Ctrl-C exits at once). */
export function nodeIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    onInterrupt(handler) {
      let count = 0;
      const listener = (): void => {
        count += 1;
        if (count > 1) process.exit(ExitCode.CANCELLED);
        handler();
      };
      process.on('SIGINT', listener);
      return () => process.off('SIGINT', listener);
    },
  };
}

/** Text styles, applied only when the stream is a terminal and `NO_COLOR` is unset. */
export interface Styles {
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly dim: (text: string) => string;
}

/** Styles for `stream` under `env` (plain text unless it is a terminal and `NO_COLOR` is unset). */
export function stylesFor(stream: CliOutput, env: CliIo['env']): Styles {
  const on = stream.isTTY === true && (env['NO_COLOR'] ?? '') === '';
  const wrap = (code: number, reset: number) => (text: string) => (on ? `\u001b[${code}m${text}\u001b[${reset}m` : text);
  return { red: wrap(31, 39), yellow: wrap(33, 39), dim: wrap(2, 22) };
}
