import type { HostMessage } from './protocol.ts';
import type { EngineWorkerListener, EngineWorkerPort } from './worker-engine-client.ts';

/**
 * Starts the engine's module Web Worker (`engine.worker.ts`; Vite bundles it from this exact
 * `new Worker(new URL(...), { type: 'module' })` form) and wires it to the client's listener.
 */
export function startEngineWorker(listener: EngineWorkerListener): EngineWorkerPort {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'trellis-engine' });
  worker.addEventListener('message', (event: MessageEvent<HostMessage>) => {
    listener.message(event.data);
  });
  worker.addEventListener('error', (event) => {
    // Handled here (the client ends the worker's runs and starts a fresh worker), not reported twice.
    event.preventDefault();
    listener.crash(event.message === '' ? 'an uncaught error in the worker' : event.message);
  });
  worker.addEventListener('messageerror', () => {
    listener.crash('a message from the worker could not be read');
  });
  return {
    post: (command) => {
      worker.postMessage(command);
    },
    terminate: () => {
      worker.terminate();
    },
  };
}
