import { createContext, useContext } from 'react';
import type { NoticeInput } from './notices.ts';

/** Shows a notice in the designer's notice region. */
export type Notify = (notice: NoticeInput) => void;

/** The notice region's `notify`, provided by `FilesLayer`. */
export const NoticeContext = createContext<Notify | null>(null);

/** The function that shows a notice. */
export function useNotify(): Notify {
  const notify = useContext(NoticeContext);
  if (notify === null) throw new Error('useNotify needs a <FilesLayer> above it');
  return notify;
}

/** An error's message, for a notice. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
