import { compileWorkflow, WorkflowViz, type WorkflowDefinition } from '@trellis/engine';

/**
 * The engine's Mermaid text for a definition (`WorkflowViz.toMermaid()`), or undefined when the
 * definition does not compile. The Diagram panel draws it and the File menu exports it: one code
 * path, so the exported `.mmd` is always what the panel shows.
 */
export function mermaidSource(definition: WorkflowDefinition): string | undefined {
  try {
    return new WorkflowViz(compileWorkflow(definition)).toMermaid();
  } catch {
    return undefined;
  }
}
