import { Editor, type OnMount } from '@monaco-editor/react';
import type { Problem } from '@trellis/engine';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useDesignerShallow, useDesignerStore } from '../../designer/useDesigner.ts';
import { monaco, WORKFLOW_MODEL_PATH } from '../../editor/monacoSetup.ts';
import { textReplacement } from '../../editor/textEdit.ts';
import { selectYamlPanel } from '../../store/index.ts';

/** How long typing pauses before the text goes to the store. */
const TYPING_DEBOUNCE_MS = 150;
const MARKER_OWNER = 'trellis';
const EDITOR_OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 13,
  tabSize: 2,
  insertSpaces: true,
  scrollBeyondLastLine: false,
  wordWrap: 'on',
  renderWhitespace: 'boundary',
  fixedOverflowWidgets: true,
  stickyScroll: { enabled: false },
};

type CodeEditor = monaco.editor.IStandaloneCodeEditor;

function prefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

/** The store's problems as Monaco markers (a problem without an end underlines the word it starts). */
function markersOf(model: monaco.editor.ITextModel, problems: readonly Problem[]): monaco.editor.IMarkerData[] {
  const lines = model.getLineCount();
  return problems.map((problem) => {
    const line = Math.min(Math.max(problem.line, 1), lines);
    const column = Math.min(Math.max(problem.column, 1), model.getLineMaxColumn(line));
    const endLine = Math.min(Math.max(problem.endLine ?? line, line), lines);
    let endColumn = problem.endColumn ?? model.getWordAtPosition({ lineNumber: line, column })?.endColumn ?? column + 1;
    endColumn = Math.min(endColumn, model.getLineMaxColumn(endLine));
    if (endLine === line && endColumn <= column) endColumn = model.getLineMaxColumn(line);
    return {
      severity: monaco.MarkerSeverity.Error,
      message: problem.message,
      code: problem.code,
      source: 'trellis',
      startLineNumber: line,
      startColumn: column,
      endLineNumber: endLine,
      endColumn,
    };
  });
}

/**
 * The YAML panel: Monaco with monaco-yaml and the workflow JSON Schema (completion, hover, schema
 * errors). Typing goes to the store (debounced), which keeps it as typed and applies it when it
 * parses; a text changed elsewhere (a canvas edit, undo, an example) is merged into the editor as
 * an edit, so the cursor and the editor's own undo stack survive. The store's problems are markers.
 */
export default function YamlPanel() {
  const store = useDesignerStore();
  const { text, parsed, problems } = useDesignerShallow(selectYamlPanel);
  const [editor, setEditor] = useState<CodeEditor | null>(null);
  const pending = useRef<number | undefined>(undefined);
  const applyingStoreText = useRef(false);

  const flush = useCallback(() => {
    if (pending.current === undefined) return;
    window.clearTimeout(pending.current);
    pending.current = undefined;
    const model = editor?.getModel();
    if (model != null) store.getState().editYaml(model.getValue());
  }, [editor, store]);

  const onMount: OnMount = useCallback((mounted) => {
    setEditor(mounted);
  }, []);

  // typing → the store, once typing pauses
  useEffect(() => {
    if (editor === null) return undefined;
    const subscription = editor.onDidChangeModelContent(() => {
      if (applyingStoreText.current) return;
      window.clearTimeout(pending.current);
      pending.current = window.setTimeout(() => {
        pending.current = undefined;
        const model = editor.getModel();
        if (model !== null) store.getState().editYaml(model.getValue());
      }, TYPING_DEBOUNCE_MS);
    });
    return () => {
      subscription.dispose();
      flush();
    };
  }, [editor, store, flush]);

  // the store's text → the editor, as an edit (unless the user's newer typing is on its way)
  useEffect(() => {
    const model = editor?.getModel();
    if (editor === null || model == null || pending.current !== undefined) return;
    const edit = textReplacement(model.getValue(), text);
    if (edit === undefined) return;
    const start = model.getPositionAt(edit.start);
    const end = model.getPositionAt(edit.end);
    applyingStoreText.current = true;
    try {
      editor.pushUndoStop();
      editor.executeEdits('trellis', [
        { range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column), text: edit.text, forceMoveMarkers: false },
      ]);
      editor.pushUndoStop();
    } finally {
      applyingStoreText.current = false;
    }
  }, [editor, text]);

  // the store's problems → markers (monaco-yaml's schema markers have their own owner)
  useEffect(() => {
    const model = editor?.getModel();
    if (model == null) return;
    monaco.editor.setModelMarkers(model, MARKER_OWNER, markersOf(model, problems));
  }, [editor, problems, text]);

  return (
    <div className="yaml-panel" data-testid="panel.yaml">
      <div className="yaml-panel-editor" data-testid="panel.yaml.editor">
        <Editor
          path={WORKFLOW_MODEL_PATH}
          defaultLanguage="yaml"
          defaultValue={text}
          theme={prefersDark() ? 'vs-dark' : 'vs'}
          options={EDITOR_OPTIONS}
          onMount={onMount}
          loading={<p className="empty">Loading the editor…</p>}
        />
      </div>
      <YamlStatus parsed={parsed} problems={problems} />
    </div>
  );
}

interface YamlStatusProps {
  parsed: boolean;
  problems: readonly Problem[];
}

/** Under the editor: whether the text parses, and the store's problems with their lines. */
function YamlStatus({ parsed, problems }: YamlStatusProps) {
  const summary = parsed
    ? problems.length === 0
      ? 'YAML is valid.'
      : `The workflow has ${String(problems.length)} problem${problems.length === 1 ? '' : 's'}.`
    : 'YAML has errors: the canvas shows the last valid graph.';
  return (
    <div className={`yaml-status${parsed ? '' : ' is-invalid'}`} data-testid="panel.yaml.status" role="status">
      <p className="yaml-status-summary">{summary}</p>
      {problems.length > 0 && (
        <ul className="yaml-status-problems">
          {problems.map((problem, index) => (
            <li key={`${String(index)}:${problem.code}`}>
              {problem.line > 0 ? `Line ${String(problem.line)}, column ${String(problem.column)}: ` : ''}
              {problem.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
