import { resolve } from 'node:path';
import { InMemoryCheckpointStorage, type CheckpointStorage, type RequestInfoEvent } from '../../index.js';
import { FileCheckpointStorage } from '../../node.js';
import { describeResponseType, exampleAnswer } from './answers.js';
import {
  displayPath,
  expectPositionals,
  flag,
  parseCommandArgs,
  parseInputValue,
  parsePositiveInteger,
  shellQuote,
  stringOption,
} from './args.js';
import { preview, requestText, Reporter } from './format.js';
import { CliError, type CliIo, type ExitCode } from './io.js';
import { loadWorkflowFile } from './load.js';
import { modelFromEnv } from './model.js';
import { copySeries, defaultCheckpointDir, newSeriesId, recordRun } from './run-record.js';
import { Session } from './session.js';

/** `trellis run FILE [--input JSON|TEXT] [--json] [--checkpoints DIR] [--max-iterations N]`. */
export async function runCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseCommandArgs('run', argv, {
    input: { type: 'string' },
    json: { type: 'boolean' },
    checkpoints: { type: 'string' },
    'max-iterations': { type: 'string' },
  });
  const [file = ''] = expectPositionals('run', args, 'the workflow FILE', 1);
  const inputText = stringOption(args, 'input');
  if (inputText === undefined) throw new CliError('run: missing --input (the run input: JSON, or else text)');
  const input = parseInputValue(inputText);
  const maxIterations = parsePositiveInteger('--max-iterations', stringOption(args, 'max-iterations'));
  const reporter = new Reporter(io, flag(args, 'json'));
  const model = modelFromEnv(io.env);
  const workflow = await loadWorkflowFile(file, { cwd: io.cwd, client: model.client, ...optional({ maxIterations }) });
  reporter.info(`trellis: agents use ${model.description}`);

  const path = resolve(io.cwd, file);
  const seriesId = newSeriesId();
  const checkpointsOption = stringOption(args, 'checkpoints');
  let storage: CheckpointStorage;
  if (checkpointsOption === undefined) {
    // Kept in memory, and written to .trellis/checkpoints/<name> only if the run pauses unanswered.
    storage = new InMemoryCheckpointStorage();
  } else {
    const dir = resolve(io.cwd, checkpointsOption);
    storage = new FileCheckpointStorage(dir);
    await recordRun(dir, { file: path, seriesId, workflowName: workflow.name });
    reporter.info(`trellis: checkpoints in ${displayPath(io.cwd, dir)} (series ${seriesId})`);
  }

  const session = new Session(workflow, reporter, io);
  return session.guard(async () => {
    const result = await session.drive(workflow.run(input, { stream: true, checkpointId: seriesId, checkpointStorage: storage }));
    return session.finish(result, async (pending) => {
      let dir: string;
      if (storage instanceof FileCheckpointStorage) {
        dir = storage.dir;
      } else {
        dir = defaultCheckpointDir(io.cwd, workflow.name);
        await copySeries(storage, new FileCheckpointStorage(dir), seriesId);
        await recordRun(dir, { file: path, seriesId, workflowName: workflow.name });
        reporter.say(`Saved the paused run to ${displayPath(io.cwd, dir)} (no --checkpoints given).`);
      }
      printPause(reporter, pending, displayPath(io.cwd, dir), seriesId);
    });
  });
}

/**
 * Prints the requests a paused run waits for and the exact command that answers them, e.g.
 * `trellis resume DIR --series ID --responses '{"approve": true}'`.
 */
export function printPause(reporter: Reporter, pending: readonly RequestInfoEvent[], dir: string, seriesId: string): void {
  reporter.say(`\nPaused: ${String(pending.length)} request${pending.length === 1 ? '' : 's'} waiting for an answer.`);
  for (const request of pending) {
    reporter.say(`  ${request.requestId}: ${requestText(request.data)} (answer: ${describeType(request)})`);
    const input = typeof request.data === 'object' && request.data !== null ? (request.data as { input?: unknown }).input : undefined;
    if (input !== undefined) reporter.say(`    input: ${preview(input)}`);
  }
  const answers = `{${pending.map((request) => `${JSON.stringify(request.requestId)}: ${exampleAnswer(request.responseType)}`).join(', ')}}`;
  reporter.say('Continue with:');
  reporter.say(`  trellis resume ${shellQuote(dir)} --series ${shellQuote(seriesId)} --responses ${shellQuote(answers)}`);
}

function describeType(request: RequestInfoEvent): string {
  return `${describeResponseType(request.responseType)}, e.g. ${exampleAnswer(request.responseType)}`;
}

/** `{ key: value }` without the keys whose value is undefined (for exact optional properties). */
export function optional<T extends Record<string, unknown>>(values: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}
