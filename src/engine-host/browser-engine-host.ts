import { IndexedDbCheckpointStorage } from '@trellis/engine/browser';
import { checkpointDatabaseName } from './checkpoint-scopes.ts';
import { EngineHost } from './engine-host.ts';
import type { HostMessage } from './protocol.ts';

/** How long the offline mock model pauses before each streamed delta in the app: slow enough to watch a reply arrive. */
const APP_MOCK_TOKEN_DELAY_MS = 30;

/**
 * The engine host as a browser runs it (in the worker, or on the page for the in-process client):
 * each checkpoint scope is an IndexedDB database `trellis-checkpoints:<scope>`; the offline mock
 * model streams at a pace a person can follow.
 */
export function createBrowserEngineHost(post: (message: HostMessage) => void): EngineHost {
  return new EngineHost({
    post,
    mockTokenDelayMs: APP_MOCK_TOKEN_DELAY_MS,
    createStorage: (checkpointScope) => new IndexedDbCheckpointStorage({ dbName: checkpointDatabaseName(checkpointScope) }),
  });
}
