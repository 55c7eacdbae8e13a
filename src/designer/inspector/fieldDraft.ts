/** A buffered field's typed text, against the store's value. */
export interface FieldDraft {
  /** What the author typed, or null when the field shows the store's value. */
  readonly draft: string | null;
  /** The store's value when the draft was typed (or brought back). */
  readonly base: string;
  /** Whether the draft waits to be written. */
  readonly pending: boolean;
  /** Whether the author is in the field. */
  readonly focused: boolean;
}

/** How a field judges its draft against the store's value. */
export interface DraftRules {
  /** Whether a written draft still stands for the store's value (a normalised list or JSON). */
  readonly keepsDraft: (draft: string, value: string) => boolean;
  /** Text the store refuses (invalid JSON): it stays in the field until it is fixed. */
  readonly unwritable: (text: string) => boolean;
}

/** What a field shows, and whether its draft is done with. */
export interface ShownText {
  readonly text: string;
  /** An edit elsewhere replaced a draft that could not be written: forget the draft. */
  readonly dropDraft: boolean;
}

/**
 * The text a buffered field shows. Text waiting to be written wins. Text the store refused stays
 * (so nothing typed disappears) until the store's value changes while the author is elsewhere:
 * then an undo or a YAML edit has replaced it, and that value shows. A written draft stays while
 * it means the store's value (spacing, a trailing newline), otherwise the store's value shows.
 */
export function shownText(field: FieldDraft, value: string, rules: DraftRules): ShownText {
  const { draft } = field;
  if (draft === null) return { text: value, dropDraft: false };
  if (field.pending) return { text: draft, dropDraft: false };
  if (rules.unwritable(draft)) {
    const replaced = !field.focused && value !== field.base;
    return replaced ? { text: value, dropDraft: true } : { text: draft, dropDraft: false };
  }
  return { text: rules.keepsDraft(draft, value) ? draft : value, dropDraft: false };
}
