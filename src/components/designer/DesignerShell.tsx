import { ReactFlowProvider } from '@xyflow/react';
import { useState } from 'react';
import { useDesignerKeys } from '../../designer/useDesignerKeys.ts';
import { FilesLayer } from '../files/FilesLayer.tsx';
import { Canvas } from './Canvas.tsx';
import { Palette } from './Palette.tsx';
import { RunDock } from './RunDock.tsx';
import { SidePanel, type SideTab } from './SidePanel.tsx';
import { Toolbar } from './Toolbar.tsx';

/**
 * The designer: toolbar on top, palette, canvas and the side panel (inspector, YAML) side by side,
 * the run panel docked below (resizable and collapsible, so the canvas keeps most of the height).
 * The side panel widens while a text panel is open.
 */
export function DesignerShell() {
  useDesignerKeys();
  const [tab, setTab] = useState<SideTab>('inspector');
  // React Flow's provider wraps the whole designer: the File menu's canvas export reads the measured nodes
  return (
    <ReactFlowProvider>
      <FilesLayer>
        <div className="designer">
          <Toolbar />
          <div className={`designer-body${tab === 'inspector' ? '' : ' has-wide-side'}`}>
            <Palette />
            <Canvas />
            <SidePanel tab={tab} onTabChange={setTab} />
          </div>
          <RunDock />
        </div>
      </FilesLayer>
    </ReactFlowProvider>
  );
}
