import { MOCK_MODEL, type ModelSettings } from '../engine-host/protocol.ts';

/**
 * The model the agent nodes use, kept in this browser's localStorage only: never in the workflow's
 * YAML, an export, an event or a checkpoint (the engine host keeps the key out of those on its side).
 */

/** The part of `localStorage` this module uses (a fake in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const MODEL_SETTINGS_KEY = 'trellis.modelSettings';

/** The stored settings; the offline mock when nothing (or nothing readable) is stored. */
export function loadModelSettings(storage: KeyValueStorage | undefined): ModelSettings {
  const raw = readItem(storage, MODEL_SETTINGS_KEY);
  if (raw === undefined) return MOCK_MODEL;
  try {
    return parseModelSettings(JSON.parse(raw)) ?? MOCK_MODEL;
  } catch {
    return MOCK_MODEL;
  }
}

/**
 * Stores the settings (the mock is stored as nothing at all). Answers why they could not be
 * stored (storage full, or refused by the browser), or `undefined` once they are.
 */
export function saveModelSettings(storage: KeyValueStorage | undefined, settings: ModelSettings): string | undefined {
  if (storage === undefined) return 'This browser keeps no storage for this page: the settings last until it is closed.';
  try {
    if (settings.kind === 'mock') storage.removeItem(MODEL_SETTINGS_KEY);
    else storage.setItem(MODEL_SETTINGS_KEY, JSON.stringify(settings));
    return undefined;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return `The browser refused to store the settings (${reason}): they last until the page is closed.`;
  }
}

/** Settings read back from untrusted JSON; `undefined` when they do not have the right shape. */
export function parseModelSettings(value: unknown): ModelSettings | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (record.kind === 'mock') return MOCK_MODEL;
  if (record.kind !== 'openai') return undefined;
  const { baseUrl, model, apiKey } = record;
  if (typeof baseUrl !== 'string' || typeof model !== 'string' || typeof apiKey !== 'string') return undefined;
  return { kind: 'openai', baseUrl, model, apiKey };
}

/** What is wrong with an endpoint's settings before they are used; empty when nothing is. */
export function modelSettingsProblems(settings: ModelSettings): Partial<Record<'baseUrl' | 'model', string>> {
  const problems: Partial<Record<'baseUrl' | 'model', string>> = {};
  if (settings.kind === 'mock') return problems;
  if (!isHttpUrl(settings.baseUrl)) problems.baseUrl = 'Enter the endpoint’s http(s) URL, e.g. https://api.openai.com/v1';
  if (settings.model.trim() === '') problems.model = 'Enter the model’s name';
  return problems;
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** A storage read that tolerates a browser refusing access (private mode, disabled storage). */
export function readItem(storage: KeyValueStorage | undefined, key: string): string | undefined {
  try {
    return storage?.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The page's localStorage, or `undefined` where there is none (Node, or access refused). */
export function browserStorage(): KeyValueStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
