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
  readonly placeholder?: string;
}

/** One part of a node's form: a plain text field, or one of the kind-specific editors. */
export type InspectorSection =
  | { readonly control: 'text'; readonly spec: InspectorField }
  /** A function's code in Monaco (or its `use` name). */
  | { readonly control: 'code' }
  /** A transform's CEL expression, checked as typed. */
  | { readonly control: 'cel'; readonly spec: InspectorField }
  /** A human input's answer schema (`response`). */
  | { readonly control: 'answer' }
  /** A sub-workflow's inline workflow or `ref`, and its flags. */
  | { readonly control: 'subWorkflow' };

const field = (name: InspectorField['field'], label: string, options: Partial<Omit<InspectorField, 'field' | 'label'>> = {}) => ({
  field: name,
  label,
  multiline: options.multiline ?? false,
  code: options.code ?? false,
  optional: options.optional ?? true,
  ...(options.placeholder === undefined ? {} : { placeholder: options.placeholder }),
});

const text = (spec: InspectorField): InspectorSection => ({ control: 'text', spec });
const description = text(field('description', 'Description', { multiline: true }));

/** The form of each kind, top to bottom. */
export const INSPECTOR_SECTIONS: Readonly<Record<NodeKind, readonly InspectorSection[]>> = {
  agent: [
    text(field('name', 'Name', { placeholder: 'Default: the id' })),
    text(field('instructions', 'Instructions', { multiline: true, placeholder: 'You are …' })),
    text(field('model', 'Model', { placeholder: 'Default model', code: true })),
    description,
  ],
  function: [
    { control: 'code' },
    text(field('input', 'Input type', { code: true, placeholder: 'any' })),
    text(field('output', 'Output type', { code: true, placeholder: 'any' })),
    description,
  ],
  transform: [{ control: 'cel', spec: field('expression', 'Expression (CEL)', { code: true, optional: false }) }, description],
  request_info: [
    text(field('prompt', 'Prompt', { multiline: true, optional: false, placeholder: 'What to ask' })),
    { control: 'answer' },
    description,
  ],
  workflow: [{ control: 'subWorkflow' }, description],
  output: [description],
};

/** The executor fields a section edits (its engine problems show under it). */
export function fieldsOfSection(section: InspectorSection): readonly string[] {
  switch (section.control) {
    case 'text':
    case 'cel':
      return [section.spec.field];
    case 'code':
      return ['code', 'use'];
    case 'answer':
      return ['response'];
    case 'subWorkflow':
      return ['ref', 'workflow', 'propagate_requests', 'allow_direct_output'];
  }
}

/** The value of a field of an executor (undefined when it has none). */
export function fieldValue(executor: ExecutorDefinition, name: string): unknown {
  return Object.hasOwn(executor, name) ? (executor as unknown as Record<string, unknown>)[name] : undefined;
}

/** The patch that sets a text field; an emptied optional field is removed. */
export function fieldPatch(spec: InspectorField, text: string): ExecutorPatch {
  return { [spec.field]: text === '' && spec.optional ? null : text };
}
