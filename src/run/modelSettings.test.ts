import { describe, expect, it } from 'vitest';
import {
  loadModelSettings,
  MODEL_SETTINGS_KEY,
  modelSettingsProblems,
  parseModelSettings,
  saveModelSettings,
  type KeyValueStorage,
} from './modelSettings.ts';
import { clearWaitingRun, loadWaitingRun, saveWaitingRun } from './waitingRun.ts';

function storageWith(items: Record<string, string>): KeyValueStorage {
  const map = new Map(Object.entries(items));
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => map.set(key, value),
    removeItem: (key) => map.delete(key),
  };
}

describe('model settings', () => {
  it('default to the mock when nothing readable is stored', () => {
    expect(loadModelSettings(undefined)).toEqual({ kind: 'mock' });
    expect(loadModelSettings(storageWith({ [MODEL_SETTINGS_KEY]: '{not json' }))).toEqual({ kind: 'mock' });
    expect(loadModelSettings(storageWith({ [MODEL_SETTINGS_KEY]: '{"kind":"openai","baseUrl":1}' }))).toEqual({ kind: 'mock' });
    const refusing: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => undefined,
      removeItem: () => undefined,
    };
    expect(loadModelSettings(refusing)).toEqual({ kind: 'mock' });
  });

  it('say why they could not be stored when the browser refuses', () => {
    const endpoint = { kind: 'openai', baseUrl: 'http://127.0.0.1:1/v1', model: 'm', apiKey: 'k' } as const;
    const storage = storageWith({});
    expect(saveModelSettings(storage, endpoint)).toBeUndefined();
    expect(loadModelSettings(storage)).toEqual(endpoint);
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError: the quota has been exceeded');
      },
      removeItem: () => undefined,
    };
    expect(saveModelSettings(full, endpoint)).toBe(
      'The browser refused to store the settings (QuotaExceededError: the quota has been exceeded): they last until the page is closed.',
    );
    expect(saveModelSettings(undefined, endpoint)).toContain('no storage');
  });

  it('keep only the known fields', () => {
    expect(parseModelSettings({ kind: 'openai', baseUrl: 'u', model: 'm', apiKey: 'k', extra: 1 })).toEqual({
      kind: 'openai',
      baseUrl: 'u',
      model: 'm',
      apiKey: 'k',
    });
  });

  it('say what is wrong with an endpoint', () => {
    expect(modelSettingsProblems({ kind: 'mock' })).toEqual({});
    expect(modelSettingsProblems({ kind: 'openai', baseUrl: 'ftp://x', model: ' ', apiKey: '' })).toEqual({
      baseUrl: expect.stringContaining('http(s) URL') as unknown,
      model: 'Enter the model’s name',
    });
    expect(modelSettingsProblems({ kind: 'openai', baseUrl: 'http://127.0.0.1:8080/v1', model: 'gpt', apiKey: '' })).toEqual({});
  });
});

describe('waiting runs', () => {
  it('are kept per document and forgotten when nothing waits', () => {
    const storage = storageWith({});
    saveWaitingRun(storage, { checkpointScope: 'd1', requestIds: ['q'] });
    expect(loadWaitingRun(storage, 'd1')).toEqual({ checkpointScope: 'd1', requestIds: ['q'] });
    expect(loadWaitingRun(storage, 'd2')).toBeUndefined();
    saveWaitingRun(storage, { checkpointScope: 'd1', requestIds: [] });
    expect(loadWaitingRun(storage, 'd1')).toBeUndefined();
    saveWaitingRun(storage, { checkpointScope: 'd1', requestIds: ['q'] });
    clearWaitingRun(storage, 'd1');
    expect(loadWaitingRun(storage, 'd1')).toBeUndefined();
  });

  it('ignore what they cannot read', () => {
    expect(loadWaitingRun(storageWith({ 'trellis.waitingRun:d': '[]' }), 'd')).toBeUndefined();
    expect(loadWaitingRun(storageWith({ 'trellis.waitingRun:d': '{"runId":"r","requestIds":[],"savedAt":1}' }), 'd')).toBeUndefined();
  });
});
