import {
  Background,
  BackgroundVariant,
  Controls,
  MarkerType,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import {
  DRAW_VISIBLE_ONLY_FROM,
  EMPTY_CANVAS_VIEWPORT,
  FIT_VIEW_OPTIONS,
  FlowElementCache,
  SNAP_GRID,
  type Size,
  type WorkflowFlowEdge,
  type WorkflowFlowNode,
} from '../../designer/flowElements.ts';
import { useLayingOut } from '../../designer/autoLayout/layoutProgress.ts';
import { PALETTE_MIME } from '../../designer/kinds.ts';
import { selectPositions } from '../../designer/positions.ts';
import { nextSelection } from '../../designer/selectionEdits.ts';
import { selectDocumentId, selectEditable, selectSelectedEdgeIds, selectSelectedNodeIds } from '../../designer/selectors.ts';
import { useAddNode } from '../../designer/useAddNode.ts';
import { useDesigner, useDesignerStore } from '../../designer/useDesigner.ts';
import { asNodeId, NODE_KINDS, type EdgeRef, type FlowPosition, type NodeId, type NodeKind } from '../../model/index.ts';
import { selectCanvasEdges, selectCanvasNodes } from '../../store/index.ts';
import { CanvasCommandLayer } from '../canvas/CanvasCommandLayer.tsx';
import { WorkflowEdge } from './WorkflowEdge.tsx';
import { WorkflowNode } from './WorkflowNode.tsx';

const nodeTypes: NodeTypes = { workflowNode: WorkflowNode };
const edgeTypes: EdgeTypes = { workflowEdge: WorkflowEdge };
const defaultEdgeOptions = { markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 } };
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
// smaller than React Flow's 200 x 150, which hides much of a canvas at 1280 x 720
const MINIMAP_STYLE = { width: 160, height: 110 };

function minimapNodeColor(node: WorkflowFlowNode): string {
  return `var(--kind-${node.data.node.kind})`;
}

function isNodeKind(value: string): value is NodeKind {
  return (NODE_KINDS as readonly string[]).includes(value);
}

/**
 * The workflow graph, drawn and edited with React Flow; every edit goes to the store as a change.
 * Its toolbar, keyboard shortcuts and dialogs are the `CanvasCommandLayer` inside it.
 */
