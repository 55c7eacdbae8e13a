import { useCallback, useEffect, useState } from 'react';
import { DebouncedWriter } from '../../designer/inspector/debouncedWriter.ts';
import { shownText } from '../../designer/inspector/fieldDraft.ts';
import { unwrittenDrafts } from '../../designer/inspector/unwrittenDrafts.ts';

/** How long typing pauses before a field's text goes to the store (one YAML rewrite per burst). */
export const FIELD_WRITE_DELAY_MS = 200;

interface BufferedTextOptions {
  /** The field's value in the store. */
  readonly value: string;
  /** Writes typed text to the store (called once per typing pause, on blur and on unmount). */
  readonly write: (text: string) => void;
  /**
   * Whether the typed text still stands for the store's value after a write (default: equal).
   * A field whose text the store normalises (a list, JSON) keeps the author's text while this
   * holds, so a trailing newline is not replaced.
   */
  readonly keepsDraft?: (draft: string, value: string) => boolean;
  /**
   * Text `write` refuses (invalid JSON). It stays in the field until it is fixed, or until an
   * edit elsewhere (undo, the YAML) changes the store's value while the field has no focus.
   */
  readonly unwritable?: (text: string) => boolean;
  /** Where refused text is kept while the field is not on screen (see `unwrittenDraftKey`). */
  readonly draftKey?: string;
}

/** What a field binds: the text to show, and the handlers. */
export interface BufferedText {
  readonly text: string;
  readonly onChange: (text: string) => void;
  readonly onFocus: () => void;
  /** Writes at once and notes that the author left the field. */
  readonly onBlur: () => void;
  /** Writes at once. */
  readonly flush: () => void;
}

const writesAll = () => false;

/**
 * A text field over a store value, written debounced: the typed text is what the field shows
 * while it waits to be written, and is written on a pause, on blur (also what happens first when
 * the author turns to Undo) and when the field unmounts, so nothing typed is lost. Text the store
 * refuses stays in the field, and under `draftKey` when the field unmounts, so it is there again
 * when the node is selected again. See `shownText` for when the store's value shows instead.
 */
export function useBufferedText({
  value,
  write,
  keepsDraft = Object.is,
  unwritable = writesAll,
  draftKey,
}: BufferedTextOptions): BufferedText {
  const [kept] = useState(() => (draftKey === undefined ? undefined : unwrittenDrafts.get(draftKey)));
  const [draft, setDraft] = useState<string | null>(kept?.text ?? null);
  const [base, setBase] = useState(kept?.base ?? value);
  const [pending, setPending] = useState(false);
  const [focused, setFocused] = useState(false);
  // nothing can be pushed before the effect below gives the writer its target
  const [writer] = useState(() => new DebouncedWriter<string>(() => undefined, FIELD_WRITE_DELAY_MS));
  useEffect(() => {
    writer.retarget((text) => {
      write(text);
      setPending(false);
    });
  }, [writer, write]);

  useEffect(
    () => () => {
      writer.flush();
    },
    [writer],
  );

  useEffect(() => {
    if (draftKey === undefined) return;
    if (draft !== null && unwritable(draft)) unwrittenDrafts.keep(draftKey, { text: draft, base });
    else unwrittenDrafts.forget(draftKey);
  }, [draftKey, draft, base, unwritable]);

  const onChange = useCallback(
    (text: string) => {
      setDraft(text);
      setBase(value);
      setPending(true);
      writer.push(text);
    },
    [writer, value],
  );
  const flush = useCallback(() => {
    writer.flush();
  }, [writer]);
  const onFocus = useCallback(() => {
    setFocused(true);
  }, []);
  const onBlur = useCallback(() => {
    setFocused(false);
    writer.flush();
  }, [writer]);

  const shown = shownText({ draft, base, pending, focused }, value, { keepsDraft, unwritable });
  // an edit elsewhere replaced refused text: adjusting state while rendering, as React advises
  if (shown.dropDraft) setDraft(null);
  return { text: shown.text, onChange, onFocus, onBlur, flush };
}
