import { DesignerShell } from './components/designer/DesignerShell.tsx';
import { selectReady } from './designer/selectors.ts';
import { useDesigner } from './designer/useDesigner.ts';

/** The designer, once the last workflow has been reopened from storage. */
export function App() {
  const ready = useDesigner(selectReady);
  if (!ready) {
    return (
      <p className="loading" role="status">
        Opening your workflow…
      </p>
    );
  }
  return <DesignerShell />;
}
