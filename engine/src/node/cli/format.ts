import { isAgentExecutorResponse, type WorkflowEvent } from '../../index.js';
import { stylesFor, type CliIo, type CliOutput, type Styles } from './io.js';
import { describeResponseType } from './answers.js';

/** How long a value may get on one line of the readable event log. */
const PREVIEW_LENGTH = 200;

/**
 * Writes a run's events: in readable mode one line per interesting event on stdout (agent tokens
 * inline as they stream); with `json`, every event as one JSON object per line on stdout and
 * nothing else, all human text going to stderr.
 */
export class Reporter {
  readonly json: boolean;
  readonly #stdout: CliOutput;
  readonly #stderr: CliOutput;
  readonly #styles: Styles;
  /** The executor whose streamed tokens are being written on the open line, if any. */
  #inline: string | undefined;
  /** Executors whose reply streamed since they started (their output is not repeated in full). */
  readonly #streamed = new Set<string>();

  constructor(io: CliIo, json: boolean) {
    this.json = json;
    this.#stdout = io.stdout;
    this.#stderr = io.stderr;
    this.#styles = stylesFor(json ? io.stderr : io.stdout, io.env);
  }

  /** The styles of the human-readable channel. */
  get styles(): Styles {
    return this.#styles;
  }

  /** A diagnostic line (model, checkpoint folder): always stderr. */
  info(text: string): void {
    this.#endInline();
    this.#stderr.write(`${text}\n`);
  }

  /** A line for the reader: stdout in readable mode, stderr with `--json`. */
  say(text: string): void {
    this.#endInline();
    (this.json ? this.#stderr : this.#stdout).write(`${text}\n`);
  }

  /** Writes one event. */
  event(event: WorkflowEvent): void {
    if (this.json) {
      this.#stdout.write(`${toJsonLine(event)}\n`);
      return;
    }
    if (event.type === 'agent_update') {
      this.#streamed.add(event.executorId);
      if (this.#inline !== event.executorId) {
        this.#endInline();
        this.#stdout.write('  ');
        this.#inline = event.executorId;
      }
      this.#stdout.write(event.delta.replace(/\n/g, '\n  '));
      return;
    }
    const line = this.#describe(event);
    if (line !== undefined) this.say(line);
  }

  #describe(event: WorkflowEvent): string | undefined {
    const { red, yellow, dim } = this.#styles;
    switch (event.type) {
      case 'workflow_start':
        return dim(`● ${event.workflowName} (run ${event.runId})`);
      case 'executor_start':
        this.#streamed.delete(event.executorId);
        return `▶ ${event.executorId}`;
      case 'executor_output': {
        const to = event.targetId === undefined ? '' : dim(` (to ${event.targetId})`);
        if (isAgentExecutorResponse(event.data)) {
          return `  → ${event.data.executorId}'s reply, with the conversation (${plural(event.data.fullConversation.length, 'message')})${to}`;
        }
        return `  → ${preview(event.data)}${to}`;
      }
      case 'executor_complete':
        return `✓ ${event.executorId} ${dim(`(${String(Math.round(event.durationMs))} ms)`)}`;
      case 'workflow_output':
        if (isAgentResponseLike(event.data) && this.#streamed.has(event.executorId)) {
          return `⇒ output: ${event.executorId}'s reply above (${plural(event.data.text.length, 'character')})`;
        }
        return `⇒ output: ${preview(event.data)}`;
      case 'request_info':
        return yellow(`? request ${event.requestId}: ${requestText(event.data)} (answer: ${describeResponseType(event.responseType)})`);
      case 'message_dropped':
        return yellow(
          `  ⚠ dropped a message from ${event.sourceId}${event.targetId === undefined ? '' : ` to ${event.targetId}`} (${event.reason}): ${preview(event.data)}`,
        );
      case 'executor_bypassed':
        return `↷ ${event.executorId} ${dim('(cached)')}`;
      case 'custom':
        return `  • ${event.name}: ${preview(event.data)}`;
      case 'error': {
        const where = event.executorId === undefined ? '' : ` in ${event.executorId}`;
        const name = event.error.name === 'Error' ? '' : `${event.error.name}: `;
        return red(`✗ error${where}: ${name}${event.error.message}`);
      }
      default:
        return undefined;
    }
  }

  /** Ends a line of streamed tokens before anything else is written. */
  #endInline(): void {
    if (this.#inline === undefined) return;
    this.#inline = undefined;
    this.#stdout.write('\n');
  }
}

/** The text of a request: its `prompt` (declarative `request_info`) or the request itself. */
export function requestText(data: unknown): string {
  if (typeof data === 'object' && data !== null && typeof (data as { prompt?: unknown }).prompt === 'string') {
    return (data as { prompt: string }).prompt;
  }
  return preview(data);
}

/** A value on one line: text as it is, agent replies as their text, anything else as JSON; shortened. */
export function preview(data: unknown, max = PREVIEW_LENGTH): string {
  const text = fullText(data).replace(/\s*\n\s*/g, ' ⏎ ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A value in full: text as it is, an agent response as its text, anything else as JSON. */
export function fullText(data: unknown): string {
  if (typeof data === 'string') return data;
  if (isAgentResponseLike(data)) return data.text;
  return toJsonLine(data);
}

function plural(count: number, noun: string): string {
  return `${String(count)} ${noun}${count === 1 ? '' : 's'}`;
}

function isAgentResponseLike(data: unknown): data is { text: string; messages: unknown[] } {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { text?: unknown }).text === 'string' &&
    Array.isArray((data as { messages?: unknown }).messages)
  );
}

/** JSON on one line, for values JSON cannot hold too (bigint as text, Map and Set as lists). */
export function toJsonLine(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_key, v: unknown) => {
      if (typeof v === 'bigint') return v.toString();
      if (v instanceof Map) return Array.from(v as Map<unknown, unknown>);
      if (v instanceof Set) return Array.from(v as Set<unknown>);
      return v;
    }) as string | undefined;
    return text ?? String(value);
  } catch {
    return String(value);
  }
}
