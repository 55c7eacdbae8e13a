/**
 * Why a change could not be applied. A change is refused, never half-applied, when it names
 * something that is not there or would break the model's structure; everything the format merely
 * disallows (a dangling edge, a bad CEL condition) is applied and left to validation.
 */
export type ModelErrorCode =
  /** An id names no executor (remove, move, update, rename). */
  | 'unknown_node'
  /** A new or renamed node's id is already an executor id or referenced by an edge, `start` or `layout`. */
  | 'id_taken'
  /** An edge index or canvas edge id names no edge or member. */
  | 'unknown_edge'
  /** A node, edge, position, patch or document without the structure the model needs. */
  | 'invalid_change';

/**
 * The error {@link applyChange} throws for an impossible change. The input definition is untouched
 * (changes are pure), so the caller can report `message` and carry on with what it had.
 */
export class ModelError extends Error {
  override readonly name = 'ModelError';
  readonly code: ModelErrorCode;

  constructor(code: ModelErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** Throws a {@link ModelError}; an expression, so it fits after `??`. */
export function fail(code: ModelErrorCode, message: string): never {
  throw new ModelError(code, message);
}

/** Ends a `switch` that handled every member of a union (a new member fails to compile here). */
export function assertNever(value: never): never {
  throw new TypeError(`unexpected value ${JSON.stringify(value)}`);
}
