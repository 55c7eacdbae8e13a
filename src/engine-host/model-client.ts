import { MockChatClient, OpenAIChatClient, type ChatClient } from '@trellis/engine';
import { secretRedactor, type Redact } from './cloneable-value.ts';
import type { ConnectionResult, ModelSettings } from './protocol.ts';

/** How long a connection test waits for the endpoint before it says so. */
const CONNECTION_TEST_TIMEOUT_MS = 15_000;

/**
 * The chat client behind a run's `agent` nodes. `mockTokenDelayMs` paces the offline mock's
 * streamed deltas (0: at once), so a person can watch its reply arrive as a real model's would.
 */
export function chatClientFor(model: ModelSettings, mockTokenDelayMs = 0): ChatClient {
  switch (model.kind) {
    case 'mock':
      return mockTokenDelayMs > 0 ? new MockChatClient({ delayMs: mockTokenDelayMs, sleep }) : new MockChatClient();
    case 'openai':
      return new OpenAIChatClient({ baseUrl: model.baseUrl, model: model.model, apiKey: model.apiKey });
  }
}

/** Waits `ms`; a run's abort (Stop) ends the wait at once with the signal's reason. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** What must never leave the host for these settings: the API key. Undefined when there is none. */
export function redactorFor(model: ModelSettings): Redact | undefined {
  return model.kind === 'openai' ? secretRedactor([model.apiKey]) : undefined;
}

/**
 * Sends one tiny request (a few tokens, no retries) to the endpoint and reports whether it
 * answered, how fast, and what it said or what went wrong, with the key scrubbed from any text.
 */
export async function testModelConnection(model: ModelSettings, now: () => number): Promise<ConnectionResult> {
  if (model.kind === 'mock') return { ok: true, message: 'The offline mock model is built in and always answers.', latencyMs: 0 };
  const redact = redactorFor(model) ?? ((text: string) => text);
  const startedAt = now();
  const latency = (): number => Math.max(0, Math.round(now() - startedAt));
  try {
    const client = new OpenAIChatClient({
      baseUrl: model.baseUrl,
      model: model.model,
      apiKey: model.apiKey,
      maxRetries: 0,
      timeoutMs: CONNECTION_TEST_TIMEOUT_MS,
    });
    const response = await client.getResponse([{ role: 'user', text: 'Reply with the single word: ok' }], { maxTokens: 5 });
    const reply = response.text.trim().replace(/\s+/g, ' ').slice(0, 80);
    return { ok: true, message: redact(`${model.model} answered: "${reply}"`), latencyMs: latency() };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, message: redact(message), latencyMs: latency() };
  }
}
