import type { RequestInfoEvent, Workflow, WorkflowEventStream, WorkflowRunState } from '../../index.js';
import { toJsonLine, type Reporter } from './format.js';
import { ExitCode, type CliIo } from './io.js';
import { askRequests, LineReader } from './prompt.js';

/** How one stream of events ended. */
export type DriveResult =
  | { kind: 'ended'; state: WorkflowRunState; error?: unknown }
  /** The engine refused before the run started (e.g. a wrong answer); nothing changed. */
  | { kind: 'refused'; error: unknown };

/** What to do when the run pauses and no terminal can ask: save it and say how to continue. */
export type PauseHandler = (pending: RequestInfoEvent[]) => Promise<void>;

/**
 * One CLI invocation's conversation with a workflow: prints the events of its runs, keeps track of
 * outputs and pending requests, asks pending requests on a terminal, and maps the way it ended to
 * an exit code. Ctrl-C cancels the active run (or the question being asked).
 */
export class Session {
  readonly outputs: unknown[] = [];
  readonly #pending = new Map<string, RequestInfoEvent>();
  readonly #workflow: Workflow;
  readonly #reporter: Reporter;
  readonly #io: CliIo;
  readonly #reader: LineReader;
  #cancelled = false;

  constructor(workflow: Workflow, reporter: Reporter, io: CliIo) {
    this.#workflow = workflow;
    this.#reporter = reporter;
    this.#io = io;
    this.#reader = new LineReader(io.stdin);
  }

  /** True once Ctrl-C was pressed. */
  get cancelled(): boolean {
    return this.#cancelled;
  }

  /** The requests still waiting for an answer, in the order they were asked. */
  get pending(): RequestInfoEvent[] {
    const live = new Set(this.#workflow.pendingRequestIds);
    return [...this.#pending.values()].filter((request) => live.has(request.requestId));
  }

  /** Runs `body` with Ctrl-C cancelling the workflow; releases stdin afterwards. */
  async guard<T>(body: () => Promise<T>): Promise<T> {
    const stop = this.#io.onInterrupt?.(() => {
      this.#cancelled = true;
      this.#reporter.info('Cancelling (press Ctrl-C again to exit at once)...');
      this.#workflow.cancel();
      this.#reader.abort();
    });
    try {
      return await body();
    } finally {
      stop?.();
      this.#reader.close();
    }
  }

  /** Prints a stream's events as they come and says how it ended. */
  async drive(stream: WorkflowEventStream): Promise<DriveResult> {
    let seen = false;
    let state: WorkflowRunState | undefined;
    try {
      for await (const event of stream) {
        seen = true;
        this.#reporter.event(event);
        if (event.type === 'request_info') this.#pending.set(event.requestId, event);
        else if (event.type === 'workflow_output') this.outputs.push(event.data);
        else if (event.type === 'workflow_complete') state = event.state;
      }
    } catch (error) {
      if (!seen) return { kind: 'refused', error };
      return { kind: 'ended', state: state ?? 'failed', error };
    }
    return { kind: 'ended', state: state ?? 'failed' };
  }

  /**
   * Carries a run on from how `result` ended: while it waits for answers, asks them on the terminal
   * (stdin a TTY) and sends them, or else calls `onPause` and ends with exit code 4.
   */
  async finish(result: DriveResult, onPause: PauseHandler): Promise<ExitCode> {
    let current = result;
    for (;;) {
      if (current.kind === 'refused') return this.#refused(current.error);
      if (this.#cancelled || current.state === 'cancelled') return this.#end('cancelled');
      if (current.state === 'failed') return this.#failed(current.error);
      const pending = this.pending;
      if (current.state !== 'idle_with_pending_requests' || pending.length === 0) return this.#end('idle');
      const answers = this.#io.stdin.isTTY === true ? await askRequests(pending, this.#reader, this.#reporter, this.#ask) : undefined;
      if (this.cancelled) return this.#end('cancelled');
      if (answers === undefined) {
        await onPause(pending);
        return ExitCode.PAUSED;
      }
      current = await this.drive(this.#workflow.sendResponses(answers, { stream: true }));
      if (current.kind === 'refused') {
        // The engine checks answers before anything runs: say why, and ask again.
        this.#reporter.say(this.#reporter.styles.red(`✗ ${messageOf(current.error)}`));
        current = { kind: 'ended', state: 'idle_with_pending_requests' };
      }
    }
  }

  readonly #ask = (text: string): void => {
    (this.#reporter.json ? this.#io.stderr : this.#io.stdout).write(text);
  };

  #refused(error: unknown): ExitCode {
    this.#io.stderr.write(`trellis: ${messageOf(error)}\n`);
    return ExitCode.USAGE;
  }

  #failed(error: unknown): ExitCode {
    this.#summary('failed');
    const message = error === undefined ? 'the run failed' : messageOf(error);
    this.#io.stderr.write(`${this.#reporter.styles.red(`trellis: ${message}`)}\n`);
    return ExitCode.FAILED;
  }

  #end(state: 'idle' | 'cancelled'): ExitCode {
    this.#summary(state);
    return state === 'idle' ? ExitCode.OK : ExitCode.CANCELLED;
  }

  #summary(state: WorkflowRunState): void {
    const reporter = this.#reporter;
    if (!reporter.json && this.outputs.length > 0) {
      reporter.say(`\nOutputs (${String(this.outputs.length)}):`);
      for (const output of this.outputs) reporter.say(indent(summaryText(output)));
    }
    reporter.say(`State: ${state}`);
  }
}

/** An error's message (without the stack). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function summaryText(output: unknown): string {
  if (typeof output === 'string') return output;
  if (typeof output === 'object' && output !== null && typeof (output as { text?: unknown }).text === 'string') {
    return (output as { text: string }).text;
  }
  try {
    return JSON.stringify(output, null, 2);
  } catch {
    return toJsonLine(output); // bigint and other values JSON cannot hold
  }
}

function indent(text: string): string {
  return text.replace(/^/gm, '  ');
}
