import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/**
 * The declarative format (`*.workflow.yaml`, spec: workflow-yaml.md) as one zod schema: the source
 * of the definition's TypeScript types, of the loader's validation and of the JSON Schema file the
 * designer's YAML editor uses (`engine/schema/workflow.schema.json`, generated from this).
 *
 * Written with `zod/mini` (functions instead of methods): the same validation as classic zod in a
 * third of the code, since the designer loads it at start-up (classic zod also bundles its JSON
 * Schema generator, which only `getWorkflowJsonSchema` needs).
 */

// English issue messages, as classic zod sets them (mini sets none); a locale the host chose stays
if (z.config().localeError === undefined) z.config(en());

/**
 * `schema`, described (the YAML editor shows it, from the generated JSON Schema). Registered as
 * classic zod's `.describe()` does, without the clone a mini `.check()` makes, which would read
 * the lazy `workflow` key of the sub-workflow executor before the body schema exists.
 */
function described<T extends z.ZodMiniType>(schema: T, description: string): T {
  z.globalRegistry.add(schema, { description });
  return schema;
}

/** An optional non-empty string. */
const optionalName = (description: string) => described(z.optional(z.string().check(z.minLength(1))), description);

/** Executor ids: letters, digits, `_` and `-`. */
export const executorIdSchema = described(
  z.string().check(z.regex(/^[A-Za-z0-9_-]+$/, 'an executor id may hold only letters, digits, _ and -')),
  'An executor id: letters, digits, _ and -',
);

/** A JSON Schema object (kept as data; checked when used). */
export const jsonSchemaSchema = described(z.record(z.string(), z.unknown()), 'A JSON Schema');

/** A type spec in a file: a primitive name or a JSON Schema. */
export const typeSpecSchema = described(
  z.union([z.enum(['string', 'number', 'boolean', 'object', 'array', 'null', 'any']), jsonSchemaSchema]),
  'A type: string, number, boolean, object, array, null, any, or a JSON Schema',
);

const common = {
  id: executorIdSchema,
  description: described(z.optional(z.string()), 'What this step does, shown on the canvas'),
};

export const agentExecutorSchema = described(
  z.strictObject({
    ...common,
    type: z.literal('agent'),
    name: optionalName('Author name of its messages; default: the id'),
    instructions: described(z.optional(z.string()), 'System instructions'),
    model: optionalName("A key into the designer's model settings; never credentials"),
  }),
  'An agent answering with a model',
);

export const functionExecutorSchema = described(
  z.strictObject({
    ...common,
    type: z.literal('function'),
    input: z.optional(typeSpecSchema),
    output: z.optional(typeSpecSchema),
    code: described(z.optional(z.string()), 'JavaScript: the body of async (input, ctx) => { ... }; a returned value is sent on'),
    use: optionalName('The name of a function given to the loader'),
  }),
  'JavaScript code, or a function given to the loader',
);

export const transformExecutorSchema = described(
  z.strictObject({
    ...common,
    type: z.literal('transform'),
    expression: described(z.string().check(z.minLength(1)), 'A CEL expression over input, state and inputs; its value is sent on'),
  }),
  'A CEL expression',
);

export const requestInfoExecutorSchema = described(
  z.strictObject({
    ...common,
    type: z.literal('request_info'),
    prompt: described(z.string(), 'The question for the person'),
    response: described(z.optional(jsonSchemaSchema), 'JSON Schema of the answer'),
  }),
  'A question for a person; the answer is sent on',
);

export const outputExecutorSchema = described(
  z.strictObject({
    ...common,
    type: z.literal('output'),
  }),
  'Yields its input as a workflow output',
);

/** The body under `workflow:` (also the body of an inline sub-workflow). */
export interface WorkflowBody {
  name: string;
  description?: string | undefined;
  start: string;
  max_iterations?: number | undefined;
  input?: Record<string, unknown> | undefined;
  executors: ExecutorDefinition[];
  edges?: EdgeDefinition[] | undefined;
}

