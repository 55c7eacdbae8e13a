/**
 * Notices: short messages about what a file action did (opened, downloaded, refused). Success and
 * warnings hide by themselves after a while; errors stay until dismissed, so a reader is never
 * rushed past the reason something failed.
 */

export type NoticeKind = 'success' | 'warning' | 'error';

/** What an action reports. */
export interface NoticeInput {
  readonly kind: NoticeKind;
  readonly message: string;
}

/** A notice on screen. */
export interface Notice extends NoticeInput {
  readonly id: number;
}

/** How many notices stay on screen at most; the oldest go first. */
export const MAX_NOTICES = 3;

const AUTO_HIDE_MS: Readonly<Record<NoticeKind, number | undefined>> = {
  success: 5000,
  warning: 8000,
  error: undefined,
};

/** How long a notice of this kind stays before it hides itself; undefined: until dismissed. */
export function autoHideMs(kind: NoticeKind): number | undefined {
  return AUTO_HIDE_MS[kind];
}

export type NoticeAction = { readonly type: 'add'; readonly notice: Notice } | { readonly type: 'dismiss'; readonly id: number };

/** The notices after an action: a new one goes last (the same message replaces its older copy). */
export function noticesAfter(notices: readonly Notice[], action: NoticeAction): readonly Notice[] {
  if (action.type === 'dismiss') return notices.filter((notice) => notice.id !== action.id);
  const { notice } = action;
  const others = notices.filter((existing) => existing.message !== notice.message || existing.kind !== notice.kind);
  return [...others, notice].slice(-MAX_NOTICES);
}
