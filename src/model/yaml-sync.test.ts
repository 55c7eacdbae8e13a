import { describe, expect, it } from 'vitest';
import { applyChange, applyChanges } from './changes.ts';
import { asNodeId, nodesOf } from './graph.ts';
import { addNodeOf } from './palette.ts';
import { loadExamples } from './test/support.ts';
import { documentToYaml, yamlToDocument } from './yaml-sync.ts';

/** The lines of `after` that differ from `before` (same line count expected). */
function changedLines(before: string, after: string): string[] {
  const old = before.split('\n');
  const lines = after.split('\n');
  expect(lines).toHaveLength(old.length);
  return lines.filter((line, i) => line !== old[i]);
}

describe('documentToYaml keeps the file as the author wrote it', () => {
  const examples = loadExamples();

  it.each(examples.map((example) => [example.name, example] as const))(
    '%s: moving a node changes only its layout line',
    (_, { text, definition }) => {
      const [node] = nodesOf(definition);
      const moved = applyChange(definition, { type: 'moveNodes', moves: [{ id: node?.id ?? asNodeId(''), position: { x: 12, y: 34 } }] });
      expect(changedLines(text, documentToYaml(moved.definition, text))).toEqual([`  ${node?.id ?? ''}: { x: 12, y: 34 }`]);
    },
  );

  it.each(examples.map((example) => [example.name, example] as const))(
    '%s: removing any node and undoing gives the bytes back',
    (_, { text, definition }) => {
      for (const node of nodesOf(definition)) {
        const removed = applyChange(definition, { type: 'removeNodes', ids: [node.id] });
        const back = applyChanges(removed.definition, removed.inverse).definition;
        // undo restores the very document the text was read from, so the writer gives the text back
        expect(documentToYaml(back, text)).toBe(text);
        // written through the text without the node, the node comes back in the writer's own style
        expect(yamlToDocument(documentToYaml(back, documentToYaml(removed.definition, text)), definition).definition).toBe(definition);
      }
    },
  );

  it('keeps comments when a node is added', () => {
    const { text, definition } = examples[0] ?? { text: '', definition: undefined as never };
    const added = applyChange(definition, addNodeOf(definition, 'output', { x: 1, y: 2 })).definition;
    const yaml = documentToYaml(added, text);
    expect(yaml.split('\n')[0]).toBe(text.split('\n')[0]);
    expect(yaml).toContain('    - id: output\n      type: output');
    expect(yamlToDocument(yaml, definition).definition).toStrictEqual(added);
  });

  it('writes clean YAML without a previous text', () => {
    const { definition } = examples[0] ?? { definition: undefined as never };
    expect(yamlToDocument(documentToYaml(definition), definition)).toMatchObject({ parsed: true, problems: [] });
  });
});

describe('yamlToDocument', () => {
  const [{ text, definition } = { text: '', definition: undefined as never }] = loadExamples();

  it('answers the last good document itself when the text means the same', () => {
    expect(yamlToDocument(`${text}\n# a new comment\n`, definition)).toEqual({ definition, problems: [], parsed: true });
    expect(yamlToDocument(`${text}\n`, definition).definition).toBe(definition);
  });

  it('adopts a document with problems the canvas can badge', () => {
    const typed = yamlToDocument(text.replace('to: publish', 'to: publsh'), definition);
    expect(typed.parsed).toBe(true);
    expect(typed.definition).not.toBe(definition);
    expect(typed.problems.map((p) => p.code)).toEqual(['unknown_executor']);
  });

  it('keeps the last good document while the text is not one the canvas can hold', () => {
    for (const broken of [text.replace('workflow:', 'workflow: ['), text.replace('type: output', 'type: outp'), 'hello']) {
      const typed = yamlToDocument(broken, definition);
      expect(typed).toMatchObject({ definition, parsed: false });
      expect(typed.problems.length).toBeGreaterThan(0);
    }
  });
});
