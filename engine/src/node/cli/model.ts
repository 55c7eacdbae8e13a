import { MockChatClient, OpenAIChatClient, type ChatClient } from '../../index.js';
import { CliError, type CliIo } from './io.js';

/** The model agents use, and how to describe it without revealing a credential. */
export interface ModelChoice {
  client: ChatClient;
  /** e.g. `model llama3.2 at http://localhost:11434/v1 (with an API key)`; never the key itself. */
  description: string;
}

/**
 * The model from the environment: `TRELLIS_MODEL_BASE_URL` and `TRELLIS_MODEL` (and, optionally,
 * `TRELLIS_MODEL_API_KEY`) select an OpenAI-compatible server; neither selects the offline mock.
 * @throws CliError (usage) when only one of the two is set or the base URL is not an http(s) URL.
 */
export function modelFromEnv(env: CliIo['env']): ModelChoice {
  const baseUrl = nonEmpty(env['TRELLIS_MODEL_BASE_URL']);
  const model = nonEmpty(env['TRELLIS_MODEL']);
  const apiKey = nonEmpty(env['TRELLIS_MODEL_API_KEY']);
  if (baseUrl === undefined && model === undefined) {
    return {
      client: new MockChatClient(),
      description: 'the offline mock model (set TRELLIS_MODEL_BASE_URL and TRELLIS_MODEL for a real one)',
    };
  }
  if (baseUrl === undefined) throw new CliError('TRELLIS_MODEL is set but TRELLIS_MODEL_BASE_URL is missing: set both, or neither');
  if (model === undefined) throw new CliError('TRELLIS_MODEL_BASE_URL is set but TRELLIS_MODEL is missing: set both, or neither');
  let client: OpenAIChatClient;
  try {
    client = new OpenAIChatClient(apiKey === undefined ? { baseUrl, model } : { baseUrl, model, apiKey });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`TRELLIS_MODEL_BASE_URL: ${scrub(reason, apiKey)}`);
  }
  const key = apiKey === undefined ? '' : ' (with an API key)';
  return { client, description: `model ${model} at ${displayUrl(client.baseUrl)}${key}` };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/** The URL without user info, query or fragment (where credentials sometimes hide). */
function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    parsed.search = '';
    parsed.hash = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return url;
  }
}

function scrub(text: string, secret: string | undefined): string {
  return secret === undefined ? text : text.split(secret).join('***');
}
