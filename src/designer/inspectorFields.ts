import type { ExecutorDefinition } from '@trellis/engine';
import type { ExecutorPatch, NodeKind } from '../model/index.ts';

/** One text field of the node inspector. */
export interface InspectorField {
  readonly field: keyof ExecutorPatch;
  readonly label: string;
  /** A textarea rather than a one-line input. */
  readonly multiline: boolean;
  /** Code or an expression: a monospace font. */
  readonly code: boolean;
  /** Emptying the field removes it from the file (rather than writing `''`). */
  readonly optional: boolean;
}

const field = (name: InspectorField['field'], label: string, options: Partial<Omit<InspectorField, 'field' | 'label'>> = {}) => ({
  field: name,
  label,
  multiline: options.multiline ?? false,
  code: options.code ?? false,
  optional: options.optional ?? true,
});

const description = field('description', 'Description', { multiline: true });

/** The fields the inspector edits, per kind (the rest are edited in the YAML for now). */
export const INSPECTOR_FIELDS: Readonly<Record<NodeKind, readonly InspectorField[]>> = {
  agent: [field('name', 'Name'), field('instructions', 'Instructions', { multiline: true }), field('model', 'Model'), description],
  function: [
    field('code', 'Code', { multiline: true, code: true, optional: false }),
    field('input', 'Input type', { code: true }),
    field('output', 'Output type', { code: true }),
    description,
  ],
  transform: [field('expression', 'Expression (CEL)', { multiline: true, code: true, optional: false }), description],
  request_info: [field('prompt', 'Prompt', { multiline: true, optional: false }), description],
  workflow: [field('ref', 'Workflow file'), description],
  output: [description],
};

/** The value of a field of an executor (undefined when it has none). */
export function fieldValue(executor: ExecutorDefinition, name: string): unknown {
  return Object.hasOwn(executor, name) ? (executor as unknown as Record<string, unknown>)[name] : undefined;
}

/** The patch that sets a text field; an emptied optional field is removed. */
export function fieldPatch(spec: InspectorField, text: string): ExecutorPatch {
  return { [spec.field]: text === '' && spec.optional ? null : text };
}
