// Sub-workflows by `ref:`: resolved by a resolver, or from files relative to the file holding them.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowLoadError, compileWorkflow, loadWorkflowFromYaml, type LoadProblem, type WorkflowDefinition } from '../src/index.js';
import { loadWorkflowFromYamlFile } from '../src/node.js';

const parent = (ref: string): string => `workflow:
  name: parent
  start: sub
  executors:
    - id: sub
      type: workflow
      ref: ${ref}
    - id: out
      type: output
  edges:
    - from: sub
      to: out
`;

const shout = (next?: string): string =>
  next === undefined
    ? 'workflow:\n  name: shout\n  start: s\n  executors:\n    - id: s\n      type: transform\n      expression: input.upperAscii() + "!"\n    - id: o\n      type: output\n  edges:\n    - from: s\n      to: o\n'
    : parent(next).replace('name: parent', 'name: middle');

async function problemsOf(load: () => unknown): Promise<LoadProblem[]> {
  try {
    await load();
  } catch (error) {
    if (error instanceof WorkflowLoadError) return error.problems;
    throw error;
  }
  throw new Error('expected a WorkflowLoadError');
}

describe('ref: with resolveRef', () => {
  it('takes YAML text, a definition, or a source', async () => {
    const definition = (await import('../src/index.js')).parseWorkflowYaml(shout()).definition as WorkflowDefinition;
    for (const answer of [shout(), definition, { definition, file: 'shout.workflow.yaml' }]) {
      const workflow = loadWorkflowFromYaml(parent('./shout.workflow.yaml'), { resolveRef: () => answer });
      expect((await workflow.run('hi')).getOutputs()).toEqual(['HI!']);
    }
  });

  it('resolves the refs of children with the same resolver', async () => {
    const files: Record<string, string> = { 'a.yaml': shout('b.yaml'), 'b.yaml': shout() };
    const workflow = loadWorkflowFromYaml(parent('a.yaml'), { resolveRef: (ref) => files[ref] ?? '' });
    expect((await workflow.run('hi')).getOutputs()).toEqual(['HI!']);
  });

  it('reports a cycle', async () => {
    const files: Record<string, string> = { 'a.yaml': shout('b.yaml'), 'b.yaml': shout('a.yaml') };
    const problems = await problemsOf(() => loadWorkflowFromYaml(parent('a.yaml'), { resolveRef: (ref) => files[ref] ?? '' }));
    // reported where the cycle closes: at b.yaml's ref back to a.yaml
    expect(problems.map((p) => [p.code, p.file, p.line, p.executorId])).toEqual([['sub_workflow_cycle', 'b.yaml', 7, 'sub']]);
    expect(problems[0]?.message).toBe('sub-workflows refer to each other in a cycle: a.yaml -> b.yaml -> a.yaml');
  });

  it("reports a child's own problems with its file and position, and the ref as invalid", async () => {
    const broken = shout().replace('input.upperAscii() + "!"', 'input +');
    const problems = await problemsOf(() => loadWorkflowFromYaml(parent('./child.yaml'), { resolveRef: () => broken }));
    expect(problems.map((p) => [p.code, p.file ?? 'main', p.line, p.executorId])).toEqual([
      ['cel_syntax', './child.yaml', 7, 's'],
      ['ref_invalid', 'main', 7, 'sub'],
    ]);
  });

  it('reports a ref nothing resolves, and a resolver that throws', async () => {
    const [missing] = await problemsOf(() => loadWorkflowFromYaml(parent('x.yaml')));
    expect(missing).toMatchObject({ code: 'ref_not_found', executorId: 'sub', line: 7, column: 12 });
    expect(missing?.message).toContain('pass resolveRef, or load the file with loadWorkflowFromYamlFile');
    const failing = () => {
      throw new Error('no such file');
    };
    const [thrown] = await problemsOf(() =>
      compileWorkflow(
        { workflow: { name: 'p', start: 's', executors: [{ id: 's', type: 'workflow', ref: 'x' }] } },
        { resolveRef: failing },
      ),
    );
    expect(thrown).toMatchObject({ code: 'ref_not_found', message: "executor 's' refers to 'x', which cannot be resolved: no such file" });
  });
});

describe('loadWorkflowFromYamlFile', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'trellis-refs-'));
    await mkdir(join(dir, 'lib'));
    await writeFile(join(dir, 'main.workflow.yaml'), parent('./lib/middle.workflow.yaml'));
    // the middle file's ref is relative to lib/, not to the main file
    await writeFile(join(dir, 'lib', 'middle.workflow.yaml'), shout('./leaf.workflow.yaml'));
    await writeFile(join(dir, 'lib', 'leaf.workflow.yaml'), shout());
    await writeFile(join(dir, 'a.workflow.yaml'), parent('./b.workflow.yaml'));
    await writeFile(join(dir, 'b.workflow.yaml'), shout('./a.workflow.yaml'));
    await writeFile(join(dir, 'missing.workflow.yaml'), parent('./nowhere.workflow.yaml'));
    await writeFile(join(dir, 'bad-child.workflow.yaml'), parent('./lib/bad.workflow.yaml'));
    await writeFile(join(dir, 'lib', 'bad.workflow.yaml'), shout().replace('type: output', 'type: outptu'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('resolves refs relative to the file holding them, recursively', async () => {
    const workflow = await loadWorkflowFromYamlFile(join(dir, 'main.workflow.yaml'));
    expect((await workflow.run('hi')).getOutputs()).toEqual(['HI!']);
  });

  it('reports a ref cycle at the ref, with the file', async () => {
    const file = join(dir, 'a.workflow.yaml');
    const problems = await problemsOf(() => loadWorkflowFromYamlFile(file));
    expect(problems.map((p) => [p.code, p.file, p.line, p.column, p.executorId])).toEqual([['sub_workflow_cycle', file, 7, 12, 'sub']]);
    expect(problems[0]?.message).toBe(
      'sub-workflows refer to each other in a cycle: a.workflow.yaml -> b.workflow.yaml -> a.workflow.yaml',
    );
  });

  it('reports a ref to a file that does not exist', async () => {
    const [problem] = await problemsOf(() => loadWorkflowFromYamlFile(join(dir, 'missing.workflow.yaml')));
    expect(problem).toMatchObject({ code: 'ref_not_found', line: 7, executorId: 'sub' });
  });

  it("reports a child file's problems with that file's path and position", async () => {
    const problems = await problemsOf(() => loadWorkflowFromYamlFile(join(dir, 'bad-child.workflow.yaml')));
    expect(problems.map((p) => [p.code, p.file, p.line])).toEqual([['unknown_executor_type', join(dir, 'lib', 'bad.workflow.yaml'), 9]]);
  });

  it('rejects with the file system error when the file cannot be read', async () => {
    await expect(loadWorkflowFromYamlFile(join(dir, 'absent.workflow.yaml'))).rejects.toThrow(/ENOENT/);
  });
});
