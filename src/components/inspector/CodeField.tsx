import type { Problem } from '@trellis/engine';
import { lazy, Suspense, useCallback, useId, useRef } from 'react';
import type { NodeId } from '../../model/index.ts';
import { FieldMessages, hasMessages } from './FieldMessages.tsx';
import { useBufferedText } from './useBufferedText.ts';
import type { NodeEdits } from './useNodeEdits.ts';

// Monaco and the JavaScript language service load when a function's code is first shown; a plain
// textarea holds the text until then, so the inspector is usable at once.
const CodeEditor = lazy(() => import('./CodeEditor.tsx'));

interface CodeFieldProps {
  readonly nodeId: NodeId;
  readonly code: string;
  readonly inputSpec: unknown;
  readonly edits: NodeEdits;
  readonly problems: readonly Problem[];
  readonly readOnly: boolean;
}

/** A function's code: Monaco with JavaScript completion, a textarea until Monaco arrives. */
export function CodeField({ nodeId, code, inputSpec, edits, problems, readOnly }: CodeFieldProps) {
  const labelId = useId();
  const inputId = useId();
  const messagesId = useId();
  const hintId = useId();
  const write = useCallback((text: string) => edits.typed('code', { code: text }), [edits]);
  const buffered = useBufferedText({ value: code, write });
  const fallbackFocused = useRef(false);
  const focusOnMount = useCallback(() => fallbackFocused.current, []);
  const invalid = hasMessages(undefined, problems);
  const describedBy = invalid ? `${messagesId} ${hintId}` : hintId;

  const fallback = (
    <textarea
      id={inputId}
      rows={6}
      className="input code"
      data-testid="inspector.code.textarea"
      spellCheck={false}
      readOnly={readOnly}
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      aria-invalid={invalid}
      value={buffered.text}
      onFocus={() => {
        fallbackFocused.current = true;
      }}
      onBlur={() => {
        fallbackFocused.current = false;
        buffered.flush();
      }}
      onChange={(event) => {
        buffered.onChange(event.target.value);
      }}
    />
  );

  return (
    <div className="field">
      <label id={labelId} className="field-label" htmlFor={inputId}>
        Code
      </label>
      <div className="code-field" data-testid="inspector.field.code">
        <Suspense fallback={fallback}>
          <CodeEditor
            nodeId={nodeId}
            value={buffered.text}
            onChange={buffered.onChange}
            onBlur={buffered.flush}
            inputSpec={inputSpec}
            ariaLabel="Code: the body of async (input, ctx) => { … }"
            readOnly={readOnly}
            focusOnMount={focusOnMount}
          />
        </Suspense>
      </div>
      <FieldMessages id={messagesId} error={undefined} problems={problems} testName="code" />
      <span id={hintId} className="field-hint">
        The body of <code>async (input, ctx) =&gt; {'{ … }'}</code>; a returned value is sent on. Tab moves on, Ctrl+] indents.
      </span>
    </div>
  );
}
