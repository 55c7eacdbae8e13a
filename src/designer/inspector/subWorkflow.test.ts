import { validateWorkflowDefinition, type WorkflowDefinition, type WorkflowExecutorDefinition } from '@trellis/engine';
import { describe, expect, it } from 'vitest';
import { applyChange, asNodeId, findExecutor } from '../../model/index.ts';
import { describeInline, inlineSummary, starterInline, subWorkflowMode, switchModePatch, type InlineWorkflow } from './subWorkflow.ts';

const inline: InlineWorkflow = {
  name: 'research',
  start: 'a',
  executors: [
    { id: 'a', type: 'transform', expression: 'input' },
    { id: 'b', type: 'output' },
  ],
  edges: [{ from: 'a', to: 'b' }],
};

function documentWith(node: WorkflowExecutorDefinition): WorkflowDefinition {
  return { workflow: { name: 'outer', start: node.id, executors: [node] } };
}

function sub(definition: WorkflowDefinition): WorkflowExecutorDefinition {
  const node = findExecutor(definition, 'sub');
  if (node?.type !== 'workflow') throw new Error('no sub-workflow node');
  return node;
}

describe('sub-workflow mode', () => {
  it('is inline when the node holds a workflow, else a reference', () => {
    expect(subWorkflowMode({ id: 's', type: 'workflow', workflow: inline })).toBe('inline');
    expect(subWorkflowMode({ id: 's', type: 'workflow', ref: './x.workflow.yaml' })).toBe('reference');
    expect(subWorkflowMode({ id: 's', type: 'workflow' })).toBe('reference');
  });

  it('summarises an inline workflow', () => {
    expect(describeInline(inlineSummary(inline))).toBe('research: 2 executors, 1 edge');
  });

  it('starts a new inline workflow that validates', () => {
    const definition = documentWith({ id: 'sub', type: 'workflow', workflow: starterInline('sub') });
    expect(validateWorkflowDefinition(definition)).toEqual([]);
  });
});

describe('switchModePatch', () => {
  it('inline → reference removes the workflow, keeps it aside, and one undo brings it back', () => {
    const before = documentWith({ id: 'sub', type: 'workflow', workflow: inline });
    const switched = switchModePatch(sub(before), 'reference', {});
    expect(switched?.setAside.inline).toBe(inline);
    const { definition, inverse } = applyChange(before, { type: 'updateNode', id: asNodeId('sub'), patch: switched!.patch });
    expect(sub(definition)).toEqual({ id: 'sub', type: 'workflow' });
    expect(inverse).toHaveLength(1);
    expect(applyChange(definition, inverse[0]!).definition).toEqual(before);
  });

  it('reference → inline → reference restores both the set-aside workflow and the ref', () => {
    let definition = documentWith({ id: 'sub', type: 'workflow', workflow: inline });
    let setAside = {};
    for (const mode of ['reference', 'inline'] as const) {
      const switched = switchModePatch(sub(definition), mode, setAside)!;
      setAside = switched.setAside;
      definition = applyChange(definition, { type: 'updateNode', id: asNodeId('sub'), patch: switched.patch }).definition;
      if (mode === 'reference') {
        definition = applyChange(definition, { type: 'updateNode', id: asNodeId('sub'), patch: { ref: './r.workflow.yaml' } }).definition;
      }
    }
    expect(sub(definition)).toEqual({ id: 'sub', type: 'workflow', workflow: inline });
    const back = switchModePatch(sub(definition), 'reference', setAside)!;
    expect(back.patch).toEqual({ workflow: null, ref: './r.workflow.yaml' });
  });

  it('reference → inline with nothing set aside puts in a starter workflow', () => {
    const node: WorkflowExecutorDefinition = { id: 'sub', type: 'workflow', ref: './r.workflow.yaml' };
    const switched = switchModePatch(node, 'inline', {})!;
    expect(switched.patch).toEqual({ ref: null, workflow: starterInline('sub') });
    expect(switched.setAside).toEqual({ ref: './r.workflow.yaml' });
  });

  it('answers nothing when the node is in that mode already', () => {
    expect(switchModePatch({ id: 'sub', type: 'workflow' }, 'reference', {})).toBeUndefined();
  });
});
