// Monaco, bundled locally with the slim entry points (core API and editor features; each language
// adds itself: `monacoSetup.ts` YAML, `javascriptSetup.ts` JavaScript) and handed to
// @monaco-editor/react, so nothing is fetched from a CDN. Only lazily loaded modules import this,
// so Monaco stays out of the initial bundle.
import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import 'monaco-editor/features/register.all';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker?worker';
import TypeScriptWorker from 'monaco-editor/languages/features/typescript/ts.worker?worker';
import YamlWorker from './yaml.worker.ts?worker';

// A `?worker` import is only a constructor: each worker's code loads when a language first needs it.
self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string): Worker {
    if (label === 'json') return new JsonWorker();
    if (label === 'yaml') return new YamlWorker();
    if (label === 'javascript' || label === 'typescript') return new TypeScriptWorker();
    return new EditorWorker();
  },
};

loader.config({ monaco });

/** Whether the system asks for a dark theme (Monaco's theme is global: every editor follows it). */
export function prefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

export { monaco };
