/**
 * The declarations Monaco's JavaScript service gets for function code: the code is the body of
 * `async (input, ctx) => { ... }` (spec, workflow-yaml.md), so `input` and `ctx` are declared as
 * globals of the code's model, `ctx` with the `WorkflowContext` members the engine hands to
 * function code (`ScopedContext`; a unit test holds this list to that class).
 */

/** The members of `ctx` a function's code may use, in the order completion lists them. */
export const FUNCTION_CONTEXT_MEMBERS = [
  'executorId',
  'sourceExecutorIds',
  'requestId',
  'signal',
  'session',
  'sendMessage',
  'yieldOutput',
  'getState',
  'setState',
  'addEvent',
  'requestInfo',
  'isStreaming',
] as const;

const CONTEXT_DECLARATION = `
/** What a function executor's code gets besides its input (the engine's WorkflowContext). */
interface WorkflowContext {
  /** The id of the executor running. */
  readonly executorId: string;
  /** Who sent the message: one id, all fan-in sources, or \`internal:<id>\` for the workflow's input. */
  readonly sourceExecutorIds: readonly string[];
  /** Set inside a response handler: the id of the request being answered. */
  readonly requestId: string | undefined;
  /** Aborted when the run is cancelled; pass it to \`fetch\` and other cancellable work. */
  readonly signal: AbortSignal;
  /** The shared state as a keyed object; reads and writes go through getState/setState. */
  readonly session: { readonly state: Record<string, unknown> };
  /** Queues a message for delivery in the next superstep (\`targetId\`: only along the edge to it). */
  sendMessage(message: unknown, options?: { targetId?: string }): Promise<void>;
  /** Emits a \`workflow_output\` event now. */
  yieldOutput(output: unknown): Promise<void>;
  /** Reads shared state (staged writes of this superstep included). */
  getState<T = unknown>(key: string): T | undefined;
  getState<T>(key: string, defaultValue: T): T;
  /** Writes shared state; committed at the end of this superstep. Keys starting with \`_\` are reserved. */
  setState(key: string, value: unknown): void;
  /** Emits a custom event \`{ type: 'custom', name: type, data }\`. */
  addEvent(event: { type: string; data?: unknown }): Promise<void>;
  /** Asks a human; the run ends idle with a pending request that \`sendResponses\` answers. Resolves to the request's id. */
  requestInfo(request: unknown, options: { responseType: unknown; requestId?: string }): Promise<string>;
  /** True when the run streams its events. */
  isStreaming(): boolean;
}

/** The workflow context of this run (see WorkflowContext). */
declare const ctx: WorkflowContext;
`;

/** The TypeScript type of `input` for the node's `input` type spec (a primitive name, else unknown). */
export function inputTypeOf(spec: unknown): string {
  switch (spec) {
    case undefined:
    case 'any':
      return 'any';
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return spec;
    case 'object':
      return 'Record<string, any>';
    case 'array':
      return 'any[]';
    default:
      // a JSON Schema: its shape is checked at run time; completion cannot know it
      return 'any';
  }
}

/** The extra lib for function code whose node declares the `input` type `spec`. */
export function functionLib(spec: unknown): string {
  return `${CONTEXT_DECLARATION}
/** The message that reached this executor. */
declare const input: ${inputTypeOf(spec)};
`;
}
