import { lazy, Suspense, useId, useRef, useState, type KeyboardEvent } from 'react';
import { ProblemCount } from '../canvas/ProblemCount.tsx';
import { ProblemsPanel } from '../canvas/ProblemsPanel.tsx';
import { Inspector } from './Inspector.tsx';

// Monaco loads only when the YAML tab is first opened: the canvas is usable before it arrives.
const YamlPanel = lazy(() => import('../panels/YamlPanel.tsx'));
// Mermaid likewise loads only when the Diagram tab is first opened.
const DiagramPanel = lazy(() => import('../panels/DiagramPanel.tsx'));

const TABS = [
  { id: 'inspector', label: 'Inspector' },
  { id: 'yaml', label: 'YAML' },
  { id: 'diagram', label: 'Diagram' },
  { id: 'problems', label: 'Problems' },
] as const;

export type SideTab = (typeof TABS)[number]['id'];

interface SidePanelProps {
  tab: SideTab;
  onTabChange: (tab: SideTab) => void;
}

/**
 * The right-hand area: the inspector, the YAML panel, the diagram and the problems as tabs (a keyboard tablist: arrows, Home
 * and End move between tabs). A heavy panel mounts the first time its tab opens and then stays
 * mounted while hidden, so the editor keeps its undo stack and cursor across tab switches.
 */
export function SidePanel({ tab, onTabChange }: SidePanelProps) {
  const baseId = useId();
  const [opened, setOpened] = useState<ReadonlySet<SideTab>>(() => new Set([tab]));
  const tabRefs = useRef(new Map<SideTab, HTMLButtonElement>());
  if (!opened.has(tab)) setOpened(new Set([...opened, tab]));

  const choose = (next: SideTab, focus: boolean): void => {
    onTabChange(next);
    if (focus) tabRefs.current.get(next)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = TABS.findIndex((entry) => entry.id === tab);
    let next: number | undefined;
    if (event.key === 'ArrowRight') next = (index + 1) % TABS.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + TABS.length) % TABS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = TABS.length - 1;
    const target = next === undefined ? undefined : TABS[next];
    if (target === undefined) return;
    event.preventDefault();
    choose(target.id, true);
  };

  return (
    <div className={`side-panel side-panel-${tab}`} data-testid="side-panel">
      <div className="side-tabs" role="tablist" aria-label="Side panels" onKeyDown={onKeyDown}>
        {TABS.map((entry) => (
          <button
            key={entry.id}
            ref={(element) => {
              if (element === null) tabRefs.current.delete(entry.id);
              else tabRefs.current.set(entry.id, element);
            }}
            type="button"
            role="tab"
            id={`${baseId}-tab-${entry.id}`}
            aria-controls={`${baseId}-panel-${entry.id}`}
            aria-selected={tab === entry.id}
            tabIndex={tab === entry.id ? 0 : -1}
            className="side-tab"
            data-testid={`side-panel.tab.${entry.id}`}
            onClick={() => {
              choose(entry.id, false);
            }}
          >
            {entry.label}
            {entry.id === 'problems' && <ProblemCount />}
          </button>
        ))}
      </div>
      {TABS.map((entry) => (
        <div
          key={entry.id}
          role="tabpanel"
          id={`${baseId}-panel-${entry.id}`}
          aria-labelledby={`${baseId}-tab-${entry.id}`}
          className={`side-tabpanel side-tabpanel-${entry.id}`}
          hidden={tab !== entry.id}
        >
          {opened.has(entry.id) && <SidePanelContent tab={entry.id} onTabChange={onTabChange} />}
        </div>
      ))}
    </div>
  );
}

function SidePanelContent({ tab, onTabChange }: SidePanelProps) {
  switch (tab) {
    case 'inspector':
      return <Inspector />;
    case 'yaml':
      return (
        <Suspense fallback={<p className="panel-loading">Loading the YAML editor…</p>}>
          <YamlPanel />
        </Suspense>
      );
    case 'diagram':
      return (
        <Suspense fallback={<p className="panel-loading">Loading the diagram…</p>}>
          <DiagramPanel />
        </Suspense>
      );
    case 'problems':
      return (
        <ProblemsPanel
          onShowYaml={() => {
            onTabChange('yaml');
          }}
        />
      );
  }
}
