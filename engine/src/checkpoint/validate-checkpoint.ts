import { WorkflowCheckpointError } from '../errors.js';
import { childPath } from './codec.js';
import type { JsonValue, WorkflowCheckpoint } from './types.js';

/** Thrown inside the checks below and turned into a WorkflowCheckpointError that names the checkpoint. */
class FieldProblem extends Error {
  constructor(
    readonly field: string,
    readonly expected: string,
    readonly actual: unknown,
  ) {
    super(`field '${field}' must be ${expected}`);
  }
}

/**
 * Checks that `value` is a well-formed {@link WorkflowCheckpoint}: every field present with the
 * right type, `version` 1, and `messages`, `state`, `pendingRequests` and `metadata` plain JSON all
 * the way down. Storages call it on everything they read, since a file or database record may have
 * been hand-edited, truncated or written by another version. `where` names the source (a file
 * path, a database) in the error message. Extra top-level fields are tolerated (a newer writer).
 * @returns `value` itself, typed.
 * @throws WorkflowCheckpointError naming the checkpoint, `where` and the first bad field.
 */
export function validateCheckpoint(value: unknown, where: string): WorkflowCheckpoint {
  try {
    checkCheckpoint(value);
    return value as WorkflowCheckpoint;
  } catch (error) {
    if (!(error instanceof FieldProblem)) throw error;
    const id =
      isRecord(value) && typeof value['checkpointId'] === 'string' && value['checkpointId'] !== '' ? value['checkpointId'] : undefined;
    const subject = id === undefined ? `checkpoint (${where})` : `checkpoint '${id}' (${where})`;
    const message =
      error.field === ''
        ? `${subject}: must be ${error.expected}, got ${describe(error.actual)}`
        : `${subject}: field '${error.field}' must be ${error.expected}, got ${describe(error.actual)}`;
    throw new WorkflowCheckpointError(message, { checkpointId: id });
  }
}

function checkCheckpoint(value: unknown): void {
  if (!isRecord(value)) throw new FieldProblem('', 'a JSON object', value);
  if (value['version'] !== 1) throw new FieldProblem('version', '1', value['version']);
  for (const field of ['checkpointId', 'seriesId'] as const) {
    const id = value[field];
    if (typeof id !== 'string' || id === '') throw new FieldProblem(field, 'a non-empty string', id);
  }
  const parentId = value['parentId'];
  if (parentId !== null && (typeof parentId !== 'string' || parentId === '')) {
    throw new FieldProblem('parentId', 'a non-empty string or null', parentId);
  }
  for (const field of ['sequence', 'superstep'] as const) {
    const count = value[field];
    if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
      throw new FieldProblem(field, 'a non-negative integer', count);
    }
  }
  for (const field of ['workflowName', 'graphHash'] as const) {
    if (typeof value[field] !== 'string') throw new FieldProblem(field, 'a string', value[field]);
  }
  const timestamp = value['timestamp'];
  if (typeof timestamp !== 'string' || Number.isNaN(Date.parse(timestamp))) {
    throw new FieldProblem('timestamp', 'an ISO-8601 date string', timestamp);
  }
  checkList(value['messages'], 'messages', (message, field) => {
    checkString(message, 'sourceId', field);
    if (message['targetId'] !== undefined) checkString(message, 'targetId', field);
    checkJson(message['data'], `${field}.data`);
    const response = message['response'];
    if (response !== undefined) {
      if (!isRecord(response)) throw new FieldProblem(`${field}.response`, 'an object', response);
      checkString(response, 'requestId', `${field}.response`);
      checkJson(response['request'], `${field}.response.request`);
    }
  });
  checkJsonObject(value['state'], 'state');
  checkList(value['pendingRequests'], 'pendingRequests', (request, field) => {
    checkString(request, 'requestId', field);
    checkString(request, 'executorId', field);
    checkJson(request['data'], `${field}.data`);
    checkJson(request['responseType'], `${field}.responseType`);
  });
  checkJsonObject(value['metadata'], 'metadata');
}

function checkList(value: unknown, field: string, checkItem: (item: Record<string, unknown>, field: string) => void): void {
  if (!Array.isArray(value)) throw new FieldProblem(field, 'an array', value);
  value.forEach((item: unknown, index) => {
    const itemField = `${field}[${index}]`;
    if (!isRecord(item)) throw new FieldProblem(itemField, 'an object', item);
    checkItem(item, itemField);
  });
}

function checkString(record: Record<string, unknown>, key: string, field: string): void {
  if (typeof record[key] !== 'string') throw new FieldProblem(`${field}.${key}`, 'a string', record[key]);
}

function checkJsonObject(value: unknown, field: string): void {
  if (!isRecord(value)) throw new FieldProblem(field, 'an object', value);
  checkJson(value, field);
}

/** Plain JSON all the way down: what a checkpoint must hold once its values went through the codec. */
function checkJson(value: unknown, field: string): asserts value is JsonValue {
  // Storages validate every checkpoint they save or read: check without building paths, and only
  // walk again with paths to name the culprit when something is wrong.
  if (!isJson(value)) findNonJson(value, field);
}

function isJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) {
    // A for loop, not every(): every() skips holes, and a hole is not JSON.
    for (let index = 0; index < value.length; index++) if (!isJson(value[index])) return false;
    return true;
  }
  if (!isRecord(value)) return false;
  for (const key in value) if (!isJson(value[key])) return false;
  return true;
}

function findNonJson(value: unknown, field: string): void {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new FieldProblem(field, 'JSON (encode non-finite numbers with encodeCheckpointValue)', value);
    return;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) findNonJson(value[index], `${field}[${index}]`);
    return;
  }
  if (!isRecord(value)) throw new FieldProblem(field, 'JSON (encode other values with encodeCheckpointValue)', value);
  for (const [key, item] of Object.entries(value)) findNonJson(item, childPath(field, key));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (typeof value === 'bigint') return `the bigint ${value.toString()}`;
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'function' || typeof value === 'symbol') return `a ${typeof value}`;
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object' && value !== null && !isRecord(value)) {
    const ctor: unknown = (Object.getPrototypeOf(value) as { constructor?: unknown }).constructor;
    return `an instance of ${typeof ctor === 'function' && ctor.name !== '' ? ctor.name : 'a class'}`;
  }
  if (isRecord(value)) return 'an object';
  const json = JSON.stringify(value);
  return json.length > 80 ? `${json.slice(0, 77)}...` : json;
}
