import { useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { DesignerState, DesignerStore } from '../store/index.ts';
import { DesignerContext } from './designerContext.ts';

/** The designer store itself, for reading the latest state inside event handlers. */
export function useDesignerStore(): DesignerStore {
  const store = useContext(DesignerContext);
  if (store === null) throw new Error('useDesigner needs a <DesignerProvider> above it');
  return store;
}

/** Subscribes to one slice of the designer state (a module-level selector, or an action). */
export function useDesigner<T>(selector: (state: DesignerState) => T): T {
  return useStore(useDesignerStore(), selector);
}

/** Subscribes to a selector that answers a new object or array each time (compared shallowly). */
export function useDesignerShallow<T>(selector: (state: DesignerState) => T): T {
  return useStore(useDesignerStore(), useShallow(selector));
}
