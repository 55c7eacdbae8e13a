import { ReactFlowProvider } from '@xyflow/react';
import { useDesignerKeys } from '../../designer/useDesignerKeys.ts';
import { Canvas } from './Canvas.tsx';
import { Inspector } from './Inspector.tsx';
import { Palette } from './Palette.tsx';
import { RunPanel } from './RunPanel.tsx';
import { Toolbar } from './Toolbar.tsx';

/** The designer: toolbar on top, palette, canvas and inspector side by side, the run panel below. */
export function DesignerShell() {
  useDesignerKeys();
  return (
    <div className="designer">
      <Toolbar />
      <div className="designer-body">
        <Palette />
        <ReactFlowProvider>
          <Canvas />
        </ReactFlowProvider>
        <Inspector />
      </div>
      <RunPanel />
    </div>
  );
}
