/**
 * The engine host: the engine in a dedicated module Web Worker (or on the page), behind one
 * {@link EngineClient} interface. Importing this module does not load the engine: the worker
 * client starts a worker, the in-process client imports the engine when first used.
 */
import type { EngineClient } from './engine-client.ts';
import { InProcessEngineClient } from './in-process-engine-client.ts';
import { WorkerEngineClient } from './worker-engine-client.ts';
import { startEngineWorker } from './start-engine-worker.ts';

export type { EngineClient, RunMessageListener } from './engine-client.ts';
export * from './protocol.ts';

/** The app's engine client: the engine in a dedicated module Web Worker, started on first use. */
export function createWorkerEngineClient(): EngineClient {
  return new WorkerEngineClient({ createWorker: startEngineWorker });
}

/** The engine on the page's thread, imported when first used (tests, and hosts without workers). */
export function createInProcessEngineClient(): EngineClient {
  return new InProcessEngineClient({
    loadHost: async (post) => {
      const { createBrowserEngineHost } = await import('./browser-engine-host.ts');
      return createBrowserEngineHost(post);
    },
  });
}
