import { useCallback, useEffect, useState } from 'react';
import { DebouncedWriter } from '../../designer/inspector/debouncedWriter.ts';

/** How long typing pauses before a field's text goes to the store (one YAML rewrite per burst). */
export const FIELD_WRITE_DELAY_MS = 200;

interface BufferedTextOptions {
  /** The field's value in the store. */
  readonly value: string;
  /** Writes typed text to the store (called once per typing pause, on blur and on unmount). */
  readonly write: (text: string) => void;
  /**
   * Whether the typed text still stands for the store's value after a write (default: equal).
   * A field whose text the store normalises (a list, JSON) or refuses (invalid JSON) keeps the
   * author's text while this holds, so a trailing newline or a half-typed value is not replaced.
   */
  readonly keepsDraft?: (draft: string, value: string) => boolean;
}

/** What a field binds: the text to show, and the handlers. */
export interface BufferedText {
  readonly text: string;
  readonly onChange: (text: string) => void;
  /** Writes at once (bind to blur). */
  readonly flush: () => void;
}

/**
 * A text field over a store value, written debounced: the typed text is what the field shows
 * while it waits to be written, and is written on a pause, on `flush` (blur: also what happens
 * first when the author turns to Undo) and when the field unmounts, so nothing typed is lost. Once written, the
 * store's value shows again, so an undo or a YAML edit elsewhere reaches the field.
 */
export function useBufferedText({ value, write, keepsDraft }: BufferedTextOptions): BufferedText {
  const [draft, setDraft] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
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

  const onChange = useCallback(
    (text: string) => {
      setDraft(text);
      setPending(true);
      writer.push(text);
    },
    [writer],
  );
  const flush = useCallback(() => {
    writer.flush();
  }, [writer]);

  const keep = draft !== null && (pending || (keepsDraft ?? Object.is)(draft, value));
  return { text: keep ? draft : value, onChange, flush };
}
