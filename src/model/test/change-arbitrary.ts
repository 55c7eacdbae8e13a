import type { EdgeDefinition, WorkflowDefinition } from '@trellis/engine';
import fc from 'fast-check';
import type { EdgePatch, GraphChange } from '../changes.ts';
import { copyToYaml, pasteFromYaml } from '../clipboard.ts';
import { NODE_KINDS, asNodeId, edgeRef, edgesOf } from '../graph.ts';
import { takenIds, uniqueId } from '../ids.ts';
import { EXECUTOR_FIELDS, addNodeOf } from '../palette.ts';

/**
 * Random valid edits. A change depends on the document it applies to, so the arbitrary draws
 * seeds (small numbers, which shrink well) and {@link changesFor} turns each seed into a valid
 * change (or a batch, for a paste) of the current document.
 */

/** One edit's seed: the first number picks the kind, the others pick ids, fields and values. */
export const seedArb: fc.Arbitrary<readonly number[]> = fc.array(fc.nat({ max: 1000 }), { minLength: 7, maxLength: 7 });

const VALUES: Record<string, (n: number) => unknown> = {
  input: (n) => (n % 2 === 0 ? 'string' : { type: 'object' }),
  output: (n) => (n % 2 === 0 ? 'number' : { type: 'array' }),
  response: () => ({ type: 'boolean' }),
  workflow: (n) => ({ name: `child${String(n)}`, start: 'x', executors: [{ id: 'x', type: 'output' }] }),
  propagate_requests: (n) => n % 2 === 0,
  allow_direct_output: (n) => n % 2 === 1,
};

/** The change(s) a seed makes of `definition`; always valid for it. */
export function changesFor(definition: WorkflowDefinition, seed: readonly number[]): GraphChange[] {
  const [kind = 0, a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = seed;
  const { executors, edges = [] } = definition.workflow;
  const ids = executors.map((node) => asNodeId(node.id));
  const pick = (n: number) => ids[n % ids.length] ?? asNodeId('never');
  const at = (x: number, y: number) => ({ x: x - 500, y: (y * 7) / 4 });
  const choice = ids.length === 0 ? 0 : edges.length === 0 && kind % 12 >= 7 && kind % 12 <= 8 ? 6 : kind % 12;
  switch (choice) {
    case 0:
    default: {
      const nodeKind = NODE_KINDS[a % NODE_KINDS.length] ?? 'output';
      return [{ ...addNodeOf(definition, nodeKind, b % 3 === 0 ? null : at(c, d)), index: e % (ids.length + 1) }];
    }
    case 1: {
      const chosen = ids.filter((_, i) => ((a >> i) & 1) === 1);
      return [{ type: 'removeNodes', ids: chosen.length > 0 ? chosen : [pick(b)] }];
    }
    case 2:
      return [
        {
          type: 'moveNodes',
          moves: [
            { id: pick(a), position: b % 4 === 0 ? null : at(c, d) },
            { id: pick(e), position: at(f, c) },
          ],
        },
      ];
    case 3: {
      const node = executors[a % executors.length] ?? { type: 'output' as const, id: 'never' };
      const fields: readonly string[] = EXECUTOR_FIELDS[node.type];
      const field = fields[b % fields.length] ?? 'description';
      const value = c % 4 === 0 ? null : (VALUES[field]?.(d) ?? `text ${String(d)}`);
      return [{ type: 'updateNode', id: asNodeId(node.id), patch: { [field]: value } }];
    }
    case 4:
      return [{ type: 'renameNode', from: pick(a), to: asNodeId(uniqueId(takenIds(definition), `r${String(b % 5)}`)) }];
    case 5:
      return [{ type: 'setStart', start: b % 5 === 0 ? '' : pick(a) }];
    case 6:
      return [{ type: 'addEdge', edge: edgeFor(pick, b, c, d, e), index: a % (edges.length + 1) }];
    case 7: {
      const canvas = edgesOf(definition);
      const refs = canvas.filter((_, i) => ((a >> i) & 1) === 1).map((edge) => edge.id);
      return [
        {
          type: 'removeEdges',
          ids: b % 3 === 0 ? [edgeRef(c % edges.length)] : refs.length > 0 ? refs : [canvas[c % canvas.length]?.id ?? edgeRef(0)],
        },
      ];
    }
    case 8: {
      const index = a % edges.length;
      return [{ type: 'updateEdge', index, patch: edgePatchFor(edges[index], pick, b, c, d, e) }];
    }
    case 9: {
      const patches = [
        { description: b % 2 === 0 ? null : `about ${String(c)}` },
        { max_iterations: b % 2 === 0 ? null : c + 1 },
        { name: `w${String(c)}` },
      ];
      return [{ type: 'setWorkflowMeta', patch: patches[a % patches.length] ?? {} }];
    }
    case 10: {
      const reversed = { ...definition, workflow: { ...definition.workflow, executors: [...executors].reverse() } };
      return [{ type: 'replaceDocument', definition: reversed }];
    }
    case 11: {
      const paste = pasteFromYaml(
        definition,
        copyToYaml(
          definition,
          ids.filter((_, i) => ((a >> i) & 1) === 1 || i === b % ids.length),
        ) ?? '',
      );
      return paste.ok ? paste.changes : [];
    }
  }
}

function edgeFor(pick: (n: number) => string, shape: number, c: number, d: number, e: number): EdgeDefinition {
  const [x, y, z] = [pick(c), pick(d), pick(e)];
  const two = y === z ? [y] : [y, z];
  switch (shape % 4) {
    case 0:
      return shape % 8 === 0 ? { from: x, to: y } : { from: x, to: y, condition: `message.n > ${String(c)}` };
    case 1:
      return two.length === 2 ? { from: x, to: two } : { from: x, to: y };
    case 2:
      return two.length === 2 ? { from: two, to: x } : { from: y, to: x };
    default:
      return { from: x, switch: [{ when: 'message.ok', to: y }, { default: z }] };
  }
}

function edgePatchFor(
  edge: EdgeDefinition | undefined,
  pick: (n: number) => string,
  b: number,
  c: number,
  d: number,
  e: number,
): EdgePatch {
  if (edge === undefined) return {};
  if ('switch' in edge) {
    return b % 2 === 0 ? { switch: [{ when: `message.n == ${String(c)}`, to: pick(d) }, { default: pick(e) }] } : { from: pick(c) };
  }
  if (Array.isArray(edge.from) || Array.isArray(edge.to)) return { from: pick(c) === pick(d) ? pick(c) : [pick(c), pick(d)], to: pick(e) };
  if (b % 3 === 0) return { condition: null };
  if (b % 3 === 1) return { condition: `message.n < ${String(c)}` };
  return { to: null, condition: null, switch: [{ when: 'message', to: pick(d) }, { default: pick(e) }] };
}
