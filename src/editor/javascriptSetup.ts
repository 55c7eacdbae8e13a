// Monaco with JavaScript for function code: the language, TypeScript's language service (in its
// own worker) for completion and syntax errors, and the declarations of `input` and `ctx`. Only
// the lazily loaded code editor imports this module. The core comes first, as in monacoSetup.ts.
import { monaco } from './monacoCore.ts';
import 'monaco-editor/languages/definitions/javascript/register';
import { javascriptDefaults, ScriptTarget } from 'monaco-editor/languages/features/typescript/register';
import { functionLib } from './functionLib.ts';

/** Where the declarations of `input` and `ctx` live in the language service. */
const FUNCTION_LIB_PATH = 'file:///trellis/function-context.d.ts';

/**
 * Diagnostics that are wrong for a function body: the code is the body of an async function, so a
 * top-level `return` (1108) and `await` (1308, 1375, 1378) are fine.
 */
const BODY_ONLY_DIAGNOSTICS = [1108, 1308, 1375, 1378];

javascriptDefaults.setCompilerOptions({
  target: ScriptTarget.ESNext,
  allowNonTsExtensions: true,
  allowJs: true,
  checkJs: false,
  noLib: false,
});
javascriptDefaults.setDiagnosticsOptions({
  noSemanticValidation: true,
  noSyntaxValidation: false,
  diagnosticCodesToIgnore: BODY_ONLY_DIAGNOSTICS,
});
// the code's model exists before the worker asks for it: completion works from the first key
javascriptDefaults.setEagerModelSync(true);

let declaredInput: unknown = Symbol('none');
let lib: monaco.IDisposable | undefined;

/** Declares `input` with the node's input type (and `ctx`); a no-op when it is declared already. */
export function declareFunctionGlobals(inputSpec: unknown): void {
  if (lib !== undefined && JSON.stringify(declaredInput) === JSON.stringify(inputSpec)) return;
  lib?.dispose();
  lib = javascriptDefaults.addExtraLib(functionLib(inputSpec), FUNCTION_LIB_PATH);
  declaredInput = inputSpec;
}

let modelCount = 0;

/**
 * A JavaScript model for one node's code, with a URI of its own (numbered: a model being disposed
 * never clashes with its successor), so two nodes never share an undo stack.
 */
export function createCodeModel(nodeId: string, text: string): monaco.editor.ITextModel {
  modelCount += 1;
  const uri = monaco.Uri.parse(`inmemory://trellis/functions/${encodeURIComponent(nodeId)}/code-${String(modelCount)}.js`);
  return monaco.editor.createModel(text, 'javascript', uri);
}

export { monaco };
