/**
 * The engine's dedicated module Web Worker: commands from the page go to an `EngineHost`,
 * whose messages go back with `postMessage`. Started by `WorkerEngineClient`.
 */
import { createBrowserEngineHost } from './browser-engine-host.ts';
import type { HostCommand, HostMessage } from './protocol.ts';

/** The part of a dedicated worker's global scope used here (the app's TypeScript lib is the page's DOM, not WebWorker). */
interface DedicatedWorkerScope {
  postMessage(message: HostMessage): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<HostCommand>) => void): void;
}

const scope = globalThis as unknown as DedicatedWorkerScope;

const host = createBrowserEngineHost((message) => {
  scope.postMessage(message);
});

scope.addEventListener('message', (event) => {
  host.handle(event.data);
});
