import { z } from 'zod';

/**
 * The declarative format (`*.workflow.yaml`, spec: workflow-yaml.md) as one zod schema: the source
 * of the definition's TypeScript types, of the loader's validation and of the JSON Schema file the
 * designer's YAML editor uses (`engine/schema/workflow.schema.json`, generated from this).
 */

/** Executor ids: letters, digits, `_` and `-`. */
export const executorIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]+$/, 'an executor id may hold only letters, digits, _ and -')
  .describe('An executor id: letters, digits, _ and -');

/** A JSON Schema object (kept as data; checked when used). */
export const jsonSchemaSchema = z.record(z.string(), z.unknown()).describe('A JSON Schema');

/** A type spec in a file: a primitive name or a JSON Schema. */
export const typeSpecSchema = z
  .union([z.enum(['string', 'number', 'boolean', 'object', 'array', 'null', 'any']), jsonSchemaSchema])
  .describe('A type: string, number, boolean, object, array, null, any, or a JSON Schema');

const common = {
  id: executorIdSchema,
  description: z.string().optional().describe('What this step does, shown on the canvas'),
};

export const agentExecutorSchema = z
  .strictObject({
    ...common,
    type: z.literal('agent'),
    name: z.string().min(1).optional().describe('Author name of its messages; default: the id'),
    instructions: z.string().optional().describe('System instructions'),
    model: z.string().min(1).optional().describe("A key into the designer's model settings; never credentials"),
  })
  .describe('An agent answering with a model');

export const functionExecutorSchema = z
  .strictObject({
    ...common,
    type: z.literal('function'),
    input: typeSpecSchema.optional(),
    output: typeSpecSchema.optional(),
    code: z.string().optional().describe('JavaScript: the body of async (input, ctx) => { ... }; a returned value is sent on'),
    use: z.string().min(1).optional().describe('The name of a function given to the loader'),
  })
  .describe('JavaScript code, or a function given to the loader');

export const transformExecutorSchema = z
  .strictObject({
    ...common,
    type: z.literal('transform'),
    expression: z.string().min(1).describe('A CEL expression over input, state and inputs; its value is sent on'),
  })
  .describe('A CEL expression');

export const requestInfoExecutorSchema = z
  .strictObject({
    ...common,
    type: z.literal('request_info'),
    prompt: z.string().describe('The question for the person'),
    response: jsonSchemaSchema.optional().describe('JSON Schema of the answer'),
  })
  .describe('A question for a person; the answer is sent on');

export const outputExecutorSchema = z
  .strictObject({
    ...common,
    type: z.literal('output'),
  })
  .describe('Yields its input as a workflow output');

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

export const workflowExecutorSchema = z
  .strictObject({
    ...common,
    type: z.literal('workflow'),
    ref: z.string().min(1).optional().describe('Path of another workflow file, relative to this one'),
    get workflow(): z.ZodOptional<z.ZodType<WorkflowBody>> {
      return workflowBodySchema.optional();
    },
    propagate_requests: z.boolean().optional().describe("Surface the child's human requests to this workflow's caller"),
    allow_direct_output: z.boolean().optional().describe("Yield the child's outputs as this workflow's outputs"),
  })
  .describe('A sub-workflow, inline or by ref');

export const executorSchema = z.discriminatedUnion('type', [
  agentExecutorSchema,
  functionExecutorSchema,
  transformExecutorSchema,
  requestInfoExecutorSchema,
  workflowExecutorSchema,
  outputExecutorSchema,
]);

export const singleEdgeSchema = z
  .strictObject({
    from: executorIdSchema,
    to: executorIdSchema,
    condition: z.string().min(1).optional().describe('A CEL expression over message, state and inputs'),
  })
  .describe('An edge, optionally conditional');

export const fanOutEdgeSchema = z.strictObject({ from: executorIdSchema, to: z.array(executorIdSchema).min(2) }).describe('A fan-out');

export const fanInEdgeSchema = z
  .strictObject({ from: z.array(executorIdSchema).min(2), to: executorIdSchema })
  .describe('A fan-in: the target receives one list, in from order');

export const switchCaseSchema = z.strictObject({ when: z.string().min(1), to: executorIdSchema });
export const switchDefaultSchema = z.strictObject({ default: executorIdSchema });

export const switchEdgeSchema = z
  .strictObject({ from: executorIdSchema, switch: z.array(z.union([switchCaseSchema, switchDefaultSchema])).min(2) })
  .describe('A switch-case: the first true when wins, else default');

export const edgeSchema = z.union([singleEdgeSchema, fanOutEdgeSchema, fanInEdgeSchema, switchEdgeSchema]);

export const workflowBodySchema: z.ZodType<WorkflowBody> = z.lazy(() =>
  z.strictObject({
    name: z.string().regex(/^[A-Za-z0-9_-]+$/, 'a workflow name may hold only letters, digits, _ and -'),
    description: z.string().optional(),
    start: executorIdSchema,
    max_iterations: z.number().int().min(1).optional(),
    input: jsonSchemaSchema.optional().describe('JSON Schema of the run input'),
    executors: z.array(executorSchema).min(1),
    edges: z.array(edgeSchema).optional(),
  }),
);

export const layoutSchema = z
  .record(executorIdSchema, z.strictObject({ x: z.number(), y: z.number() }))
  .describe('Node positions (designer only)');

export const workflowDefinitionSchema = z.strictObject({
  workflow: workflowBodySchema,
  layout: layoutSchema.optional(),
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
