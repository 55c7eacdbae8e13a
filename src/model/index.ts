/**
 * The designer's document model: the workflow definition as the canvas sees it, typed undoable
 * changes, history, clipboard, problem placement and YAML sync. Framework-free: store slices call
 * these pure functions. Read `README.md` here for the invariants the UI relies on.
 */
export { NODE_KINDS, asNodeId, edgeRef, edgeShape, edgesOf, findExecutor, membersOf, nodesOf, parseEdgeRef, positionOf } from './graph.ts';
export type {
  CanvasEdge,
  CanvasEdgeKind,
  CanvasNode,
  EdgeRef,
  EdgeShape,
  EdgeSlot,
  FlowPosition,
  NodeId,
  NodeKind,
  ParsedEdgeRef,
} from './graph.ts';
export { applyChange, applyChanges, ModelError } from './changes.ts';
export type {
  AddEdgeChange,
  AddNodeChange,
  ChangeResult,
  EdgePatch,
  ExecutorPatch,
  GraphChange,
  ModelErrorCode,
  MoveNodesChange,
  RemoveEdgesChange,
  RemoveNodesChange,
  RenameNodeChange,
  ReplaceDocumentChange,
  SetStartChange,
  SetWorkflowMetaChange,
  SwitchEntry,
  UpdateEdgeChange,
  UpdateNodeChange,
  WorkflowMetaPatch,
} from './changes.ts';
export { isValidNodeId, takenIds, uniqueId, uniqueNodeId } from './ids.ts';
export { EXECUTOR_FIELDS, PALETTE, addNodeOf, hasField, newExecutor } from './palette.ts';
export { isCanvasDocument } from './shape.ts';
export { canRedo, canUndo, createHistory, record, redo, undo } from './history.ts';
export type { History, HistoryEntry, HistoryStep, RecordOptions } from './history.ts';
export { PASTE_OFFSET, copyToYaml, duplicateNodes, pasteFromYaml } from './clipboard.ts';
export type { PasteResult } from './clipboard.ts';
export { indexProblems, problemsAfter, problemsByTarget, targetOf } from './problems.ts';
export type { ProblemIndex, ProblemTarget, TargetedProblem } from './problems.ts';
export { documentToYaml, yamlToDocument } from './yaml-sync.ts';
export { keepEdgeIdentity, keepNodeIdentity } from './keep-identity.ts';
export type { YamlSync } from './yaml-sync.ts';
