import type { ValidationIssue } from '../errors.js';
import type { Executor } from '../executors/executor.js';
import { describeSpec, mayBeCompatible, type CompiledSpec } from '../types/type-spec.js';
import { groupEdges, groupSources, groupTargets, type EdgeGroup } from './edge-groups.js';

/** What the builder collected, before validation. */
export interface GraphDraft {
  readonly startId: string | undefined;
  readonly executors: ReadonlyMap<string, Executor>;
  readonly duplicateIds: readonly string[];
  readonly unknownRefs: readonly { readonly id: string; readonly where: string; readonly edge?: { source: string; target: string } }[];
  readonly groupProblems: readonly ValidationIssue[];
  readonly edgeGroups: readonly EdgeGroup[];
}

const ARRAY_SPEC: CompiledSpec = { kind: 'primitive', name: 'array' };

/** Every problem of a graph draft, in a stable order (start, ids, groups, edges, types, reachability). */
export function validateGraph(draft: GraphDraft): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const { startId, executors } = draft;
  if (startId === undefined) {
    issues.push(issue('MISSING_START', 'no start executor: pass { startExecutor } to new WorkflowBuilder()', [], []));
  } else if (!executors.has(startId)) {
    issues.push(issue('MISSING_START', `the start executor '${startId}' is not in the graph`, [startId], []));
  }
  for (const id of draft.duplicateIds) {
    issues.push(
      issue('DUPLICATE_EXECUTOR_ID', `two different executors have the id '${id}'; ids must be unique within a workflow`, [id], []),
    );
  }
  for (const ref of draft.unknownRefs) {
    issues.push(
      issue(
        'INVALID_EDGE_GROUP',
        `${ref.where} refers to executor '${ref.id}', which is not in the graph`,
        [ref.id],
        ref.edge ? [ref.edge] : [],
      ),
    );
  }
  issues.push(...draft.groupProblems);
  issues.push(...duplicateEdges(draft.edgeGroups));
  issues.push(...typeProblems(draft));
  if (startId !== undefined && executors.has(startId)) issues.push(...unreachable(startId, draft));
  return issues;
}

function duplicateEdges(groups: readonly EdgeGroup[]): ValidationIssue[] {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const group of groups) {
    for (const edge of groupEdges(group)) {
      const key = `${edge.source}\u0000${edge.target}`;
      if (seen.has(key)) {
        issues.push(
          issue(
            'DUPLICATE_EDGE',
            `the edge ${edge.source} -> ${edge.target} is declared more than once`,
            [edge.source, edge.target],
            [edge],
          ),
        );
      }
      seen.add(key);
    }
  }
  return issues;
}

function typeProblems(draft: GraphDraft): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const executor of draft.executors.values()) {
    if (executor.handlers.length === 0) {
      issues.push(issue('TYPE_MISMATCH', `executor '${executor.id}' has no handlers, so it can receive no message`, [executor.id], []));
    }
  }
  for (const group of draft.edgeGroups) {
    for (const edge of groupEdges(group)) {
      const source = draft.executors.get(edge.source);
      const target = draft.executors.get(edge.target);
      if (source === undefined || target === undefined || target.handlers.length === 0) continue;
      const outputs = source.handlers.map((h) => h.output);
      if (outputs.length === 0 || outputs.some((o) => o === undefined)) continue; // undeclared: cannot check
      const inputs = target.handlers.map((h) => h.input);
      const sent = group.kind === 'fan_in' ? [ARRAY_SPEC] : (outputs as CompiledSpec[]);
      const ok = sent.some((out) => inputs.some((input) => mayBeCompatible(out, input)));
      if (!ok) {
        const what =
          group.kind === 'fan_in'
            ? `a list (fan-in of ${(outputs as CompiledSpec[]).map(describeSpec).join(' | ')})`
            : (outputs as CompiledSpec[]).map(describeSpec).join(' | ');
        issues.push(
          issue(
            'TYPE_MISMATCH',
            `edge ${edge.source} -> ${edge.target}: '${edge.source}' sends ${what} but '${edge.target}' accepts ${inputs.map(describeSpec).join(' | ')}`,
            [edge.source, edge.target],
            [edge],
          ),
        );
      }
    }
  }
  return issues;
}

function unreachable(startId: string, draft: GraphDraft): ValidationIssue[] {
  const next = new Map<string, string[]>();
  for (const group of draft.edgeGroups) {
    for (const source of groupSources(group)) {
      const list = next.get(source) ?? [];
      list.push(...groupTargets(group));
      next.set(source, list);
    }
  }
  const seen = new Set([startId]);
  const queue = [startId];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    for (const target of next.get(id) ?? []) {
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  const missing = [...draft.executors.keys()].filter((id) => !seen.has(id));
  if (missing.length === 0) return [];
  return [
    issue(
      'UNREACHABLE_EXECUTOR',
      `${missing.map((id) => `'${id}'`).join(', ')} cannot be reached from the start executor '${startId}'; connect ${missing.length === 1 ? 'it' : 'them'} or remove ${missing.length === 1 ? 'it' : 'them'}`,
      missing,
      [],
    ),
  ];
}

/** Builds one issue. */
export function issue(
  code: ValidationIssue['code'],
  message: string,
  executorIds: string[],
  edges: { source: string; target: string }[],
): ValidationIssue {
  return { code, message, executorIds, edges };
}
