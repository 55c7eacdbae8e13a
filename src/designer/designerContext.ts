import { createContext } from 'react';
import type { DesignerStore } from '../store/index.ts';

/** The one designer store of the app, provided by `DesignerProvider`. */
export const DesignerContext = createContext<DesignerStore | null>(null);
