import type { Executor } from '../executors/executor.js';
import type { EdgeGroup } from './edge-groups.js';

/** The validated, immutable graph a {@link Workflow} runs. Built by `WorkflowBuilder.build()`. */
export interface WorkflowGraph {
  readonly name: string;
  readonly description: string | undefined;
  readonly startId: string;
  readonly maxIterations: number;
  /** Executors in the order they were added. */
  readonly executors: ReadonlyMap<string, Executor>;
  /** Edge groups in the order they were added. */
  readonly edgeGroups: readonly EdgeGroup[];
  /** For each source id, the groups it feeds, in the order they were added. */
  readonly groupsBySource: ReadonlyMap<string, readonly EdgeGroup[]>;
  /** Position of each executor in `executors`: the tie-breaker that makes delivery order stable. */
  readonly executorOrder: ReadonlyMap<string, number>;
}
