import { Workflow } from '../workflow.js';
import { buildVizModel, uuid5OidPrefix, type VizEdge, type VizModel } from './viz-model.js';

/** Options of {@link WorkflowViz.toMermaid} and {@link WorkflowViz.toDot}. */
export interface WorkflowVizOptions {
  /**
   * Also draw the engine's own input edge into the start executor (`internal_<start> --> <start>` in
   * Mermaid, `"internal:<start>" -> "<start>"` in DOT), after the other edges. The internal node is
   * not declared, as in Agent Framework. Default `false`.
   */
  includeInternalExecutors?: boolean;
  /**
   * Label edges the way .NET's `ToMermaidString()` can (the Python original cannot): a conditional
   * edge with its condition's function name (`A -. isUrgent .-> B`; `conditional` when the function
   * is anonymous) and a switch-case edge with the names of the cases leading to that target, or
   * `default` (`A -->|isSpam| B`; an anonymous case is `case <n>`, 1-based). Default `false`: the
   * Agent Framework (Python) shape, where conditional edges say `conditional` and switch-case edges
   * are unlabelled.
   */
  edgeLabels?: boolean;
}

/**
 * Draws a {@link Workflow} as a Mermaid flowchart or a Graphviz DOT digraph, in the exact shapes of
 * Agent Framework's `WorkflowViz` (`to_mermaid()` / `to_digraph()`).
 *
 * Mermaid (`toMermaid()`):
 * ```
 * flowchart TD
 *   step1["step1 (Start)"];
 *   step2["step2"];
 *   fan_in__join__1a2b3c4d((fan-in))
 *   a --> fan_in__join__1a2b3c4d;
 *   b --> fan_in__join__1a2b3c4d;
 *   fan_in__join__1a2b3c4d --> join;
 *   step1 --> step2;
 *   step1 -. conditional .-> step3;
 * ```
 * The start executor comes first, then the others in the order they were added; then one `fan-in`
 * junction per fan-in group (sources sorted, digest = first 8 hex chars of
 * sha256(`target|sorted sources joined by |`)); then every other edge in edge-group order. Only edges
 * added with a `condition` are dashed; switch-case and fan-out edges are solid. An executor hosting a
 * child workflow (see `SubWorkflowHost`) gets a `subgraph <id> ... end` block after the top-level lines,
 * with ids namespaced as `<host>__<child>`.
 *
 * Node ids are sanitized: every character outside `[0-9A-Za-z_]` becomes `_`, and an id that is
 * empty or does not start with a letter gets the prefix `n_`. Labels keep the raw executor id.
 *
 * Deliberate safety deviations from the Python original, which can emit diagrams Mermaid rejects:
 * - labels escape `"` as `#quot;` and `#`, `<`, `>`, backtick and control characters as Mermaid
 *   entity codes (`#35;`, `#60;`, ...), which Mermaid renders back as the raw character;
 * - an id that is a Mermaid keyword (`end`, `subgraph`, `class`, `style`, ...) also gets the `n_`
 *   prefix;
 * - two ids that sanitize to the same node id (`a-b` and `a.b`) are kept apart: the later one gets
 *   a `_2`, `_3`, ... suffix instead of silently merging two executors into one node.
 * An ordinary graph (ids of letters, digits, `_`, `-`, `.`, no collisions) is drawn exactly as the
 * Python original draws it.
 *
 * DOT (`toDot()`) uses the raw ids as quoted node names (`"` and `\` escaped, newlines as `\n`):
 * ```
 * digraph Workflow {
 *   rankdir=TD;
 *   node [shape=box, style=filled, fillcolor=lightblue];
 *   edge [color=black, arrowhead=vee];
 *
 *   "step1" [fillcolor=lightgreen, label="step1\n(Start)"];
 *   "step2" [label="step2"];
 *   "step1" -> "step2";
 * }
 * ```
 *
 * @example
 * ```ts
 * const viz = new WorkflowViz(workflow)
 * console.log(viz.toMermaid())
 * console.log(viz.toDot({ edgeLabels: true }))
 * ```
 */
export class WorkflowViz {
  readonly #workflow: Workflow;

  /** Wraps `workflow`; the graph is read on every call, so the diagrams always match it. */
  constructor(workflow: Workflow) {
    if (!((workflow as unknown) instanceof Workflow)) {
      throw new TypeError('new WorkflowViz(workflow) needs a Workflow (from WorkflowBuilder.build())');
    }
    this.#workflow = workflow;
  }

  /** The visualized workflow. */
  get workflow(): Workflow {
    return this.#workflow;
  }

