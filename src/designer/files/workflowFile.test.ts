import { describe, expect, it } from 'vitest';
import { formatBytes, MAX_WORKFLOW_FILE_BYTES, readWorkflowFile } from './workflowFile.ts';

const encoder = new TextEncoder();

function fileOf(name: string, content: string | Uint8Array<ArrayBuffer>): File {
  return new File([typeof content === 'string' ? encoder.encode(content) : content], name);
}

describe('readWorkflowFile', () => {
  it('answers the text of a UTF-8 YAML file, exactly', async () => {
    const text = '# a comment — with “quotes” and ünïcode\nworkflow:\n  name: x\n';
    expect(await readWorkflowFile(fileOf('x.workflow.yaml', text))).toEqual({ ok: true, text });
  });

  it('refuses a file that is not named like YAML, before reading it', async () => {
    const file = fileOf('picture.png', 'workflow: {}');
    expect(await readWorkflowFile(file)).toEqual({
      ok: false,
      message: 'picture.png is not a workflow file: open a .workflow.yaml, .yaml or .yml file',
    });
  });

  it('refuses a file over the size limit', async () => {
    const big = fileOf('big.yaml', 'x'.repeat(2001));
    expect(await readWorkflowFile(big, 2000)).toEqual({ ok: false, message: 'big.yaml is 2.0 kB: files over 2.0 kB are not opened' });
    expect(MAX_WORKFLOW_FILE_BYTES).toBe(5 * 1024 * 1024);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const latin1 = fileOf('latin.yaml', new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xe9, 0x0a]));
    expect(await readWorkflowFile(latin1)).toEqual({
      ok: false,
      message: 'latin.yaml is not UTF-8 text: save it as UTF-8 and open it again',
    });
  });

  it('refuses a binary file that happens to decode', async () => {
    const binary = fileOf('blob.yml', new Uint8Array([0x00, 0x01, 0x02, 0x41]));
    expect(await readWorkflowFile(binary)).toEqual({ ok: false, message: 'blob.yml looks like a binary file, not YAML text' });
  });

  it('drops a UTF-8 byte order mark', async () => {
    const withBom = fileOf('bom.yaml', new Uint8Array([0xef, 0xbb, 0xbf, ...encoder.encode('a: 1\n')]));
    expect(await readWorkflowFile(withBom)).toEqual({ ok: true, text: 'a: 1\n' });
  });

  it('reports a read failure with its reason', async () => {
    const failing = { name: 'gone.yaml', size: 10, arrayBuffer: () => Promise.reject(new Error('the file was moved')) };
    expect(await readWorkflowFile(failing)).toEqual({ ok: false, message: 'gone.yaml could not be read: the file was moved' });
  });
});

describe('formatBytes', () => {
  it('uses B, kB and MB', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1500)).toBe('1.5 kB');
    expect(formatBytes(12_345_678)).toBe('12.3 MB');
  });
});
