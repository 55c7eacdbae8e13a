import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { useDesignerStore } from '../useDesigner.ts';
import type { CanvasImageFormat } from './canvasImage.ts';
import { downloadBlob, downloadText } from './download.ts';
import { fileBaseOf, workflowFileName } from './fileNames.ts';
import { messageOf, useNotify } from './noticeContext.ts';

/** The File menu's downloads. */
export interface FileExports {
  /** The open document's YAML text, exactly as the YAML panel shows it, as `<name>.workflow.yaml`. */
  readonly downloadYaml: () => void;
  /** The engine's Mermaid text (what the Diagram panel draws), as `<name>.mmd`. */
  readonly exportMermaid: () => void;
  /** A picture of the canvas, as `<name>.svg` or `<name>.png`. */
  readonly exportImage: (format: CanvasImageFormat) => void;
}

const IMAGE_TYPES: Readonly<Record<CanvasImageFormat, string>> = { svg: 'SVG', png: 'PNG' };

/**
 * Writes what is typed in the focused field before the YAML is read: an inspector field writes on
 * a typing pause or on blur, so Ctrl/Cmd+S right after typing would otherwise miss the last
 * keystrokes. The blur writes them (synchronously); the focus then goes back where it was.
 */
function writeFocusedField(): void {
  const focused = document.activeElement;
  if (!(focused instanceof HTMLElement) || focused === document.body) return;
  focused.blur();
  focused.focus({ preventScroll: true });
}

/**
 * The downloads of the open workflow. The Mermaid writer (the engine's compiler) and the image
 * renderer (html-to-image) are loaded when first asked for, so they cost the first page nothing.
 * Each outcome is reported as a notice. Needs React Flow's provider (for the measured nodes).
 */
export function useFileExports(): FileExports {
  const store = useDesignerStore();
  const notify = useNotify();
  const { getNodes } = useReactFlow();

  return useMemo(() => {
    const baseName = (): string => fileBaseOf(store.getState().definition.workflow.name);
    const failed = (what: string) => (error: unknown) => {
      notify({ kind: 'error', message: `${what} failed: ${messageOf(error)}` });
    };

    const downloadYaml = (): void => {
      writeFocusedField();
      const { yamlText, definition } = store.getState();
      const fileName = workflowFileName(definition.workflow.name);
      downloadText(yamlText, 'application/yaml;charset=utf-8', fileName);
      notify({ kind: 'success', message: `Downloaded ${fileName}` });
    };

    const exportMermaid = (): void => {
      const { definition } = store.getState();
      import('./mermaidSource.ts')
        .then(({ mermaidSource }) => {
          const source = mermaidSource(definition);
          if (source === undefined) {
            notify({ kind: 'error', message: 'The workflow has problems, so there is no Mermaid diagram to export: fix them first' });
            return;
          }
          const fileName = `${baseName()}.mmd`;
          downloadText(source, 'text/plain;charset=utf-8', fileName);
          notify({ kind: 'success', message: `Exported ${fileName}` });
        })
        .catch(failed('The Mermaid export'));
    };

    const exportImage = (format: CanvasImageFormat): void => {
      const nodes = getNodes();
      const viewport = document.querySelector<HTMLElement>('.react-flow .react-flow__viewport');
      if (nodes.length === 0 || viewport === null) {
        notify({ kind: 'error', message: 'The canvas is empty: add a node before exporting a picture' });
        return;
      }
      // the theme's canvas colour (a custom property: its computed value has var() resolved)
      const background = getComputedStyle(viewport).getPropertyValue('--xy-background-color').trim() || 'white';
      const fileName = `${baseName()}.${format}`;
      import('./canvasImage.ts')
        .then(({ canvasImage }) => canvasImage(viewport, nodes, format, background))
        .then((blob) => {
          downloadBlob(blob, fileName);
          notify({ kind: 'success', message: `Exported ${fileName}` });
        })
        .catch(failed(`The ${IMAGE_TYPES[format]} export`));
    };

    return { downloadYaml, exportMermaid, exportImage };
  }, [store, notify, getNodes]);
}