export function Canvas() {
  const store = useDesignerStore();
  const nodes = useDesigner(selectCanvasNodes);
  const edges = useDesigner(selectCanvasEdges);
  const positions = useDesigner(selectPositions);
  const selectedNodes = useDesigner(selectSelectedNodeIds);
  const selectedEdges = useDesigner(selectSelectedEdgeIds);
  const editable = useDesigner(selectEditable);
  const documentId = useDesigner(selectDocumentId);
  const layingOut = useLayingOut();
  const [measured, setMeasured] = useState<ReadonlyMap<string, Size>>(() => new Map());
  const { screenToFlowPosition, fitView, setViewport } = useReactFlow();
  const addNode = useAddNode();
  const canvasRef = useRef<HTMLDivElement>(null);

  // While a drag is under way its positions live here, and reach the store (and so the YAML text,
  // the history and autosave) once, when the node is dropped: rewriting the document on every
  // pointer move would cost a full YAML write per frame on large workflows.
  const [dragging, setDragging] = useState<ReadonlyMap<NodeId, FlowPosition>>(() => new Map());
  // keeps the objects of unchanged nodes and edges, so a drag frame reprocesses the dragged node only
  const [elements] = useState(() => new FlowElementCache());
  const drawnNodes = useMemo(
    () => elements.nodes(nodes, positions, dragging, selectedNodes, measured),
    [elements, nodes, positions, dragging, selectedNodes, measured],
  );
  const drawnEdges = useMemo(() => elements.edges(edges, selectedEdges), [elements, edges, selectedEdges]);

  // Fits the drawing when a document is opened. Not an empty one: React Flow would keep the fit
  // pending and zoom onto the first node dropped, moving the canvas under the person's pointer;
  // an empty document starts from the home view instead.
  useEffect(() => {
    if (selectCanvasNodes(store.getState()).length > 0) void fitView(FIT_VIEW_OPTIONS);
    else void setViewport(EMPTY_CANVAS_VIEWPORT);
  }, [documentId, fitView, setViewport, store]);

  const onNodesChange = useCallback(
    (changes: NodeChange<WorkflowFlowNode>[]) => {
      const sizes = changes.flatMap((change) => (change.type === 'dimensions' && change.dimensions !== undefined ? [change] : []));
      if (sizes.length > 0) {
        setMeasured((previous) => {
          const next = new Map(previous);
          for (const change of sizes) next.set(change.id, change.dimensions ?? {});
          return next;
        });
      }
      const picks = changes.flatMap((change) => (change.type === 'select' ? [change] : []));
      if (picks.length > 0) {
        const state = store.getState();
        state.select({ nodes: nextSelection(state.selectedNodeIds, picks).map(asNodeId), edges: state.selectedEdgeIds });
      }
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<WorkflowFlowEdge>[]) => {
      const picks = changes.flatMap((change) => (change.type === 'select' ? [change] : []));
      if (picks.length === 0) return;
      const state = store.getState();
      state.select({ nodes: state.selectedNodeIds, edges: nextSelection<EdgeRef>(state.selectedEdgeIds, picks) });
    },
    [store],
  );

  const onDrag = useCallback((dragged: WorkflowFlowNode[]) => {
    if (dragged.length === 0) return;
    setDragging(new Map(dragged.map((node) => [asNodeId(node.id), { x: node.position.x, y: node.position.y }])));
  }, []);

  // A drag writes the document once, on drop, so each drop is its own undo step: merging would
  // join two separate drags of the same nodes made within the merge window.
  const onDragStop = useCallback(
    (_event: unknown, dragged: WorkflowFlowNode[]) => {
      setDragging(new Map());
      if (dragged.length === 0) return;
      const moves = dragged.map((node) => ({ id: asNodeId(node.id), position: { x: node.position.x, y: node.position.y } }));
      store.getState().applyChanges([{ type: 'moveNodes', moves }], { history: 'record' });
    },
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      store.getState().applyChanges([{ type: 'addEdge', edge: { from: connection.source, to: connection.target } }], { history: 'record' });
    },
    [store],
  );

  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  };

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    const kind = event.dataTransfer.getData(PALETTE_MIME);
    if (!isNodeKind(kind)) return;
    event.preventDefault();
    const point = screenToFlowPosition({ x: event.clientX, y: event.clientY });
    addNode(kind, { x: Math.round(point.x / SNAP_GRID[0]) * SNAP_GRID[0], y: Math.round(point.y / SNAP_GRID[1]) * SNAP_GRID[1] });
  };

  return (
    <div
      ref={canvasRef}
      className={`canvas${editable ? '' : ' is-readonly'}`}
      data-testid="canvas"
      aria-readonly={!editable}
      onDragOver={onDragOver}
      onDrop={onDrop}
    >
      {/* always in the page, so screen readers announce the text when it appears */}
      <p className="canvas-progress" role="status" data-testid="canvas.layingOut">
        {layingOut && (
          <>
            <span className="canvas-progress-spinner" aria-hidden="true" />
            Laying out…
          </>
        )}
      </p>
      {!editable && (
        <p className="canvas-banner" role="status" data-testid="canvas.readonly">
          YAML has errors — showing the last valid graph
        </p>
      )}
      <ReactFlow<WorkflowFlowNode, WorkflowFlowEdge>
        nodes={drawnNodes}
        edges={drawnEdges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        defaultEdgeOptions={defaultEdgeOptions}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onNodeDrag={(_event, _node, dragged) => {
          onDrag(dragged);
        }}
        onSelectionDrag={(_event, dragged) => {
          onDrag(dragged);
        }}
        onNodeDragStop={(event, _node, dragged) => {
          onDragStop(event, dragged);
        }}
        onSelectionDragStop={onDragStop}
        nodesDraggable={editable}
        nodesConnectable={editable}
        elementsSelectable={editable}
        deleteKeyCode={null}
        multiSelectionKeyCode={MULTI_SELECT_KEYS}
        selectionKeyCode="Shift"
        snapToGrid
        snapGrid={SNAP_GRID}
        onlyRenderVisibleElements={nodes.length >= DRAW_VISIBLE_ONLY_FROM}
        defaultViewport={EMPTY_CANVAS_VIEWPORT}
        minZoom={0.2}
        aria-label="Workflow canvas"
      >
        <Background variant={BackgroundVariant.Dots} gap={SNAP_GRID[0]} size={1.2} />
        <MiniMap<WorkflowFlowNode>
          pannable
          zoomable
          ariaLabel="Minimap"
          className="canvas-minimap"
          style={MINIMAP_STYLE}
          nodeColor={minimapNodeColor}
        />
        <Controls aria-label="Zoom controls" />
        <CanvasCommandLayer canvas={canvasRef} />
      </ReactFlow>
    </div>
  );
}
