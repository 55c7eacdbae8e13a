import { context, SpanKind, SpanStatusCode, trace, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { toErrorDetails } from '../errors.js';

const TRACER_NAME = '@trellis/engine';

/**
 * OpenTelemetry spans for runs and executor invocations, through `@opentelemetry/api` only: a no-op
 * unless the host registers a tracer provider. Attribute names follow Agent Framework's
 * (`workflow.*`, `executor.*`).
 */
export class RunTracing {
  readonly #tracer: Tracer;
  readonly #runSpan: Span;
  readonly #runContext: Context;

  constructor(workflowName: string, runId: string) {
    this.#tracer = trace.getTracer(TRACER_NAME);
    this.#runSpan = this.#tracer.startSpan('workflow.run', {
      kind: SpanKind.INTERNAL,
      attributes: { 'workflow.name': workflowName, 'workflow.run_id': runId },
    });
    this.#runContext = trace.setSpan(context.active(), this.#runSpan);
    this.recording = this.#runSpan.isRecording();
  }

  /** False when no tracer provider records spans: executor spans are then skipped. */
  readonly recording: boolean;

  /** Starts the span of one handler invocation, a child of the run's span. */
  startExecutor(executorId: string, executorType: string, superstep: number): Span {
    return this.#tracer.startSpan(
      'executor.process',
      {
        kind: SpanKind.INTERNAL,
        attributes: { 'executor.id': executorId, 'executor.type': executorType, 'workflow.superstep': superstep },
      },
      this.#runContext,
    );
  }

  /** Runs `fn` with `span` active, so spans the handler starts synchronously nest under it. */
  withSpan<T>(span: Span, fn: () => T): T {
    return context.with(trace.setSpan(this.#runContext, span), fn);
  }

  /** Ends the run's span with the run's final state. */
  endRun(state: string, error?: unknown): void {
    this.#runSpan.setAttribute('workflow.final_state', state);
    if (error !== undefined) failSpan(this.#runSpan, error);
    this.#runSpan.end();
  }
}

/** Marks a span failed with the error's details. */
export function failSpan(span: Span, error: unknown): void {
  const details = toErrorDetails(error);
  span.recordException({ name: details.name, message: details.message, ...(details.stack === undefined ? {} : { stack: details.stack }) });
  span.setStatus({ code: SpanStatusCode.ERROR, message: details.message });
}
