import { useId, useState, type SubmitEvent } from 'react';
import type { ConnectionResult, ModelSettings } from '../../engine-host/protocol.ts';
import { modelSettingsProblems } from '../../run/modelSettings.ts';
import { useRunStore } from '../../run/runContext.ts';
import '../run/run.css';
import './settings.css';

interface SettingsDialogProps {
  onClose: () => void;
}

/** A connection test, of the settings `of` (their JSON): a result for settings since edited is dropped. */
type Test =
  | { readonly state: 'idle' }
  | { readonly state: 'testing'; readonly of: string }
  | { readonly state: 'done'; readonly of: string; readonly result: ConnectionResult };

const DEFAULT_ENDPOINT = { baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini', apiKey: '' };

/**
 * The model settings: the offline mock, or an OpenAI-compatible endpoint (base URL, model, API
 * key). Saved in this browser's localStorage only; the key is never written to the workflow.
 */
export function SettingsDialog({ onClose }: SettingsDialogProps) {
  const id = useId();
  const store = useRunStore();
  const saved = store.getState().model;
  const [kind, setKind] = useState<ModelSettings['kind']>(saved.kind);
  const [endpoint, setEndpoint] = useState(saved.kind === 'openai' ? saved : DEFAULT_ENDPOINT);
  const [showKey, setShowKey] = useState(false);
  const [test, setTest] = useState<Test>({ state: 'idle' });
  const [checked, setChecked] = useState(false);
  const [saveProblem, setSaveProblem] = useState<string | undefined>(undefined);

  const settings: ModelSettings = kind === 'mock' ? { kind: 'mock' } : { kind: 'openai', ...endpoint };
  const problems = modelSettingsProblems(settings);
  const valid = Object.keys(problems).length === 0;

  const edit = (patch: Partial<typeof endpoint>) => {
    setEndpoint({ ...endpoint, ...patch });
    setTest({ state: 'idle' });
  };

  const save = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChecked(true);
    if (!valid) return;
    const problem = store.getState().setModel(settings);
    // The settings are in use either way; a failure to keep them stays in view until closed.
    if (problem === undefined) onClose();
    else setSaveProblem(problem);
  };

  const testConnection = () => {
    setChecked(true);
    if (!valid) return;
    const of = JSON.stringify(settings);
    setTest({ state: 'testing', of });
    // Only the test of the settings still in the fields may show its result (an edit resets the test).
    const settle = (result: ConnectionResult) => {
      setTest((current) => (current.state === 'testing' && current.of === of ? { state: 'done', of, result } : current));
    };
    store
      .getState()
      .testConnection(settings)
      .then(settle, (error: unknown) => {
        settle({ ok: false, message: error instanceof Error ? error.message : String(error), latencyMs: 0 });
      });
  };

  return (
    <form className="settings-form" onSubmit={save} noValidate data-testid="settings.form">
      <h2 id={`${id}-title`}>Model settings</h2>
      <p className="settings-note">Agent nodes answer through this model. Saved in this browser only, never in the workflow file.</p>
      <fieldset className="settings-kind">
        <legend>Model</legend>
        <label>
          <input
            type="radio"
            name={`${id}-kind`}
            data-testid="settings.kind.mock"
            checked={kind === 'mock'}
            onChange={() => {
              setKind('mock');
              setTest({ state: 'idle' });
            }}
          />{' '}
          Offline mock (built in, no network)
        </label>
        <label>
          <input
            type="radio"
            name={`${id}-kind`}
            data-testid="settings.kind.openai"
            checked={kind === 'openai'}
            onChange={() => {
              setKind('openai');
              setTest({ state: 'idle' });
            }}
          />{' '}
          OpenAI-compatible endpoint
        </label>
      </fieldset>
      {kind === 'openai' && (
        <div className="settings-endpoint">
          <label htmlFor={`${id}-url`}>Base URL</label>
          <input
            id={`${id}-url`}
            className="input"
            type="url"
            autoComplete="off"
            spellCheck={false}
            data-testid="settings.baseUrl"
            aria-invalid={checked && problems.baseUrl !== undefined}
            value={endpoint.baseUrl}
            onChange={(event) => {
              edit({ baseUrl: event.target.value });
            }}
          />
          {checked && problems.baseUrl !== undefined && <p className="field-error">{problems.baseUrl}</p>}
          <label htmlFor={`${id}-model`}>Model</label>
          <input
            id={`${id}-model`}
            className="input"
            type="text"
            autoComplete="off"
            spellCheck={false}
            data-testid="settings.model"
            aria-invalid={checked && problems.model !== undefined}
            value={endpoint.model}
            onChange={(event) => {
              edit({ model: event.target.value });
            }}
          />
          {checked && problems.model !== undefined && <p className="field-error">{problems.model}</p>}
          <label htmlFor={`${id}-key`}>API key</label>
          <span className="settings-key">
            <input
              id={`${id}-key`}
              className="input"
              type={showKey ? 'text' : 'password'}
              autoComplete="off"
              spellCheck={false}
              data-testid="settings.apiKey"
              placeholder="Empty for local servers"
              value={endpoint.apiKey}
              onChange={(event) => {
                edit({ apiKey: event.target.value });
              }}
            />
            <button
              type="button"
              className="button"
              data-testid="settings.showKey"
              aria-pressed={showKey}
              onClick={() => {
                setShowKey(!showKey);
              }}
            >
              {showKey ? 'Hide' : 'Show'}
            </button>
          </span>
        </div>
      )}
      <div className="settings-test">
        <button type="button" className="button" data-testid="settings.test" disabled={test.state === 'testing'} onClick={testConnection}>
          {test.state === 'testing' ? 'Testing…' : 'Test connection'}
        </button>
        {test.state === 'done' && (
          <p
            className={`settings-result ${test.result.ok ? 'is-ok' : 'is-bad'}`}
            role="status"
            data-testid="settings.result"
            data-ok={test.result.ok}
          >
            {test.result.ok ? 'Connected' : 'Failed'} ({String(Math.round(test.result.latencyMs))} ms): {test.result.message}
          </p>
        )}
      </div>
      {saveProblem !== undefined && (
        <p className="field-error" role="alert" data-testid="settings.saveProblem">
          {saveProblem}
        </p>
      )}
      <div className="settings-actions">
        <button type="button" className="button" data-testid="settings.cancel" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary" data-testid="settings.save">
          Save
        </button>
      </div>
    </form>
  );
}
