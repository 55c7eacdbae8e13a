import { describe, expect, it } from 'vitest';
import { fileBaseOf, isWorkflowFileName, titleOfFileName, workflowFileName } from './fileNames.ts';

describe('file names', () => {
  it('makes a safe base from a workflow name', () => {
    expect(fileBaseOf('switch_case_triage')).toBe('switch_case_triage');
    expect(fileBaseOf('Support triage (v2)')).toBe('Support_triage_v2');
    expect(fileBaseOf('../../etc/passwd')).toBe('etc_passwd');
    expect(fileBaseOf('  ')).toBe('workflow');
    expect(fileBaseOf('')).toBe('workflow');
    expect(fileBaseOf('Änderung: 1/2')).toBe('Änderung_1_2');
  });

  it('names the YAML download <base>.workflow.yaml', () => {
    expect(workflowFileName('linear_text')).toBe('linear_text.workflow.yaml');
    expect(workflowFileName('')).toBe('workflow.workflow.yaml');
  });

  it('recognises workflow files by extension, in any case', () => {
    for (const name of ['a.workflow.yaml', 'a.yaml', 'a.yml', 'A.YML', 'flow.Workflow.Yaml']) expect(isWorkflowFileName(name)).toBe(true);
    for (const name of ['a.json', 'a.yaml.txt', 'yaml', 'a.ymlx', 'notes.md']) expect(isWorkflowFileName(name)).toBe(false);
  });

  it('titles an opened file by its name without the workflow extension', () => {
    expect(titleOfFileName('content-pipeline.workflow.yaml')).toBe('content-pipeline');
    expect(titleOfFileName('triage.yml')).toBe('triage');
    expect(titleOfFileName('my flow.YAML')).toBe('my flow');
    expect(titleOfFileName('.workflow.yaml')).toBeUndefined();
  });
});
