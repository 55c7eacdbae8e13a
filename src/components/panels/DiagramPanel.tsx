import type { Mermaid } from 'mermaid';
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { downloadText } from '../../designer/files/download.ts';
import { fileBaseOf } from '../../designer/files/fileNames.ts';
import { mermaidSource } from '../../designer/files/mermaidSource.ts';
import { useDesigner } from '../../designer/useDesigner.ts';

/** How long the definition must stay unchanged before the diagram is drawn again. */
const RENDER_DEBOUNCE_MS = 200;
/** How long the "Copied" confirmation stays. */
const COPIED_MS = 2000;

type Theme = 'default' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribeToColorScheme(onChange: () => void): () => void {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => {
    query.removeEventListener('change', onChange);
  };
}

function currentTheme(): Theme {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches ? 'dark' : 'default';
}

let mermaidPromise: Promise<Mermaid> | undefined;
let initializedTheme: Theme | undefined;

/** Mermaid, loaded on first use (its own lazy chunks), initialised for the theme asked. */
async function mermaidFor(theme: Theme): Promise<Mermaid> {
  mermaidPromise ??= import('mermaid').then((module) => module.default);
  const mermaid = await mermaidPromise;
  if (initializedTheme !== theme) {
    // strict: mermaid sanitises labels and the SVG; dagre: the ELK layout chunk never loads
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', layout: 'dagre', theme });
    initializedTheme = theme;
  }
  return mermaid;
}

interface Diagram {
  /** The Mermaid text drawn. */
  source: string;
  /** The SVG Mermaid answered (sanitised: strict security level). */
  svg: string;
  /** The file name without extension. */
  name: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

/**
 * The Diagram panel: the engine's `WorkflowViz.toMermaid()` of the current workflow, drawn by
 * Mermaid (loaded lazily, strict security level, dagre layout), with the Mermaid source, copy and
 * downloads. A definition that does not compile keeps the last good diagram, with a note.
 */
export default function DiagramPanel() {
  const definition = useDesigner((state) => state.definition);
  const yamlParsed = useDesigner((state) => state.yamlParsed);
  const theme = useSyncExternalStore(subscribeToColorScheme, currentTheme);
  const idBase = `diagram-${useId().replace(/[^\w-]/g, '')}`;
  const [diagram, setDiagram] = useState<Diagram | undefined>(undefined);
  const [compiles, setCompiles] = useState(true);
  const [renderError, setRenderError] = useState<string | undefined>(undefined);
  const [copyState, setCopyState] = useState<CopyState>('idle');
  const renderCount = useRef(0);

  // the definition → Mermaid text → SVG, once edits pause; the latest render wins
  useEffect(() => {
    let cancelled = false;
    const timer = window.setTimeout(() => {
      const source = mermaidSource(definition);
      setCompiles(source !== undefined);
      if (source === undefined) return;
      renderCount.current += 1;
      const id = `${idBase}-${String(renderCount.current)}`;
      mermaidFor(theme)
        .then((mermaid) => mermaid.render(id, source))
        .then(
          ({ svg }) => {
            if (cancelled) return;
            setDiagram({ source, svg, name: fileBaseOf(definition.workflow.name) });
            setRenderError(undefined);
          },
          (error: unknown) => {
            // mermaid can leave its scratch element behind when a render fails
            document.getElementById(`d${id}`)?.remove();
            if (cancelled) return;
            setRenderError(error instanceof Error ? error.message : String(error));
          },
        );
    }, RENDER_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [definition, theme, idBase]);

  useEffect(() => {
    if (copyState === 'idle') return undefined;
    const timer = window.setTimeout(() => {
      setCopyState('idle');
    }, COPIED_MS);
    return () => {
      window.clearTimeout(timer);
    };
  }, [copyState]);

  const copy = (): void => {
    if (diagram === undefined) return;
    navigator.clipboard.writeText(diagram.source).then(
      () => {
        setCopyState('copied');
      },
      () => {
        setCopyState('failed');
      },
    );
  };

  const stale = diagram !== undefined && (!compiles || !yamlParsed);

  return (
    <div className="diagram-panel" data-testid="panel.diagram">
      <div className="diagram-toolbar">
        <button type="button" className="button" data-testid="panel.diagram.copy" disabled={diagram === undefined} onClick={copy}>
          Copy Mermaid
        </button>
        <button
          type="button"
          className="button"
          data-testid="panel.diagram.download-mmd"
          disabled={diagram === undefined}
          onClick={() => {
            if (diagram !== undefined) downloadText(diagram.source, 'text/plain;charset=utf-8', `${diagram.name}.mmd`);
          }}
        >
          Download .mmd
        </button>
        <button
          type="button"
          className="button"
          data-testid="panel.diagram.download-svg"
          disabled={diagram === undefined}
          onClick={() => {
            if (diagram !== undefined) downloadText(diagram.svg, 'image/svg+xml', `${diagram.name}.svg`);
          }}
        >
          Download .svg
        </button>
        <span className="diagram-copy-status" role="status" data-testid="panel.diagram.copy-status">
          {copyState === 'copied' ? 'Copied' : copyState === 'failed' ? 'Copy failed' : ''}
        </span>
      </div>
      {stale && (
        <p className="diagram-note" data-testid="panel.diagram.stale">
          The diagram shows the last valid workflow
        </p>
      )}
      {renderError !== undefined && (
        <p className="diagram-note is-error" data-testid="panel.diagram.error">
          Mermaid could not draw the diagram: {renderError}
        </p>
      )}
      {diagram === undefined ? (
        <p className="panel-loading" data-testid="panel.diagram.empty">
          {compiles ? 'Drawing the diagram…' : 'No diagram yet: the workflow has problems.'}
        </p>
      ) : (
        <>
          {/* strict security level: mermaid sanitises the SVG it answers */}
          <div className="diagram-svg" data-testid="panel.diagram.svg" dangerouslySetInnerHTML={{ __html: diagram.svg }} />
          <details className="diagram-source" data-testid="panel.diagram.source">
            <summary>Mermaid source</summary>
            <pre>{diagram.source}</pre>
          </details>
        </>
      )}
    </div>
  );
}
