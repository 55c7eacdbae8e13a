import { preview } from './describeEvent.ts';
import type { PendingRequest } from './runState.ts';

/**
 * What a request asks, as text: the `prompt` of a declarative `request_info` node (`{ prompt,
 * input }`), a string request as it is, anything else as a short preview.
 */
export function requestPrompt(request: PendingRequest): string {
  const { data } = request;
  if (typeof data === 'string') return data;
  if (typeof data === 'object' && data !== null && typeof (data as { prompt?: unknown }).prompt === 'string') {
    return (data as { prompt: string }).prompt;
  }
  return preview(data);
}

/** The message the request is about (a declarative request's `input`), if it carries one. */
export function requestSubject(request: PendingRequest): { value: unknown } | undefined {
  const { data } = request;
  if (typeof data === 'object' && data !== null && 'prompt' in data && 'input' in data)
    return { value: (data as { input: unknown }).input };
  return undefined;
}
