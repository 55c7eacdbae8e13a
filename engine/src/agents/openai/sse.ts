import { newUtf8Decoder, type Utf8Decoder } from './host.js';

/** One server-sent event: its type (`'message'` unless an `event:` field named one) and its data. */
export interface SseEvent {
  event: string;
  /** The event's `data:` lines joined with `'\n'`. */
  data: string;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * An incremental parser of the `text/event-stream` format (WHATWG HTML, "Server-sent events"), fed
 * text in arbitrary pieces. It accepts LF, CRLF and CR line endings (also a CRLF split between two
 * pieces), joins multi-line `data:`, skips `:` comments (keep-alives) and the `id:`/`retry:` fields,
 * and dispatches an event at each blank line. Pure: no I/O, no timers.
 */
export class SseParser {
  /** The current line so far (a piece may end in the middle of one). */
  #line = '';
  /** The previous piece ended in CR: an LF at the start of the next one ends the same line. */
  #afterCr = false;
  #data = '';
  #event = '';

  /** Parses the next piece of the stream and answers the events it completed. */
  push(text: string): SseEvent[] {
    const events: SseEvent[] = [];
    if (text === '') return events;
    let start = this.#afterCr && text.charCodeAt(0) === LF ? 1 : 0;
    this.#afterCr = false;
    for (let i = start; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code !== LF && code !== CR) continue;
      this.#processLine(this.#line + text.slice(start, i), events);
      this.#line = '';
      if (code === CR) {
        if (i + 1 === text.length) this.#afterCr = true;
        else if (text.charCodeAt(i + 1) === LF) i++;
      }
      start = i + 1;
    }
    this.#line += text.slice(start);
    return events;
  }

  /**
   * Ends the stream. The spec drops an event not yet closed by a blank line; this parser still
   * answers one whose lines all ended (a server that omitted only the final blank line), but never
   * a half-received line, which may be truncated JSON.
   */
  end(): SseEvent[] {
    const events: SseEvent[] = [];
    if (this.#line === '' && this.#data !== '') this.#processLine('', events);
    this.#line = '';
    this.#data = '';
    this.#event = '';
    this.#afterCr = false;
    return events;
  }

  #processLine(line: string, events: SseEvent[]): void {
    if (line === '') {
      // A blank line dispatches; a block with no data field (only comments or `event:`) is no event.
      if (this.#data !== '') events.push({ event: this.#event === '' ? 'message' : this.#event, data: this.#data.slice(0, -1) });
      this.#data = '';
      this.#event = '';
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') this.#data += `${value}\n`;
    else if (field === 'event') this.#event = value;
  }
}

/**
 * Bytes in, events out: a streaming UTF-8 decoder in front of an {@link SseParser}, so a multi-byte
 * character split between two network reads is decoded whole.
 */
export class SseByteParser {
  readonly #decoder: Utf8Decoder = newUtf8Decoder();
  readonly #parser = new SseParser();

  /** Parses the next bytes of the stream and answers the events they completed. */
  push(bytes: Uint8Array): SseEvent[] {
    return this.#parser.push(this.#decoder.decode(bytes, { stream: true }));
  }

  /** Ends the stream: flushes the decoder (a dangling partial character becomes U+FFFD) and the parser. */
  end(): SseEvent[] {
    const events = this.#parser.push(this.#decoder.decode());
    return [...events, ...this.#parser.end()];
  }
}
