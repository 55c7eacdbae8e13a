import { parseWorkflowYamlDocument, stringifyWorkflow, type EdgeDefinition, type Problem, type WorkflowDefinition } from '@trellis/engine';
import type { GraphChange } from './changes.ts';
import { layoutEntries } from './document.ts';
import { removeMembers, renameInEdge } from './edges.ts';
import { asNodeId, positionOf, type FlowPosition, type NodeId } from './graph.ts';
import { takenIds, uniqueId } from './ids.ts';
import { isCanvasDocument } from './shape.ts';

/**
 * Copy and paste as workflow YAML, so a selection travels between tabs, windows and text editors:
 * the clipboard holds a small workflow of the copied nodes and the connections among them.
 */

/** How far a paste lands from where its nodes were copied (flow units). */
export const PASTE_OFFSET: FlowPosition = { x: 40, y: 40 };

/** The connections of `edges` whose both ends are in `inside` (edges half inside keep that half). */
function edgesWithin(edges: readonly EdgeDefinition[] | undefined, inside: ReadonlySet<string>): EdgeDefinition[] {
  return removeMembers(edges ?? [], { member: (m) => !inside.has(m.source) || !inside.has(m.target) }).edges;
}

/** A workflow of just the selected nodes (in document order) and the connections between them. */
function fragmentOf(definition: WorkflowDefinition, ids: Iterable<string>): WorkflowDefinition | undefined {
  const chosen = new Set(ids);
  const executors = definition.workflow.executors.filter((node) => chosen.has(node.id));
  const first = executors[0];
  if (first === undefined) return undefined;
  const inside = new Set(executors.map((node) => node.id));
  const edges = edgesWithin(definition.workflow.edges, inside);
  const layout = layoutEntries(definition).filter(([id]) => inside.has(id));
  return {
    workflow: { name: definition.workflow.name, start: first.id, executors, ...(edges.length > 0 ? { edges } : {}) },
    ...(layout.length > 0 ? { layout: Object.fromEntries(layout) } : {}),
  };
}

/**
 * The YAML of a selection: a workflow of the selected nodes, the connections fully inside the
 * selection (a fan-out half inside keeps its inside half), their layout, and the first of them as
 * `start`. Unknown ids are skipped; undefined when nothing is left to copy.
 */
export function copyToYaml(definition: WorkflowDefinition, ids: Iterable<string>): string | undefined {
  const fragment = fragmentOf(definition, ids);
  return fragment === undefined ? undefined : stringifyWorkflow(fragment);
}

/** What a paste answers: the changes to apply as one step and the new nodes (to select them), or why not. */
export type PasteResult =
  | { readonly ok: true; readonly changes: GraphChange[]; readonly nodeIds: NodeId[] }
  | { readonly ok: false; readonly error: string; readonly problems: readonly Problem[] };

/**
 * The changes that paste workflow YAML (from {@link copyToYaml}, or any workflow file) into a
 * document: ids taken in the document are renamed (`x` to `x_2`), edges follow the renames,
 * positions move by `offset`. Connections to nodes that are not in the clipboard are left out;
 * `start` is not pasted. Text that is no workflow answers an error and no change.
 *
 * @example
 * const paste = pasteFromYaml(definition, await navigator.clipboard.readText());
 * if (paste.ok) definition = applyChanges(definition, paste.changes).definition;
 */
export function pasteFromYaml(definition: WorkflowDefinition, text: string, options: { offset?: FlowPosition } = {}): PasteResult {
  const { definition: fragment, problems } = parseWorkflowYamlDocument(text);
  if (fragment === undefined) {
    const why = problems[0] === undefined ? '' : `: ${problems[0].message}`;
    return { ok: false, error: `the clipboard holds no workflow${why}`, problems };
  }
  if (!isCanvasDocument(fragment) || fragment.workflow.executors.length === 0) {
    return { ok: false, error: 'the clipboard holds a workflow without nodes the canvas can show', problems };
  }
  const offset = options.offset ?? PASTE_OFFSET;
  const own = fragment.workflow.executors.map((node) => node.id);
  const taken = takenIds(definition);
  // ids the paste keeps are reserved first, so a renamed `x` does not become a pasted `x_2`
  const reserved = new Set([...taken, ...own]);
  const renamed = new Map<string, string>();
  for (const id of own) {
    const fresh = taken.has(id) ? uniqueId(reserved, id) : id;
    reserved.add(fresh);
    renamed.set(id, fresh);
  }
  const rename = (id: string): string => renamed.get(id) ?? id;
  const changes: GraphChange[] = fragment.workflow.executors.map((node) => {
    const at = positionOf(fragment, node.id);
    const position = at === undefined ? null : { x: at.x + offset.x, y: at.y + offset.y };
    return { type: 'addNode', node: { ...node, id: rename(node.id) }, position };
  });
  for (const edge of edgesWithin(fragment.workflow.edges, new Set(own))) {
    changes.push({ type: 'addEdge', edge: renameInEdge(edge, rename) });
  }
  return { ok: true, changes, nodeIds: own.map((id) => asNodeId(rename(id))) };
}

/**
 * Duplicates nodes in place (copy, then paste offset): the changes and the new node ids.
 */
export function duplicateNodes(
  definition: WorkflowDefinition,
  ids: Iterable<string>,
  options: { offset?: FlowPosition } = {},
): PasteResult {
  const text = copyToYaml(definition, ids);
  return text === undefined ? { ok: false, error: 'nothing is selected', problems: [] } : pasteFromYaml(definition, text, options);
}
