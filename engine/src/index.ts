/**
 * `@trellis/engine`: a workflow runtime with the semantics of Microsoft Agent Framework's workflows.
 * This entry needs no host API and runs on a browser's main thread, in a Web Worker and in Node.
 * @packageDocumentation
 */
export { WorkflowBuilder, DEFAULT_MAX_ITERATIONS } from './builder/workflow-builder.js';
export type { WorkflowBuilderOptions, EdgeOptions, FanOutOptions } from './builder/workflow-builder.js';
export { Case, Default } from './builder/edge-groups.js';
export type {
  EdgeCondition,
  SelectionFunction,
  ExecutorRef,
  EdgeGroup,
  SingleEdgeGroup,
  FanOutEdgeGroup,
  FanInEdgeGroup,
  SwitchCaseEdgeGroup,
} from './builder/edge-groups.js';
export { Workflow } from './workflow.js';
export type { RunOptions, ResumeOptions, SendResponsesOptions, WorkflowOptions } from './workflow.js';
export { Executor } from './executors/executor.js';
export type {
  HandlerOptions,
  HandlerFunction,
  HandlerRegistration,
  ResponseHandlerOptions,
  ResponseHandlerFunction,
  ResponseHandlerRegistration,
} from './executors/executor.js';
export { handler, responseHandler } from './executors/handler.js';
export { executor, FunctionExecutor } from './executors/function-executor.js';
export { WorkflowExecutor, createSubWorkflowResponse, isSubWorkflowRequest, isSubWorkflowResponse } from './executors/workflow-executor.js';
export type { WorkflowExecutorOptions, SubWorkflowRequest, SubWorkflowResponse } from './executors/workflow-executor.js';
export type { FunctionExecutorOptions } from './executors/function-executor.js';
export type { WorkflowContext, SendMessageOptions, CustomEventInput } from './runtime/context.js';
export type { RequestInfoOptions } from './runtime/pending-requests.js';
export type {
  WorkflowCheckpoint,
  CheckpointStorage,
  CheckpointFilter,
  CheckpointMessage,
  CheckpointRequest,
  JsonValue,
} from './checkpoint/types.js';
export type { ChatRole, ChatMessage, ContentPart, AgentResponse, AgentRunOptions, Agent } from './agents/types.js';
export { toChatMessages } from './agents/types.js';
export type { ChatClient, ChatOptions, ChatResponse, ChatResponseUpdate, ChatUsage } from './agents/chat-client.js';
export { BaseChatClient } from './agents/base-chat-client.js';
export { ChatAgent } from './agents/chat-agent.js';
export type { ChatAgentOptions } from './agents/chat-agent.js';
export { MockChatClient, mockReply } from './agents/mock-chat-client.js';
export type { MockChatClientOptions } from './agents/mock-chat-client.js';
export { AgentExecutor, isAgent } from './agents/agent-executor.js';
export type { AgentInput } from './agents/agent-executor.js';
export { agentRequest, isAgentExecutorRequest, isAgentExecutorResponse, isChatMessage } from './agents/agent-messages.js';
export type { AgentExecutorRequest, AgentExecutorResponse } from './agents/agent-messages.js';
export { emitAgentUpdate } from './runtime/context.js';
export { WorkflowRunResult } from './runtime/run-result.js';
export { WorkflowEventStream } from './runtime/event-stream.js';
export { sequentialIds } from './runtime/services.js';
export type { RuntimeServices } from './runtime/services.js';
export { WorkflowRunState, isReservedEventType, assertNever } from './events.js';
export type {
  WorkflowEvent,
  WorkflowEventType,
  DropReason,
  WorkflowStartEvent,
  WorkflowStatusEvent,
  SuperstepStartEvent,
  SuperstepCompleteEvent,
  ExecutorStartEvent,
  ExecutorOutputEvent,
  ExecutorCompleteEvent,
  WorkflowOutputEvent,
  RequestInfoEvent,
  AgentUpdateEvent,
  MessageDroppedEvent,
  CheckpointSavedEvent,
  ExecutorBypassedEvent,
  ErrorEvent,
  WorkflowCompleteEvent,
  CustomEvent,
} from './events.js';
export {
  WorkflowError,
  WorkflowValidationError,
  WorkflowRunError,
  WorkflowConvergenceError,
  WorkflowStateError,
  WorkflowContextError,
  WorkflowRoutingError,
  WorkflowCheckpointError,
  CheckpointNotFoundError,
  toErrorDetails,
} from './errors.js';
export type { ErrorDetails, ValidationCode, ValidationIssue } from './errors.js';
export { instanceOf, guard } from './types/type-spec.js';
export type { TypeSpec, PrimitiveTypeName, ClassSpec, TypeGuardSpec, JsonSchemaSpec } from './types/type-spec.js';
export { WorkflowViz } from './viz/workflow-viz.js';
export type { WorkflowVizOptions } from './viz/workflow-viz.js';
export { registerCheckpointCodec, encodeCheckpointValue, decodeCheckpointValue } from './checkpoint/codec.js';
export type { CheckpointCodec } from './checkpoint/codec.js';
export { InMemoryCheckpointStorage } from './checkpoint/memory-storage.js';
export { validateCheckpoint } from './checkpoint/validate-checkpoint.js';
export { FunctionalWorkflow } from './functional/functional-workflow.js';
export { workflow } from './functional/workflow-factory.js';
export type {
  FunctionalWorkflowOptions,
  FunctionalRunOptions,
  FunctionalSendResponsesOptions,
  FunctionalResumeOptions,
} from './functional/workflow-factory.js';
export type { WorkflowFunction } from './functional/functional-run.js';
export { step, getRunContext } from './functional/step.js';
export type { StepFunction } from './functional/step.js';
export type { RunContext } from './functional/run-context.js';
export { isWorkflowInterrupt } from './functional/interrupt.js';
export { setRunContextStorage } from './functional/run-context-storage.js';
export type { RunContextStorage } from './functional/run-context-storage.js';
export { FunctionalWorkflowAgent } from './functional/functional-agent.js';
export type { FunctionalAgentOptions } from './functional/functional-agent.js';
export { OpenAIChatClient } from './agents/openai-chat-client.js';
export type { OpenAIChatClientOptions } from './agents/openai-chat-client.js';
export { ChatClientError } from './agents/openai/chat-client-error.js';
export type { ChatClientErrorCode } from './agents/openai/chat-client-error.js';
export type { FetchLike, FetchInitLike, FetchResponseLike, ByteReaderLike } from './agents/openai/host.js';
export { parseWorkflowYaml } from './declarative/parse.js';
export { parseWorkflowYamlDocument, validateWorkflowDefinition } from './declarative/parse-precise.js';
export type { ParseWorkflowResult } from './declarative/parse-precise.js';
export { stringifyWorkflow } from './declarative/stringify.js';
export type { StringifyWorkflowOptions } from './declarative/stringify.js';
export { checkSubWorkflowRefs, resolveRefPath } from './declarative/parse-refs.js';
export type { LoadRef } from './declarative/parse-refs.js';
export { formatProblem } from './declarative/problems.js';
export type { Problem, ProblemCode, PathSegment } from './declarative/problems.js';
export { getWorkflowJsonSchema, WORKFLOW_JSON_SCHEMA_ID } from './declarative/json-schema.js';
export { WorkflowLoadError } from './errors.js';
export { workflowDefinitionSchema } from './declarative/schema.js';
export type {
  WorkflowDefinition,
  WorkflowBody,
  ExecutorDefinition,
  EdgeDefinition,
  AgentExecutorDefinition,
  FunctionExecutorDefinition,
  TransformExecutorDefinition,
  RequestInfoExecutorDefinition,
  WorkflowExecutorDefinition,
  OutputExecutorDefinition,
  LayoutDefinition,
} from './declarative/schema.js';
export { compileWorkflow } from './declarative/compile.js';
export type { CompileWorkflowOptions, DeclarativeFunction, RefResolver, SubWorkflowSource } from './declarative/compile.js';
export { loadWorkflowFromYaml } from './declarative/load.js';
export type { LoadProblem } from './declarative/compile-problems.js';
export { compileCel, CelExpressionError } from './declarative/cel.js';
export type { CompiledCel } from './declarative/cel.js';
export type { DeclarativeRequest } from './declarative/executors/request-info.js';
