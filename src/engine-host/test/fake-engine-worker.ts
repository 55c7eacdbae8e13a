import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { CheckpointStorageFactory } from '../checkpoint-scopes.ts';
import { EngineHost } from '../engine-host.ts';
import type { HostCommand, HostMessage } from '../protocol.ts';
import type { EngineWorkerFactory, EngineWorkerListener, EngineWorkerPort } from '../worker-engine-client.ts';

/** One fake worker: the worker-side `EngineHost` behind a real `MessageChannel` (real structured cloning both ways). */
export class FakeEngineWorker implements EngineWorkerPort {
  readonly #page: MessagePort;
  readonly #worker: MessagePort;
  readonly #host: EngineHost;
  readonly #listener: EngineWorkerListener;
  /** When set, commands are never handled, as in a worker whose thread is stuck in a loop. */
  stuck = false;
  terminated = false;

  constructor(listener: EngineWorkerListener, createStorage: CheckpointStorageFactory) {
    const channel = new MessageChannel();
    this.#page = channel.port1;
    this.#worker = channel.port2;
    this.#listener = listener;
    this.#host = new EngineHost({
      post: (message) => {
        if (!this.terminated) this.#worker.postMessage(message);
      },
      createStorage,
    });
    this.#worker.on('message', (command: HostCommand) => {
      if (!this.stuck && !this.terminated) this.#host.handle(command);
    });
    this.#page.on('message', (message: HostMessage) => {
      if (!this.terminated) listener.message(message);
    });
  }

  post(command: HostCommand): void {
    if (this.terminated) throw new Error('post() on a terminated fake worker');
    this.#page.postMessage(command);
  }

  terminate(): void {
    if (this.terminated) return;
    this.terminated = true;
    this.#host.dispose();
    this.#page.close();
    this.#worker.close();
  }

  /** Fires the worker's `error` event, as an uncaught exception in a real worker would. */
  crash(why: string): void {
    this.#listener.crash(why);
  }
}

/** A worker factory for `WorkerEngineClient` that keeps every worker it started, for tests to inspect. */
export function fakeWorkerFactory(createStorage: CheckpointStorageFactory): { create: EngineWorkerFactory; workers: FakeEngineWorker[] } {
  const workers: FakeEngineWorker[] = [];
  return {
    workers,
    create: (listener) => {
      const worker = new FakeEngineWorker(listener, createStorage);
      workers.push(worker);
      return worker;
    },
  };
}
