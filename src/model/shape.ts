import type { EdgeDefinition, ExecutorDefinition, WorkflowDefinition } from '@trellis/engine';
import { NODE_KINDS } from './graph.ts';

/**
 * The structure the model relies on, checked where data enters it (YAML text, the clipboard, a
 * replaced document, a new node or edge). It is deliberately much weaker than the engine's
 * validation: references to missing executors, a bad `start`, invalid CEL, missing required
 * fields... are representable states that validation reports on the canvas. What is checked here is
 * only what the canvas and the change functions cannot work without: the right containers, string
 * ids, known node kinds, unique executor ids, and edges of one of the four shapes.
 */

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Whether a value is a node the model can hold: a mapping with a string `id` and a known `type`. */
export function isCanvasExecutor(value: unknown): value is ExecutorDefinition {
  return isRecord(value) && typeof value.id === 'string' && NODE_KINDS.some((kind) => kind === value.type);
}

/**
 * Whether a value is an edge of one of the four shapes (single, fan-out, fan-in, switch). Unknown
 * keys are left to validation; only keys that would make the shape ambiguous are refused.
 */
export function isCanvasEdge(value: unknown): value is EdgeDefinition {
  if (!isRecord(value)) return false;
  if (isStringList(value.from)) return typeof value.to === 'string';
  if (typeof value.from !== 'string') return false;
  if ('switch' in value) return !('to' in value) && Array.isArray(value.switch) && value.switch.every(isSwitchEntry);
  if (isStringList(value.to)) return true;
  return typeof value.to === 'string' && (value.condition === undefined || typeof value.condition === 'string');
}

function isSwitchEntry(value: unknown): boolean {
  if (!isRecord(value)) return false;
  if ('default' in value) return typeof value.default === 'string' && !('to' in value);
  return typeof value.when === 'string' && typeof value.to === 'string';
}

/** Whether a value is a `{ x, y }` position with finite coordinates. */
export function isFlowPosition(value: unknown): value is { x: number; y: number } {
  return isRecord(value) && Number.isFinite(value.x) && Number.isFinite(value.y);
}

/**
 * Whether a value is a document the canvas can show and edit: a `WorkflowDefinition` whose
 * executors, edges and layout have the structure above. Anything else (a half-typed YAML file)
 * stays text until it gets there.
 */
export function isCanvasDocument(value: unknown): value is WorkflowDefinition {
  if (!isRecord(value) || !isRecord(value.workflow)) return false;
  const { workflow, layout } = value;
  if (typeof workflow.name !== 'string' || typeof workflow.start !== 'string') return false;
  if (!Array.isArray(workflow.executors) || !workflow.executors.every(isCanvasExecutor)) return false;
  const ids = new Set(workflow.executors.map((executor) => executor.id));
  if (ids.size !== workflow.executors.length) return false;
  if (workflow.edges !== undefined && !(Array.isArray(workflow.edges) && workflow.edges.every(isCanvasEdge))) return false;
  return layout === undefined || (isRecord(layout) && Object.values(layout).every(isFlowPosition));
}