  /** The workflow as a Mermaid `flowchart TD` (see {@link WorkflowViz} for the exact shape). */
  toMermaid(options: WorkflowVizOptions = {}): string {
    const lines = ['flowchart TD'];
    emitMermaid(this.#workflow, lines, '  ', undefined, new MermaidIds(), options, new Set([this.#workflow]));
    return lines.join('\n');
  }

  /** The workflow as a Graphviz DOT `digraph Workflow` (see {@link WorkflowViz} for the exact shape). */
  toDot(options: WorkflowVizOptions = {}): string {
    const lines = [
      'digraph Workflow {',
      '  rankdir=TD;',
      '  node [shape=box, style=filled, fillcolor=lightblue];',
      '  edge [color=black, arrowhead=vee];',
      '',
    ];
    emitDot(this.#workflow, lines, '  ', undefined, options, new Set([this.#workflow]));
    lines.push('}');
    return lines.join('\n');
  }
}

// ---------------------------------------------------------------------------------------------
// Mermaid

/** Words Mermaid's flowchart lexer takes as keywords; a node id equal to one breaks the diagram. */
const MERMAID_KEYWORDS = new Set([
  'graph',
  'flowchart',
  'subgraph',
  'end',
  'style',
  'linkStyle',
  'classDef',
  'class',
  'click',
  'call',
  'href',
  'default',
  'interpolate',
  'direction',
]);

/** Agent Framework's `_san`: every code point outside `[0-9A-Za-z_]` to `_`; `n_` first unless it starts with a letter. */
function sanitizeMermaidId(raw: string): string {
  const replaced = raw.replace(/[^0-9A-Za-z_]/gu, '_');
  return /^[A-Za-z]/u.test(replaced) ? replaced : `n_${replaced}`;
}

/** The node id of an executor in the top-level graph: sanitized, and kept off Mermaid's keywords. */
function topLevelNodeId(raw: string): string {
  const id = sanitizeMermaidId(raw);
  return MERMAID_KEYWORDS.has(id) ? `n_${id}` : id;
}

/** Hands out node ids unique across one diagram (sub-workflows included). */
class MermaidIds {
  readonly #used = new Set<string>();

  allocate(base: string): string {
    let id = base;
    for (let n = 2; this.#used.has(id); n++) id = `${base}_${String(n)}`;
    this.#used.add(id);
    return id;
  }
}

/** Escapes text for Mermaid, as entity codes Mermaid renders back: `#quot;` for `"`, `#<code>;` for the rest. */
function mermaidEntities(text: string, safe: (ch: string, code: number) => boolean): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (safe(ch, code)) out += ch;
    else out += ch === '"' ? '#quot;' : `#${String(code)};`;
  }
  return out;
}

const LABEL_UNSAFE = new Set(['"', '#', '<', '>', '`']);

/** A node label: the raw id with only the characters that could break the quoted label escaped. */
function mermaidLabel(text: string): string {
  return mermaidEntities(text, (ch, code) => code >= 0x20 && code !== 0x7f && !LABEL_UNSAFE.has(ch));
}

/** An edge label (unquoted in Mermaid's syntax): anything but letters, digits, `_`, `$` and spaces is escaped. */
function mermaidEdgeLabel(text: string): string {
  return mermaidEntities(text, (ch) => /^[0-9A-Za-z_$ ]$/u.test(ch));
}

function mermaidArrow(edge: VizEdge, labels: boolean): string {
  if (edge.conditional) return labels && edge.label !== undefined ? `-. ${mermaidEdgeLabel(edge.label)} .->` : '-. conditional .->';
  return labels && edge.label !== undefined ? `-->|${mermaidEdgeLabel(edge.label)}|` : '-->';
}

/**
 * Emits one workflow level. `ns` is the node id of the executor hosting this level (undefined at the
 * top); `path` holds the workflows being drawn, so a workflow that contains itself is not followed.
 */
function emitMermaid(
  workflow: Workflow,
  lines: string[],
  indent: string,
  ns: string | undefined,
  ids: MermaidIds,
  options: WorkflowVizOptions,
  path: ReadonlySet<Workflow>,
): void {
  const model = buildVizModel(workflow);
  const nodeIds = new Map<string, string>();
  const nodeId = (raw: string): string => nodeIds.get(raw) ?? topLevelNodeId(raw);
  for (const executor of startFirst(model)) {
    const base = ns === undefined ? topLevelNodeId(executor.id) : `${ns}__${sanitizeMermaidId(executor.id)}`;
    nodeIds.set(executor.id, ids.allocate(base));
  }
  lines.push(`${indent}${nodeId(model.startId)}["${mermaidLabel(model.startId)} (Start)"];`);
  for (const executor of model.executors) {
    if (executor.id !== model.startId) lines.push(`${indent}${nodeId(executor.id)}["${mermaidLabel(executor.id)}"];`);
  }

  const fanIns = model.fanIns.map((fanIn) => ({
    ...fanIn,
    id: ids.allocate(`fan_in__${ns === undefined ? '' : `${ns}__`}${sanitizeMermaidId(`${fanIn.target}__${fanIn.digest}`)}`),
  }));
  // no trailing semicolon on the junction declaration, as in Agent Framework
  for (const fanIn of fanIns) lines.push(`${indent}${fanIn.id}((fan-in))`);
  for (const fanIn of fanIns) {
    for (const source of fanIn.sources) lines.push(`${indent}${nodeId(source)} --> ${fanIn.id};`);
    lines.push(`${indent}${fanIn.id} --> ${nodeId(fanIn.target)};`);
  }

  const labels = options.edgeLabels === true;
  for (const edge of model.edges) lines.push(`${indent}${nodeId(edge.source)} ${mermaidArrow(edge, labels)} ${nodeId(edge.target)};`);
  if (ns === undefined && options.includeInternalExecutors === true) {
    const internal = ids.allocate(sanitizeMermaidId(model.internalEdge.source));
    lines.push(`${indent}${internal} --> ${nodeId(model.internalEdge.target)};`);
  }

  for (const { hostId, workflow: child } of model.subWorkflows) {
    if (path.has(child)) continue;
    const host = nodeId(hostId);
    lines.push(`${indent}subgraph ${host}`);
    emitMermaid(child, lines, `${indent}  `, host, ids, options, new Set([...path, child]));
    lines.push(`${indent}end`);
  }
}

/** The model's executors with the start executor first (the order nodes are declared in). */
function startFirst(model: VizModel): VizModel['executors'] {
  const start = model.executors.filter((e) => e.id === model.startId);
  return [...start, ...model.executors.filter((e) => e.id !== model.startId)];
}

// ---------------------------------------------------------------------------------------------
// DOT

/** A DOT quoted-string body: `\` and `"` escaped, line breaks as `\n` / `\r`. */
function dotString(text: string): string {
  return text.replace(/[\\"\n\r]/gu, (ch) => (ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : `\\${ch}`));
}

function dotEdgeAttributes(edge: VizEdge, labels: boolean): string {
  if (edge.conditional) return ` [style=dashed, label="${labels && edge.label !== undefined ? dotString(edge.label) : 'conditional'}"]`;
  return labels && edge.label !== undefined ? ` [label="${dotString(edge.label)}"]` : '';
}

/**
 * Emits one workflow level. `ns` is the `/`-joined path of host executor ids (undefined at the top):
 * nested node names are `"<ns>/<id>"`, and each sub-workflow is a dashed `cluster_<8 hex>` subgraph
 * named by uuid5(NAMESPACE_OID, path) as in Agent Framework.
 */
function emitDot(
  workflow: Workflow,
  lines: string[],
  indent: string,
  ns: string | undefined,
  options: WorkflowVizOptions,
  path: ReadonlySet<Workflow>,
): void {
  const model = buildVizModel(workflow);
  const name = (raw: string): string => `"${dotString(ns === undefined ? raw : `${ns}/${raw}`)}"`;
  lines.push(`${indent}${name(model.startId)} [fillcolor=lightgreen, label="${dotString(model.startId)}\\n(Start)"];`);
  for (const executor of model.executors) {
    if (executor.id !== model.startId) lines.push(`${indent}${name(executor.id)} [label="${dotString(executor.id)}"];`);
  }

  const fanIns = model.fanIns.map((fanIn) => ({ ...fanIn, id: name(`fan_in::${fanIn.target}::${fanIn.digest}`) }));
  if (fanIns.length > 0) {
    lines.push('');
    for (const fanIn of fanIns) lines.push(`${indent}${fanIn.id} [shape=ellipse, fillcolor=lightgoldenrod, label="fan-in"];`);
  }
  for (const fanIn of fanIns) {
    for (const source of fanIn.sources) lines.push(`${indent}${name(source)} -> ${fanIn.id};`);
    lines.push(`${indent}${fanIn.id} -> ${name(fanIn.target)};`);
  }

  const labels = options.edgeLabels === true;
  for (const edge of model.edges) lines.push(`${indent}${name(edge.source)} -> ${name(edge.target)}${dotEdgeAttributes(edge, labels)};`);
  if (ns === undefined && options.includeInternalExecutors === true) {
    lines.push(`${indent}${name(model.internalEdge.source)} -> ${name(model.internalEdge.target)};`);
  }

  for (const { hostId, workflow: child } of model.subWorkflows) {
    if (path.has(child)) continue;
    const childNs = ns === undefined ? hostId : `${ns}/${hostId}`;
    lines.push(`${indent}subgraph cluster_${uuid5OidPrefix(childNs)} {`);
    lines.push(`${indent}  label="sub-workflow: ${dotString(hostId)}";`);
    lines.push(`${indent}  style=dashed;`);
    emitDot(child, lines, `${indent}  `, childNs, options, new Set([...path, child]));
    lines.push(`${indent}}`);
  }
}
