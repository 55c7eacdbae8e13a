import type { JsonValue } from '../checkpoint/types.js';
import type { RequestInfoEvent } from '../events.js';
import { compileTypeSpec, describeSpec, matchesSpec, type CompiledSpec, type TypeSpec } from '../types/type-spec.js';

/** A human request waiting for its answer. */
export interface PendingRequest {
  readonly requestId: string;
  readonly executorId: string;
  readonly data: unknown;
  /** The answer's type as plain data (what events and checkpoints carry). */
  readonly responseType: JsonValue;
  /** The compiled answer type, when it can be rebuilt (always on the live run; from data after a restore). */
  readonly responseSpec: CompiledSpec | undefined;
}

/** Options of `ctx.requestInfo`. */
export interface RequestInfoOptions {
  /** What an answer must be: checked by `sendResponses`. */
  responseType: TypeSpec;
  /** The request's id (default: a new one); answers are matched by it. */
  requestId?: string;
}

/**
 * A spec as plain data: primitive names and JSON Schemas stay as they are (so they can be rebuilt
 * after a restore); classes, guards and other schemas become `{ description }`, which a restore
 * cannot check answers against (the response handler's own spec still applies).
 */
export function specToJson(spec: CompiledSpec): JsonValue {
  switch (spec.kind) {
    case 'any':
      return 'any';
    case 'primitive':
      return spec.name;
    case 'json_schema':
      return JSON.parse(JSON.stringify(spec.schema)) as JsonValue;
    case 'union': {
      const members = spec.members.map(specToJson);
      return members.every(
        (m) => typeof m === 'string' || (typeof m === 'object' && m !== null && !Array.isArray(m) && !('description' in m)),
      )
        ? members
        : { description: describeSpec(spec) };
    }
    case 'class':
    case 'guard':
    case 'standard':
      return { description: describeSpec(spec) };
  }
}

/** Rebuilds a spec from {@link specToJson}'s data; `undefined` when it only describes one. */
export function specFromJson(json: JsonValue): CompiledSpec | undefined {
  if (typeof json === 'object' && json !== null && !Array.isArray(json) && Object.keys(json).length === 1 && 'description' in json)
    return undefined;
  try {
    return compileTypeSpec(json as TypeSpec);
  } catch {
    return undefined;
  }
}

/** Checks an answer; returns a message saying what is wrong, or undefined when it fits. */
export function checkAnswer(request: PendingRequest, answer: unknown): string | undefined {
  if (request.responseSpec === undefined || matchesSpec(request.responseSpec, answer)) return undefined;
  return `the answer to request '${request.requestId}' must be ${describeSpec(request.responseSpec)}, got ${describeAnswer(answer)}`;
}

function describeAnswer(answer: unknown): string {
  // JSON.stringify answers undefined for undefined and functions, whatever its declared type says
  const json = JSON.stringify(answer) as string | undefined;
  return json === undefined ? String(answer) : json;
}

/** The pending requests as the `request_info` events that announced them. */
export function pendingRequestEvents(pending: Iterable<PendingRequest>): RequestInfoEvent[] {
  return [...pending].map(({ requestId, executorId, data, responseType }) => ({
    type: 'request_info',
    requestId,
    executorId,
    data,
    responseType,
  }));
}