export const workflowExecutorSchema = described(
  z.strictObject({
    ...common,
    type: z.literal('workflow'),
    ref: optionalName('Path of another workflow file, relative to this one'),
    get workflow(): z.ZodMiniOptional<z.ZodMiniType<WorkflowBody>> {
      return z.optional(workflowBodySchema);
    },
    propagate_requests: described(z.optional(z.boolean()), "Surface the child's human requests to this workflow's caller"),
    allow_direct_output: described(z.optional(z.boolean()), "Yield the child's outputs as this workflow's outputs"),
  }),
  'A sub-workflow, inline or by ref',
);

export const executorSchema = z.discriminatedUnion('type', [
  agentExecutorSchema,
  functionExecutorSchema,
  transformExecutorSchema,
  requestInfoExecutorSchema,
  workflowExecutorSchema,
  outputExecutorSchema,
]);

export const singleEdgeSchema = described(
  z.strictObject({
    from: executorIdSchema,
    to: executorIdSchema,
    condition: optionalName('A CEL expression over message, state and inputs'),
  }),
  'An edge, optionally conditional',
);

export const fanOutEdgeSchema = described(
  z.strictObject({ from: executorIdSchema, to: z.array(executorIdSchema).check(z.minLength(2)) }),
  'A fan-out',
);

export const fanInEdgeSchema = described(
  z.strictObject({ from: z.array(executorIdSchema).check(z.minLength(2)), to: executorIdSchema }),
  'A fan-in: the target receives one list, in from order',
);

export const switchCaseSchema = z.strictObject({ when: z.string().check(z.minLength(1)), to: executorIdSchema });
export const switchDefaultSchema = z.strictObject({ default: executorIdSchema });

export const switchEdgeSchema = described(
  z.strictObject({ from: executorIdSchema, switch: z.array(z.union([switchCaseSchema, switchDefaultSchema])).check(z.minLength(2)) }),
  'A switch-case: the first true when wins, else default',
);

export const edgeSchema = z.union([singleEdgeSchema, fanOutEdgeSchema, fanInEdgeSchema, switchEdgeSchema]);

export const workflowBodySchema: z.ZodMiniType<WorkflowBody> = z.lazy(() =>
  z.strictObject({
    name: z.string().check(z.regex(/^[A-Za-z0-9_-]+$/, 'a workflow name may hold only letters, digits, _ and -')),
    description: z.optional(z.string()),
    start: executorIdSchema,
    max_iterations: z.optional(z.int().check(z.minimum(1))),
    input: described(z.optional(jsonSchemaSchema), 'JSON Schema of the run input'),
    executors: z.array(executorSchema).check(z.minLength(1)),
    edges: z.optional(z.array(edgeSchema)),
  }),
);

export const layoutSchema = described(
  z.record(executorIdSchema, z.strictObject({ x: z.number(), y: z.number() })),
  'Node positions (designer only)',
);

export const workflowDefinitionSchema = z.strictObject({
  workflow: workflowBodySchema,
  layout: z.optional(layoutSchema),
});

/** A workflow definition: plain JSON data mirroring the file. */
export type WorkflowDefinition = z.infer<typeof workflowDefinitionSchema>;
export type ExecutorDefinition = z.infer<typeof executorSchema>;
export type EdgeDefinition = z.infer<typeof edgeSchema>;
export type AgentExecutorDefinition = z.infer<typeof agentExecutorSchema>;
export type FunctionExecutorDefinition = z.infer<typeof functionExecutorSchema>;
export type TransformExecutorDefinition = z.infer<typeof transformExecutorSchema>;
export type RequestInfoExecutorDefinition = z.infer<typeof requestInfoExecutorSchema>;
export type WorkflowExecutorDefinition = z.infer<typeof workflowExecutorSchema>;
export type OutputExecutorDefinition = z.infer<typeof outputExecutorSchema>;
export type LayoutDefinition = z.infer<typeof layoutSchema>;
