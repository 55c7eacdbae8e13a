import { useEffect, useRef, useState } from 'react';
import { prefersDark } from '../../editor/monacoCore.ts';
import { createCodeModel, declareFunctionGlobals, monaco } from '../../editor/javascriptSetup.ts';
import { textReplacement } from '../../editor/textEdit.ts';

export interface CodeEditorProps {
  /** The node whose code this is (a new node gets a new model, with its own undo stack). */
  readonly nodeId: string;
  /** The text to show: the field's typed text, or the store's value once written. */
  readonly value: string;
  readonly onChange: (text: string) => void;
  readonly onBlur: () => void;
  /** The node's `input` type spec, which types `input` for completion. */
  readonly inputSpec: unknown;
  readonly ariaLabel: string;
  readonly readOnly: boolean;
  /** Asked once the editor exists: whether to take the focus (the fallback textarea had it). */
  readonly focusOnMount: () => boolean;
}

const OPTIONS: monaco.editor.IStandaloneEditorConstructionOptions = {
  automaticLayout: true,
  minimap: { enabled: false },
  fontSize: 13,
  tabSize: 2,
  insertSpaces: true,
  lineNumbers: 'on',
  lineNumbersMinChars: 3,
  folding: false,
  scrollBeyondLastLine: false,
  wordWrap: 'on',
  fixedOverflowWidgets: true,
  stickyScroll: { enabled: false },
  // Tab moves the focus on, as in every other field (no keyboard trap); Ctrl+] indents
  tabFocusMode: true,
  renderLineHighlight: 'none',
  overviewRulerLanes: 0,
};

/**
 * Monaco for a function's code (the body of `async (input, ctx) => { ... }`), with JavaScript
 * completion that knows `input` and `ctx`. Monaco's own undo works inside; what it types goes to
 * `onChange`, and a `value` changed elsewhere (a store undo, a YAML edit) comes in as an edit, so
 * the cursor and the editor's undo stack survive.
 */
export default function CodeEditor({ nodeId, value, onChange, onBlur, inputSpec, ariaLabel, readOnly, focusOnMount }: CodeEditorProps) {
  const container = useRef<HTMLDivElement>(null);
  const [editor, setEditor] = useState<monaco.editor.IStandaloneCodeEditor | null>(null);
  const latest = useRef({ value, onChange, onBlur, focusOnMount, ariaLabel, readOnly });
  const applyingValue = useRef(false);
  // the texts sent through onChange that no render has shown back yet, oldest first
  const sent = useRef<string[]>([]);
  useEffect(() => {
    latest.current = { value, onChange, onBlur, focusOnMount, ariaLabel, readOnly };
  });

  useEffect(() => {
    declareFunctionGlobals(inputSpec);
  }, [inputSpec]);

  useEffect(() => {
    const element = container.current;
    if (element === null) return undefined;
    const { value: initial, ariaLabel: label, readOnly: locked } = latest.current;
    const model = createCodeModel(nodeId, initial);
    const created = monaco.editor.create(element, {
      ...OPTIONS,
      model,
      ariaLabel: label,
      readOnly: locked,
      theme: prefersDark() ? 'vs-dark' : 'vs',
    });
    const changes = created.onDidChangeModelContent(() => {
      if (applyingValue.current) return;
      const text = model.getValue();
      sent.current.push(text);
      latest.current.onChange(text);
    });
    // the DOM's focusout, not Monaco's onDidBlurEditorWidget: Monaco reports a blur a tick later,
    // after a click on Undo has already run, and the typed text must be written before that
    const onFocusOut = (event: FocusEvent) => {
      if (!(event.relatedTarget instanceof Node) || !element.contains(event.relatedTarget)) latest.current.onBlur();
    };
    element.addEventListener('focusout', onFocusOut);
    if (latest.current.focusOnMount()) {
      created.setPosition(model.getFullModelRange().getEndPosition());
      created.focus();
    }
    setEditor(created);
    return () => {
      changes.dispose();
      element.removeEventListener('focusout', onFocusOut);
      created.dispose();
      model.dispose();
    };
  }, [nodeId]);

  useEffect(() => {
    editor?.updateOptions({ readOnly, ariaLabel });
  }, [editor, readOnly, ariaLabel]);

  // a value from elsewhere → the model, as one undoable edit. A value this editor sent is an
  // echo, possibly older than the model when typing outruns rendering: it must not undo newer keys.
  useEffect(() => {
    const model = editor?.getModel();
    if (editor === null || model == null) return;
    const echo = sent.current.lastIndexOf(value);
    if (echo !== -1) {
      sent.current.splice(0, echo + 1);
      return;
    }
    sent.current = [];
    const edit = textReplacement(model.getValue(), value);
    if (edit === undefined) return;
    const start = model.getPositionAt(edit.start);
    const end = model.getPositionAt(edit.end);
    applyingValue.current = true;
    try {
      editor.pushUndoStop();
      editor.executeEdits('trellis', [
        { range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column), text: edit.text, forceMoveMarkers: false },
      ]);
      editor.pushUndoStop();
    } finally {
      applyingValue.current = false;
    }
  }, [editor, value]);

  return <div ref={container} className="code-editor" data-testid="inspector.code.monaco" />;
}
