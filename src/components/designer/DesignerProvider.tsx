import type { ReactNode } from 'react';
import { DesignerContext } from '../../designer/designerContext.ts';
import { useFlushOnHide } from '../../designer/useFlushOnHide.ts';
import type { DesignerStore } from '../../store/index.ts';

interface DesignerProviderProps {
  store: DesignerStore;
  children: ReactNode;
}

/** Hands the designer store to the components below, and saves it when the page goes away. */
export function DesignerProvider({ store, children }: DesignerProviderProps) {
  useFlushOnHide(store);
  return <DesignerContext value={store}>{children}</DesignerContext>;
}
