import { IndexedDbCheckpointStorage } from '@trellis/engine/browser';
import { checkpointDatabaseName } from './checkpoint-scopes.ts';
import { EngineHost } from './engine-host.ts';
import type { HostMessage } from './protocol.ts';

/**
 * The engine host as a browser runs it (in the worker, or on the page for the in-process client):
 * each checkpoint scope is an IndexedDB database `trellis-checkpoints:<scope>`.
 */
export function createBrowserEngineHost(post: (message: HostMessage) => void): EngineHost {
  return new EngineHost({
    post,
    createStorage: (checkpointScope) => new IndexedDbCheckpointStorage({ dbName: checkpointDatabaseName(checkpointScope) }),
  });
}
