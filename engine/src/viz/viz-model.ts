import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import type { EdgeGroup } from '../builder/edge-groups.js';
import type { Executor } from '../executors/executor.js';
import { internalSourceId } from '../runtime/message.js';
import { Workflow } from '../workflow.js';

/**
 * An executor that hosts a child workflow (the coming `WorkflowExecutor`). Visualizations draw the
 * child inside a Mermaid `subgraph` / DOT `cluster_` block after the parent's own lines.
 *
 * The check is duck-typed on a `subWorkflow` property holding a {@link Workflow}, so the viz module
 * does not depend on the executor class: a sub-workflow executor only needs
 * `get subWorkflow(): Workflow`.
 */
export interface SubWorkflowHost {
  /** The child workflow the executor runs. */
  readonly subWorkflow: Workflow;
}

/** True when `executor` exposes a child workflow through a `subWorkflow` property (see {@link SubWorkflowHost}). */
export function isSubWorkflowHost(executor: Executor): executor is Executor & SubWorkflowHost {
  return (executor as Partial<SubWorkflowHost>).subWorkflow instanceof Workflow;
}

/** One fan-in group as drawn: a junction node between the sources and the target. */
export interface VizFanIn {
  readonly target: string;
  /** The group's sources, sorted by code point (as Python's `sorted`). */
  readonly sources: readonly string[];
  /** First 8 hex chars of sha256(`target|source1|source2...`). */
  readonly digest: string;
}

/** One drawn edge between two executors (fan-in edges excluded). */
export interface VizEdge {
  readonly source: string;
  readonly target: string;
  /** True when the edge carries its own condition (drawn dashed); switch-case and fan-out edges are not. */
  readonly conditional: boolean;
  /** What the edge is labelled with when edge labels are on: a condition name, case names or `default`. */
  readonly label: string | undefined;
}

/** The drawable content of one workflow level, in emission order. */
export interface VizModel {
  readonly startId: string;
  /** Executors in insertion order, the start included (renderers draw it first). */
  readonly executors: readonly Executor[];
  readonly fanIns: readonly VizFanIn[];
  /** Non-fan-in edges in edge-group order. */
  readonly edges: readonly VizEdge[];
  /** The engine's input edge into the start executor (`internal:<start>` to `<start>`). */
  readonly internalEdge: { readonly source: string; readonly target: string };
  /** Executors hosting a child workflow, in insertion order. */
  readonly subWorkflows: readonly { readonly hostId: string; readonly workflow: Workflow }[];
}

/** Orders strings by Unicode code point, as Python's `sorted` does (JavaScript's default sorts by UTF-16 unit). */
export function compareCodePoints(a: string, b: string): number {
  const left = Array.from(a, (c) => c.codePointAt(0) ?? 0);
  const right = Array.from(b, (c) => c.codePointAt(0) ?? 0);
  const length = Math.min(left.length, right.length);
  for (let i = 0; i < length; i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return left.length - right.length;
}

/** The fan-in digest: first 8 hex chars of sha256(`target + "|" + sorted(sources).join("|")`). */
export function fanInDigest(target: string, sources: readonly string[]): string {
  const sorted = [...sources].sort(compareCodePoints);
  return bytesToHex(sha256(utf8ToBytes(`${target}|${sorted.join('|')}`))).slice(0, 8);
}

const NAMESPACE_OID = hexToBytes('6ba7b8129dad11d180b400c04fd430c8');

/** First 8 hex chars of Python's `uuid.uuid5(uuid.NAMESPACE_OID, name)` (the version bits live past them). */
export function uuid5OidPrefix(name: string): string {
  return bytesToHex(sha1(concatBytes(NAMESPACE_OID, utf8ToBytes(name)))).slice(0, 8);
}

/** A function name as an edge label, or `undefined` for anonymous functions. */
function namedOrUndefined(name: string | undefined): string | undefined {
  return name === undefined || name === '' || name === '<anonymous>' ? undefined : name;
}

function groupEdgesForViz(group: Exclude<EdgeGroup, { kind: 'fan_in' }>): VizEdge[] {
  switch (group.kind) {
    case 'single':
      return [
        {
          source: group.source,
          target: group.target,
          conditional: group.condition !== undefined,
          label: group.condition === undefined ? undefined : (namedOrUndefined(group.conditionName) ?? 'conditional'),
        },
      ];
    case 'fan_out':
      return group.targets.map((target) => ({ source: group.source, target, conditional: false, label: undefined }));
    case 'switch_case': {
      // one edge per distinct target (as the engine's groupTargets), labelled with every case leading there
      const labels = new Map<string, string[]>();
      const add = (target: string, label: string): void => {
        const list = labels.get(target);
        if (list === undefined) labels.set(target, [label]);
        else list.push(label);
      };
      group.cases.forEach((c, i) => {
        add(c.target, namedOrUndefined(c.conditionName) ?? `case ${String(i + 1)}`);
      });
      add(group.defaultTarget, 'default');
      return [...labels].map(([target, names]) => ({ source: group.source, target, conditional: false, label: names.join(' or ') }));
    }
  }
}

/** Reads what a diagram of `workflow` shows, independent of the output syntax. */
export function buildVizModel(workflow: Workflow): VizModel {
  const startId = workflow.startExecutorId;
  const executors = workflow.getExecutors();
  const fanIns: VizFanIn[] = [];
  const edges: VizEdge[] = [];
  for (const group of workflow.getEdgeGroups()) {
    if (group.kind === 'fan_in') {
      fanIns.push({
        target: group.target,
        sources: [...group.sources].sort(compareCodePoints),
        digest: fanInDigest(group.target, group.sources),
      });
    } else {
      edges.push(...groupEdgesForViz(group));
    }
  }
  const subWorkflows = executors.filter(isSubWorkflowHost).map((e) => ({ hostId: e.id, workflow: e.subWorkflow }));
  return { startId, executors, fanIns, edges, internalEdge: { source: internalSourceId(startId), target: startId }, subWorkflows };
}
