import { parseWorkflowYaml } from '@trellis/engine';
import { describe, expect, it } from 'vitest';
import { applyChanges } from './changes.ts';
import { copyToYaml, duplicateNodes, pasteFromYaml, type PasteResult } from './clipboard.ts';
import { edgesOf } from './graph.ts';
import { loadExamples, workflowOf } from './test/support.ts';

function pasted(result: PasteResult) {
  if (!result.ok) throw new Error(result.error);
  return result;
}

const source = workflowOf(
  ['a', 'b', 'c', 'x'],
  [
    { from: 'a', to: ['b', 'c'] },
    { from: 'b', to: 'c', condition: 'message.ok' },
    { from: 'c', to: 'x' },
  ],
  { a: { x: 0, y: 0 }, b: { x: 100, y: 0 }, c: { x: 200, y: 0 }, x: { x: 300, y: 0 } },
);

describe('copy', () => {
  it('writes a workflow of the selection: its nodes, the connections inside it, its layout, the first node as start', () => {
    const text = copyToYaml(source, ['b', 'a']) ?? '';
    const { definition, problems } = parseWorkflowYaml(text);
    expect(problems).toEqual([]);
    expect(definition).toEqual({
      workflow: { name: 'test', start: 'a', executors: source.workflow.executors.slice(0, 2), edges: [{ from: 'a', to: 'b' }] },
      layout: { a: { x: 0, y: 0 }, b: { x: 100, y: 0 } },
    });
  });

  it('copies nothing for an empty or unknown selection', () => {
    expect(copyToYaml(source, [])).toBeUndefined();
    expect(copyToYaml(source, ['nope'])).toBeUndefined();
  });
});

describe('paste', () => {
  it('round-trips into the same document with renamed ids, re-pointed edges and offset positions', () => {
    const paste = pasted(pasteFromYaml(source, copyToYaml(source, ['a', 'b', 'c']) ?? ''));
    expect(paste.nodeIds).toEqual(['a_2', 'b_2', 'c_2']);
    const { definition } = applyChanges(source, paste.changes);
    expect(definition.workflow.executors.map((node) => node.id)).toEqual(['a', 'b', 'c', 'x', 'a_2', 'b_2', 'c_2']);
    expect(definition.workflow.edges?.slice(3)).toEqual([
      { from: 'a_2', to: ['b_2', 'c_2'] },
      { from: 'b_2', to: 'c_2', condition: 'message.ok' },
    ]);
    expect(definition.layout?.b_2).toEqual({ x: 140, y: 40 });
    expect(definition.workflow.start).toBe('a');
    expect(parseWorkflowYaml(copyToYaml(definition, paste.nodeIds) ?? '').definition?.workflow.edges).toHaveLength(2);
  });

  it('does not rename a node onto an id the paste itself keeps', () => {
    const clip = copyToYaml(workflowOf(['x', 'x_2']), ['x', 'x_2']) ?? '';
    expect(pasted(pasteFromYaml(workflowOf(['x']), clip)).nodeIds).toEqual(['x_3', 'x_2']);
  });

  it('pastes into another document unchanged when nothing collides', () => {
    const target = workflowOf(['other']);
    const paste = pasted(pasteFromYaml(target, copyToYaml(source, ['c', 'x']) ?? '', { offset: { x: 0, y: 0 } }));
    const { definition } = applyChanges(target, paste.changes);
    expect(definition.workflow.executors.map((node) => node.id)).toEqual(['other', 'c', 'x']);
    expect(edgesOf(definition).map((edge) => [edge.source, edge.target])).toEqual([['c', 'x']]);
    expect(definition.layout).toEqual({ c: { x: 200, y: 0 }, x: { x: 300, y: 0 } });
  });

  it('pastes a whole example file, leaving out connections to nodes not pasted', () => {
    for (const { text, definition } of loadExamples()) {
      const paste = pasted(pasteFromYaml(source, text));
      const after = applyChanges(source, paste.changes).definition;
      expect(after.workflow.executors).toHaveLength(source.workflow.executors.length + definition.workflow.executors.length);
      expect(edgesOf(after).every((edge) => !edge.dangling)).toBe(true);
    }
  });

  it('answers an error and no change for text that is not a workflow', () => {
    for (const text of ['', 'just words', 'workflow: [', 'a: 1', 'workflow:\n  name: w\n  start: a\n  executors: []\n']) {
      const result = pasteFromYaml(source, text);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/clipboard/);
    }
  });

  it('duplicates a selection in place', () => {
    const paste = pasted(duplicateNodes(source, ['b', 'c']));
    expect(paste.nodeIds).toEqual(['b_2', 'c_2']);
    expect(paste.changes.at(-1)).toEqual({ type: 'addEdge', edge: { from: 'b_2', to: 'c_2', condition: 'message.ok' } });
    expect(duplicateNodes(source, []).ok).toBe(false);
  });
});
