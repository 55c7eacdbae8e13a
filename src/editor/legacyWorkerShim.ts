import type * as Monaco from 'monaco-editor/editor';

/** The options monaco-yaml (through monaco-worker-manager 2.0.1) still passes to `createWebWorker`. */
interface LegacyWorkerOptions {
  readonly moduleId?: string;
  readonly label?: string;
  readonly createData?: unknown;
  readonly host?: Record<string, (...args: never[]) => unknown>;
  readonly keepIdleModels?: boolean;
}

type MonacoNamespace = typeof Monaco;

/**
 * A copy of the monaco namespace whose `editor.createWebWorker` also accepts the pre-0.55 options
 * (`{ moduleId, label, createData }`) that monaco-yaml 5.5.1 uses. Such a call gets its worker from
 * `MonacoEnvironment.getWorker`, posts the same two start-up messages as monaco 0.57's own language
 * workers (`'ignore'`, then the create data) and hands it to the real `createWebWorker`. The global
 * monaco object is left as it is. Upstream: remcohaszing/monaco-yaml#272, microsoft/monaco-editor#5049.
 */
export function withLegacyCreateWebWorker(monaco: MonacoNamespace): MonacoNamespace {
  const createWebWorker = <T extends object>(options: LegacyWorkerOptions | Monaco.editor.IInternalWebWorkerOptions) => {
    if ('worker' in options) return monaco.editor.createWebWorker<T>(options);
    const environment = self.MonacoEnvironment;
    const label = options.label ?? 'monaco-editor-worker';
    const started = Promise.resolve(environment?.getWorker?.(options.moduleId ?? 'workerMain.js', label)).then((worker) => {
      if (worker === undefined) throw new Error(`MonacoEnvironment.getWorker gave no worker for ${label}`);
      worker.postMessage('ignore');
      worker.postMessage(options.createData);
      return worker;
    });
    return monaco.editor.createWebWorker<T>({
      worker: started,
      ...(options.host === undefined ? {} : { host: options.host }),
      ...(options.keepIdleModels === undefined ? {} : { keepIdleModels: options.keepIdleModels }),
    });
  };
  return { ...monaco, editor: { ...monaco.editor, createWebWorker } };
}
