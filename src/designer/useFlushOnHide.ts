import { useEffect } from 'react';
import type { DesignerStore } from '../store/index.ts';

/** Saves at once when the page is hidden or left, so a closed tab loses nothing. */
export function useFlushOnHide(store: DesignerStore): void {
  useEffect(() => {
    const flush = (): void => {
      void store.getState().flush();
    };
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [store]);
}
