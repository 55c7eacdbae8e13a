import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { MockChatClient, WorkflowLoadError, WorkflowViz, type ChatClient, type CheckpointStorage, type Workflow } from '../../index.js';
import { loadWorkflowFromYamlFile } from '../../node.js';
import { displayPath, expectPositionals, flag, parseCommandArgs } from './args.js';
import { CliError, ExitCode, type CliIo } from './io.js';

/** One problem of a workflow file, as the loader reports it. */
export interface FileProblem {
  code: string;
  message: string;
  line: number;
  column: number;
  /** The file the problem is in when it is not the one loaded (a `ref:` sub-workflow). */
  file?: string;
}

/** How to load a workflow file for the CLI. */
export interface LoadOptions {
  cwd: string;
  client: ChatClient;
  checkpointStorage?: CheckpointStorage;
  maxIterations?: number;
}

/** `FILE:LINE:COLUMN CODE MESSAGE`, the line `trellis validate` prints per problem. */
export function formatProblem(file: string, problem: FileProblem): string {
  const where = problem.file ?? file;
  return `${where}:${String(problem.line)}:${String(problem.column)} ${problem.code} ${problem.message.replace(/\s*\n\s*/g, ' ')}`;
}

/**
 * The problems of a workflow file: none when it loads. A file that cannot be read is one
 * `file_unreadable` problem; an error the loader reports without a position is placed at 1:1.
 */
export async function checkWorkflowFile(file: string, options: LoadOptions): Promise<FileProblem[]> {
  const path = resolve(options.cwd, file);
  try {
    await readFile(path, 'utf8');
  } catch (error) {
    return [{ code: 'file_unreadable', message: `cannot read the file: ${reasonOf(error)}`, line: 1, column: 1 }];
  }
  try {
    await loadWorkflowFromYamlFile(path, loaderOptions(options));
    return [];
  } catch (error) {
    return problemsOf(error, file, options);
  }
}

/**
 * Loads a workflow file.
 * @throws CliError (usage) naming every problem of a file that is missing, unreadable or invalid.
 */
export async function loadWorkflowFile(file: string, options: LoadOptions): Promise<Workflow> {
  const path = resolve(options.cwd, file);
  try {
    await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${reasonOf(error)}`);
  }
  try {
    return await loadWorkflowFromYamlFile(path, loaderOptions(options));
  } catch (error) {
    const problems = problemsOf(error, file, options);
    const lines = problems.map((problem) => `  ${formatProblem(file, problem)}`).join('\n');
    throw new CliError(
      `${file} is not a valid workflow (${String(problems.length)} problem${problems.length === 1 ? '' : 's'}):\n${lines}`,
    );
  }
}

function loaderOptions(options: LoadOptions): Parameters<typeof loadWorkflowFromYamlFile>[1] {
  return {
    client: options.client,
    ...(options.checkpointStorage === undefined ? {} : { checkpointStorage: options.checkpointStorage }),
    ...(options.maxIterations === undefined ? {} : { maxIterations: options.maxIterations }),
  };
}

/**
 * The problems a load failed with. The loader names each problem's file after the (absolute) path
 * it was given; show the loaded file as the user spelled it and other files relative to `cwd`.
 */
function problemsOf(error: unknown, file: string, options: LoadOptions): FileProblem[] {
  if (error instanceof WorkflowLoadError && error.problems.length > 0) {
    const path = resolve(options.cwd, file);
    return error.problems.map((problem) => {
      const where = (problem as { file?: unknown }).file;
      const display = typeof where !== 'string' || resolve(options.cwd, where) === path ? file : displayPath(options.cwd, where);
      return { code: problem.code, message: problem.message, line: problem.line, column: problem.column, file: display };
    });
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  return [{ code: typeof code === 'string' ? code : 'load_failed', message: reasonOf(error), line: 1, column: 1 }];
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `trellis validate FILE...`: one `FILE:LINE:COLUMN CODE MESSAGE` line per problem on stdout (an
 * unreadable file is a `file_unreadable` problem), `FILE: ok` for a file without any; exit 1 if
 * any file has a problem. Validation never calls a model: agents are built on the offline mock.
 */
export async function validateCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseCommandArgs('validate', argv, {});
  const files = expectPositionals('validate', args, 'a workflow FILE', 1, Infinity);
  let failed = false;
  for (const file of files) {
    const problems = await checkWorkflowFile(file, { cwd: io.cwd, client: new MockChatClient() });
    if (problems.length === 0) io.stdout.write(`${file}: ok\n`);
    for (const problem of problems) io.stdout.write(`${formatProblem(file, problem)}\n`);
    failed ||= problems.length > 0;
  }
  return failed ? ExitCode.PROBLEMS : ExitCode.OK;
}

/** `trellis viz FILE [--dot]`: the graph as a Mermaid flowchart, or Graphviz DOT. */
export async function vizCommand(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseCommandArgs('viz', argv, { dot: { type: 'boolean' } });
  const [file = ''] = expectPositionals('viz', args, 'the workflow FILE', 1);
  const workflow = await loadWorkflowFile(file, { cwd: io.cwd, client: new MockChatClient() });
  const viz = new WorkflowViz(workflow);
  io.stdout.write(`${flag(args, 'dot') ? viz.toDot() : viz.toMermaid()}\n`);
  return ExitCode.OK;
}
