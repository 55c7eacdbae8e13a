/** Prefix of the source id of messages the engine injects (the workflow's input, human answers). */
export const INTERNAL_SOURCE_PREFIX = 'internal:';

/** The source id under which the engine injects messages for `executorId`. */
export function internalSourceId(executorId: string): string {
  return INTERNAL_SOURCE_PREFIX + executorId;
}

/** A message in flight between supersteps. Plain data, so checkpoints can hold it. */
export interface WorkflowMessage {
  readonly data: unknown;
  readonly sourceId: string;
  /** Set when the sender named a target, and on every message the engine injects. */
  readonly targetId: string | undefined;
  /** Set on a human's answer: the request it answers. The answer itself is `data`. */
  readonly response?: { readonly requestId: string; readonly request: unknown };
}
