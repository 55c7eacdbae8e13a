import { resolve } from 'node:path';
import { FileCheckpointStorage } from '../../node.js';
import { displayPath, expectPositionals, flag, parseCommandArgs, parsePositiveInteger, parseResponses, stringOption } from './args.js';
import { Reporter, toJsonLine } from './format.js';
import { CliError, ExitCode, type CliIo } from './io.js';
import { loadWorkflowFile } from './load.js';
import { modelFromEnv } from './model.js';
import { optional, printPause } from './run.js';
import { readRunRecord, RUN_RECORD_FILE } from './run-record.js';
import { messageOf, Session } from './session.js';

/**
 * `trellis resume DIR [--responses JSON] [--series ID] [--file FILE] [--json] [--max-iterations N]`:
 * rebuilds the workflow recorded in `DIR/trellis-run.json`, restores the series' latest
 * checkpoint (its pending requests are printed again) and delivers the answers. A wrong answer is
 * refused by the engine before anything runs: exit 2, nothing consumed, still resumable.
 */
export async function resumeCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseCommandArgs('resume', argv, {
    responses: { type: 'string' },
    series: { type: 'string' },
    file: { type: 'string' },
    json: { type: 'boolean' },
    'max-iterations': { type: 'string' },
  });
  const [dirArg = ''] = expectPositionals('resume', args, 'the checkpoint DIR', 1);
  const responsesText = stringOption(args, 'responses');
  const responses = responsesText === undefined ? undefined : parseResponses(responsesText);
  const maxIterations = parsePositiveInteger('--max-iterations', stringOption(args, 'max-iterations'));
  const dir = resolve(io.cwd, dirArg);
  const record = await readRunRecord(dir);
  const seriesId = stringOption(args, 'series') ?? record?.seriesId;
  if (seriesId === undefined) {
    throw new CliError(
      `${dirArg} has no ${RUN_RECORD_FILE}: it was not written by 'trellis run'. Name the run with --series ID and --file FILE`,
    );
  }
  const fileOption = stringOption(args, 'file');
  const file = fileOption === undefined ? record?.series[seriesId] : resolve(io.cwd, fileOption);
  if (file === undefined) {
    throw new CliError(`${dirArg}/${RUN_RECORD_FILE} does not say which workflow file wrote series '${seriesId}': pass --file FILE`);
  }
  const storage = new FileCheckpointStorage(dir);
  if ((await storage.latest({ seriesId })) === undefined) {
    const known = [...new Set((await storage.list()).map((checkpoint) => checkpoint.seriesId))];
    throw new CliError(
      `no checkpoints of series '${seriesId}' in ${dirArg} (${known.length === 0 ? 'it holds none' : `series: ${known.join(', ')}`})`,
    );
  }

  const reporter = new Reporter(io, flag(args, 'json'));
  const model = modelFromEnv(io.env);
  const workflow = await loadWorkflowFile(file, { cwd: io.cwd, client: model.client, ...optional({ maxIterations }) });
  reporter.info(`trellis: agents use ${model.description}`);
  reporter.info(`trellis: resuming series ${seriesId} from ${displayPath(io.cwd, dir)} (${displayPath(io.cwd, file)})`);

  const session = new Session(workflow, reporter, io);
  const onPause = (pending: Parameters<typeof printPause>[1]): Promise<void> => {
    printPause(reporter, pending, displayPath(io.cwd, dir), seriesId);
    return Promise.resolve();
  };
  return session.guard(async () => {
    let result = await session.drive(workflow.resume(seriesId, { stream: true, checkpointStorage: storage }));
    if (responses !== undefined && result.kind === 'ended' && (result.state === 'idle_with_pending_requests' || result.state === 'idle')) {
      for (const [requestId, answer] of Object.entries(responses)) reporter.say(`Answering ${requestId}: ${toJsonLine(answer)}`);
      result = await session.drive(workflow.sendResponses(responses, { stream: true }));
      if (result.kind === 'refused') {
        io.stderr.write(`trellis: ${messageOf(result.error)}\nNothing was consumed: the run is still paused.\n`);
        const pending = session.pending;
        if (pending.length > 0) printPause(reporter, pending, displayPath(io.cwd, dir), seriesId);
        return ExitCode.USAGE;
      }
    }
    return session.finish(result, onPause);
  });
}
