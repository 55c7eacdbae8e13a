/**
 * The designer's store: one framework-free zustand store built from slices. Read `README.md`
 * here for the history modes, the YAML panel rules and what the UI must call (`restore`, `flush`).
 */
export { AUTOSAVE_DELAY_MS, createDesignerStore } from './createDesignerStore.ts';
export type { DesignerStoreOptions } from './createDesignerStore.ts';
export { OK } from './designerState.ts';
export type { DesignerState, DesignerStore, EditResult, HistoryMode, HistoryOptions } from './designerState.ts';
export type { DocumentSlice } from './documentSlice.ts';
export type { HistorySlice } from './historySlice.ts';
export type { SelectionSlice } from './selectionSlice.ts';
export { selectEdgeProblems, selectNodeProblems } from './problemsSlice.ts';
export type { ProblemsSlice } from './problemsSlice.ts';
export type { PersistenceSlice, RestoreOptions } from './persistenceSlice.ts';
export type { ClipboardSlice } from './clipboardSlice.ts';
export { MemoryDocumentStorage } from './documentStorage.ts';
export type { DocumentStorage, DocumentSummary, StoredDocument } from './documentStorage.ts';
export { DESIGNER_DB_NAME, IndexedDbDocumentStorage } from './indexedDbDocumentStorage.ts';
export type { IndexedDbDocumentStorageOptions } from './indexedDbDocumentStorage.ts';
export type { ScheduleTimeout } from './autosave.ts';
export type { TextStep, TextTrail } from './textTrail.ts';
export {
  selectCanvasEdges,
  selectCanvasNodes,
  selectHistoryFlags,
  selectSaveStatus,
  selectWorkflowProblems,
  selectYamlPanel,
} from './selectors.ts';
