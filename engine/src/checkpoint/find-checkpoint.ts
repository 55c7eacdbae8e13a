import { CheckpointNotFoundError, WorkflowCheckpointError } from '../errors.js';
import { describeSignatureChange, type GraphSignature } from './graph-signature.js';
import type { CheckpointStorage, WorkflowCheckpoint } from './types.js';

/**
 * The checkpoint `id` names: a checkpoint id, or a series id (its latest checkpoint). An unknown id
 * is an error that names it and lists the series the storage holds.
 */
export async function findCheckpoint(storage: CheckpointStorage, id: string): Promise<WorkflowCheckpoint> {
  try {
    return await storage.load(id);
  } catch (error) {
    if (!(error instanceof CheckpointNotFoundError)) throw error;
  }
  const latest = await storage.latest({ seriesId: id });
  if (latest !== undefined) return latest;
  const series = [...new Set((await storage.list()).map((c) => c.seriesId))];
  const known =
    series.length === 0
      ? 'the storage holds no checkpoints'
      : `known series: ${series.slice(0, 10).join(', ')}${series.length > 10 ? ', ...' : ''}`;
  throw new WorkflowCheckpointError(`No checkpoint or checkpoint series '${id}' (${known})`, { checkpointId: id });
}

/**
 * Refuses a checkpoint written by a different graph, saying what changed. The series' first
 * checkpoint carries the signature of the graph that wrote it.
 */
export async function assertSameGraph(
  storage: CheckpointStorage,
  checkpoint: WorkflowCheckpoint,
  current: { workflowName: string; graphHash: string; signature: GraphSignature },
): Promise<void> {
  if (checkpoint.graphHash === current.graphHash) return;
  const first =
    checkpoint.sequence === 0 ? checkpoint : (await storage.list({ seriesId: checkpoint.seriesId })).find((c) => c.sequence === 0);
  const before = first?.metadata['graphSignature'] as GraphSignature | undefined;
  const changes = before === undefined ? [] : describeSignatureChange(before, current.signature);
  const what = changes.length > 0 ? changes.join('; ') : 'the graph hash differs';
  throw new WorkflowCheckpointError(
    `Checkpoint '${checkpoint.checkpointId}' (series '${checkpoint.seriesId}', workflow '${checkpoint.workflowName}') was written by a different graph than workflow '${current.workflowName}': ${what}`,
    { checkpointId: checkpoint.checkpointId },
  );
}
