/**
 * Human answers typed on a terminal, read per the request's `responseType` (the plain-data form
 * events carry: a primitive name such as `'boolean'`, a JSON Schema, a list of these, or
 * `{ description }`). The engine checks every answer again when it is delivered.
 */

/** How a typed line becomes an answer. */
type AnswerKind = 'boolean' | 'number' | 'integer' | 'string' | 'json' | 'any';

/** A parsed answer, or why the line is not one. */
export type ParsedAnswer = { ok: true; value: unknown } | { ok: false; message: string };

const YES = new Set(['y', 'yes', 'true']);
const NO = new Set(['n', 'no', 'false']);

/** What an answer must be, for people: `boolean`, `one of "a", "b"`, `JSON object`, ... */
export function describeResponseType(responseType: unknown): string {
  if (typeof responseType === 'string') return responseType === 'any' ? 'any value' : responseType;
  if (Array.isArray(responseType)) return responseType.map(describeResponseType).join(' or ');
  if (!isRecord(responseType)) return 'any value';
  if (Array.isArray(responseType['enum'])) return `one of ${responseType['enum'].map((v) => JSON.stringify(v)).join(', ')}`;
  if ('const' in responseType) return JSON.stringify(responseType['const']);
  const type = responseType['type'];
  if (typeof type === 'string') return type === 'object' || type === 'array' ? `JSON ${type}` : type;
  if (Array.isArray(type)) return type.map(String).join(' or ');
  if (typeof responseType['description'] === 'string') return responseType['description'];
  return 'JSON value';
}

/** Reads `line` as an answer to a request of `responseType`. */
export function parseAnswer(line: string, responseType: unknown): ParsedAnswer {
  const text = line.trim();
  switch (answerKind(responseType)) {
    case 'boolean': {
      const lower = text.toLowerCase();
      if (YES.has(lower)) return { ok: true, value: true };
      if (NO.has(lower)) return { ok: true, value: false };
      return { ok: false, message: 'answer y(es) or n(o)' };
    }
    case 'number':
    case 'integer': {
      const value = Number(text);
      if (text === '' || !Number.isFinite(value)) return { ok: false, message: 'answer a number' };
      if (answerKind(responseType) === 'integer' && !Number.isInteger(value)) return { ok: false, message: 'answer a whole number' };
      return { ok: true, value };
    }
    case 'string':
      return { ok: true, value: line };
    case 'json':
      try {
        return { ok: true, value: JSON.parse(text) as unknown };
      } catch {
        return { ok: false, message: `answer JSON (${describeResponseType(responseType)})` };
      }
    case 'any':
      try {
        return { ok: true, value: JSON.parse(text) as unknown };
      } catch {
        return { ok: true, value: line };
      }
  }
}

/** A sample answer of the right type, as JSON, for the printed `trellis resume` command. */
export function exampleAnswer(responseType: unknown): string {
  if (isRecord(responseType) && Array.isArray(responseType['enum']) && responseType['enum'].length > 0) {
    return JSON.stringify(responseType['enum'][0]);
  }
  switch (answerKind(responseType)) {
    case 'boolean':
      return 'true';
    case 'number':
    case 'integer':
      return '0';
    case 'string':
    case 'any':
      return '"..."';
    case 'json': {
      const type = isRecord(responseType) ? responseType['type'] : responseType;
      return type === 'array' ? '[]' : type === 'null' ? 'null' : '{}';
    }
  }
}

function answerKind(responseType: unknown): AnswerKind {
  const type = isRecord(responseType) ? responseType['type'] : responseType;
  if (isRecord(responseType) && Array.isArray(responseType['enum'])) {
    return responseType['enum'].every((v) => typeof v === 'string') ? 'string' : 'json';
  }
  switch (type) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'string':
      return 'string';
    case 'object':
    case 'array':
    case 'null':
      return 'json';
    default:
      return 'any';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
