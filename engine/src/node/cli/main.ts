/**
 * The `trellis` command line: `run`, `resume`, `validate`, `viz`. `engine/bin/trellis.js` calls
 * {@link runCli}; tests call {@link main} with their own streams.
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs';
import { COMMAND_HELP, MAIN_HELP } from './help.js';
import { inspect } from 'node:util';
import { validateCommand, vizCommand } from './load.js';
import { CliError, ExitCode, nodeIo, type CliIo } from './io.js';
import { resumeCommand } from './resume.js';
import { runCommand } from './run.js';

export { ExitCode, type CliIo, type CliInput, type CliOutput } from './io.js';

type Command = (argv: readonly string[], io: CliIo) => Promise<ExitCode>;

const COMMANDS: Readonly<Record<string, Command>> = {
  run: runCommand,
  resume: resumeCommand,
  validate: validateCommand,
  viz: vizCommand,
};

/**
 * Runs one `trellis` invocation. Never throws and never exits the process.
 * @param argv The arguments after the program name, e.g. `['run', 'a.workflow.yaml', '--input', 'hi']`.
 * @param io Where to write, read and look up the environment (see `nodeIo()` for the real process).
 * @returns The exit code: 0 completed, 1 validate found problems, 2 usage or invalid workflow,
 * 3 run failed, 4 paused for answers without a terminal, 130 cancelled.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr.write(`${MAIN_HELP}\n`);
    return ExitCode.USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? rest[0] : undefined;
    io.stdout.write(`${(topic === undefined ? undefined : COMMAND_HELP[topic]) ?? MAIN_HELP}\n`);
    return ExitCode.OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${version()}\n`);
    return ExitCode.OK;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    io.stderr.write(`trellis: unknown command '${name}' (commands: ${Object.keys(COMMANDS).join(', ')}; see trellis --help)\n`);
    return ExitCode.USAGE;
  }
  const optionsEnd = rest.indexOf('--');
  const options = optionsEnd === -1 ? rest : rest.slice(0, optionsEnd);
  if (options.includes('--help') || options.includes('-h')) {
    io.stdout.write(`${COMMAND_HELP[name] ?? MAIN_HELP}\n`);
    return ExitCode.OK;
  }
  try {
    return await command(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr.write(`trellis: ${error.message}\n`);
      return error.exitCode;
    }
    io.stderr.write(`trellis: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : inspect(error)}\n`);
    return ExitCode.FAILED;
  }
}

/** The version of `@trellis/engine` (the `trellis` command's version). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

/**
 * The binary's entry: runs {@link main} on the process's arguments and streams, then exits with its
 * code once the output is flushed (so open model connections do not hold the process).
 */
export async function runCli(argv: readonly string[] = process.argv.slice(2)): Promise<never> {
  // `trellis run ... --json | head` closes the pipe early: stop quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(ExitCode.OK);
  });
  const code = await main(argv, nodeIo());
  await Promise.all([flush(process.stdout), flush(process.stderr)]);
  process.exit(code);
}

function flush(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    stream.write('', () => {
      resolve();
    });
  });
}
