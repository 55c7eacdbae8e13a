import type { EdgeRef, NodeId } from '../model/index.ts';
import type { DesignerState } from '../store/index.ts';

/** Module-level selectors the components subscribe with (each answers a stable value). */
export const selectSelectedNodeIds = (state: DesignerState): readonly NodeId[] => state.selectedNodeIds;
export const selectSelectedEdgeIds = (state: DesignerState): readonly EdgeRef[] => state.selectedEdgeIds;
export const selectEditable = (state: DesignerState): boolean => state.yamlParsed;
export const selectReady = (state: DesignerState): boolean => state.ready;
export const selectDocumentId = (state: DesignerState): string => state.documentId;
export const selectWorkflowName = (state: DesignerState): string => state.definition.workflow.name;
export const selectStart = (state: DesignerState): string => state.definition.workflow.start;
export const selectApplyChanges = (state: DesignerState): DesignerState['applyChanges'] => state.applyChanges;
export const selectSelect = (state: DesignerState): DesignerState['select'] => state.select;
