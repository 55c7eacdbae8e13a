import { describe, expect, it } from 'vitest';
import { checkSubWorkflowRefs, parseWorkflowYaml, resolveRefPath } from '@trellis/engine';

const file = (name: string, refs: string[]): string =>
  [
    'workflow:',
    `  name: ${name}`,
    '  start: first',
    '  executors:',
    '    - { id: first, type: output }',
    ...refs.flatMap((ref, i) => [`    - id: sub${String(i)}`, '      type: workflow', `      ref: ${ref}`]),
    '',
  ].join('\n');

function check(files: Record<string, string>, root: string): ReturnType<typeof checkSubWorkflowRefs> {
  const text = files[root] ?? '';
  const loads: string[] = [];
  const problems = checkSubWorkflowRefs(parseWorkflowYaml(text).definition, root, (path) => (loads.push(path), files[path]), { text });
  expect(new Set(loads).size).toBe(loads.length);
  return problems;
}

describe('resolveRefPath', () => {
  it('joins a ref to the directory of the file holding it and folds . and ..', () => {
    expect(resolveRefPath('flows/main.workflow.yaml', './a.workflow.yaml')).toBe('flows/a.workflow.yaml');
    expect(resolveRefPath('flows/main.workflow.yaml', '../lib/./b.workflow.yaml')).toBe('lib/b.workflow.yaml');
    expect(resolveRefPath('main.workflow.yaml', 'a.workflow.yaml')).toBe('a.workflow.yaml');
    expect(resolveRefPath('main.workflow.yaml', '../up.workflow.yaml')).toBe('../up.workflow.yaml');
    expect(resolveRefPath('/srv/x/main.workflow.yaml', '../../../a.workflow.yaml')).toBe('/a.workflow.yaml');
    expect(resolveRefPath('/srv/main.workflow.yaml', '/etc/a.workflow.yaml')).toBe('/etc/a.workflow.yaml');
    expect(resolveRefPath('C:\\flows\\main.workflow.yaml', '.\\a.workflow.yaml')).toBe('C:/flows/a.workflow.yaml');
    expect(resolveRefPath('C:\\flows\\main.workflow.yaml', 'D:\\b.workflow.yaml')).toBe('D:/b.workflow.yaml');
  });
});

describe('checkSubWorkflowRefs', () => {
  it('reports a cycle with the chain of files, at the ref in the root file', () => {
    const files = {
      'flows/a.workflow.yaml': file('a', ['./b.workflow.yaml']),
      'flows/b.workflow.yaml': file('b', ['../flows/a.workflow.yaml']),
    };
    expect(check(files, 'flows/a.workflow.yaml')).toEqual([
      {
        code: 'sub_workflow_cycle',
        message: 'sub-workflows refer to each other in a cycle: a.workflow.yaml -> b.workflow.yaml -> a.workflow.yaml',
        line: 8,
        column: 12,
        endLine: 8,
        endColumn: 29,
        executorId: 'sub0',
        path: ['workflow', 'executors', 1, 'ref'],
      },
    ]);
  });

  it('reports a cycle that does not pass through the root, a self reference, and a missing file', () => {
    const files = {
      'main.workflow.yaml': file('main', ['b.workflow.yaml', 'main.workflow.yaml', 'nowhere.workflow.yaml', 'ok.workflow.yaml']),
      'b.workflow.yaml': file('b', ['c.workflow.yaml']),
      'c.workflow.yaml': file('c', ['b.workflow.yaml', 'ok.workflow.yaml']),
      'ok.workflow.yaml': file('ok', []),
    };
    const problems = check(files, 'main.workflow.yaml');
    expect(problems.map(({ code, line, column, executorId, message }) => ({ code, line, column, executorId, message }))).toEqual([
      {
        code: 'sub_workflow_cycle',
        line: 8,
        column: 12,
        executorId: 'sub0',
        message:
          'sub-workflows refer to each other in a cycle: main.workflow.yaml -> b.workflow.yaml -> c.workflow.yaml -> b.workflow.yaml',
      },
      {
        code: 'sub_workflow_cycle',
        line: 11,
        column: 12,
        executorId: 'sub1',
        message: 'sub-workflows refer to each other in a cycle: main.workflow.yaml -> main.workflow.yaml',
      },
      {
        code: 'ref_not_found',
        line: 14,
        column: 12,
        executorId: 'sub2',
        message: 'the sub-workflow file nowhere.workflow.yaml cannot be read (main.workflow.yaml -> nowhere.workflow.yaml)',
      },
    ]);
  });

  it('follows refs inside inline sub-workflows, and gives 0/0 without the text', () => {
    const root = (ref: string): unknown => ({
      workflow: {
        name: 'root',
        start: 'inline',
        executors: [
          { id: 'inline', type: 'workflow', workflow: { name: 'inner', start: 'r', executors: [{ id: 'r', type: 'workflow', ref }] } },
        ],
      },
    });
    expect(checkSubWorkflowRefs(root('./other.workflow.yaml'), 'dir/root.workflow.yaml', () => file('x', []))).toEqual([]);
    const cyclic = checkSubWorkflowRefs(root('./root.workflow.yaml'), 'dir/root.workflow.yaml', () => file('r', []));
    expect(cyclic).toEqual([
      {
        code: 'sub_workflow_cycle',
        message: 'sub-workflows refer to each other in a cycle: root.workflow.yaml -> root.workflow.yaml',
        line: 0,
        column: 0,
        executorId: 'inline',
        path: ['workflow', 'executors', 0, 'workflow', 'executors', 0, 'ref'],
      },
    ]);
  });

  it('treats a loader that throws like a missing file', () => {
    const text = file('a', ['./b.workflow.yaml']);
    const problems = checkSubWorkflowRefs(parseWorkflowYaml(text).definition, 'a.workflow.yaml', () => {
      throw new Error('EACCES');
    });
    expect(problems.map((p) => p.code)).toEqual(['ref_not_found']);
  });
});
