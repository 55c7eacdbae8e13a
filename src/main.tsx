import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { DesignerProvider } from './components/designer/DesignerProvider.tsx';
import { createDesignerStore, IndexedDbDocumentStorage } from './store/index.ts';
import './app.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

const store = createDesignerStore({ storage: new IndexedDbDocumentStorage() });
void store.getState().restore();

createRoot(container).render(
  <StrictMode>
    <DesignerProvider store={store}>
      <App />
    </DesignerProvider>
  </StrictMode>,
);
