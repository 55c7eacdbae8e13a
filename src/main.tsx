import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { DesignerProvider } from './components/designer/DesignerProvider.tsx';
import { fetchFirstExample } from './designer/examples.ts';
import { RunProvider } from './components/run/RunProvider.tsx';
import { browserStorage } from './run/modelSettings.ts';
import { createRunStore } from './run/runStore.ts';
import { createDesignerStore, IndexedDbDocumentStorage } from './store/index.ts';
import './styles/theme.css';
import './styles/shell.css';
import './styles/canvas.css';
import './styles/inspector.css';
import './styles/menus.css';
import './styles/side-panel.css';
import './styles/run-panel.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

const store = createDesignerStore({ storage: new IndexedDbDocumentStorage() });
// A first visit opens the gallery's first example (agents on the offline mock model), ready to run.
void store.getState().restore({ firstDocument: fetchFirstExample });

// The engine (in its Web Worker) loads on the first run, not with the page.
const runStore = createRunStore({
  loadClient: () => import('./engine-host/index.ts').then((host) => host.createWorkerEngineClient()),
  storage: browserStorage(),
});

createRoot(container).render(
  <StrictMode>
    <DesignerProvider store={store}>
      <RunProvider store={runStore}>
        <App />
      </RunProvider>
    </DesignerProvider>
  </StrictMode>,
);
