import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SseByteParser, SseParser, type SseEvent } from '../src/agents/openai/sse.js';

function parseText(pieces: readonly string[]): SseEvent[] {
  const parser = new SseParser();
  return [...pieces.flatMap((p) => parser.push(p)), ...parser.end()];
}

function parseBytes(bytes: Uint8Array, cuts: readonly number[]): SseEvent[] {
  const parser = new SseByteParser();
  const points = [...new Set([0, ...cuts, bytes.length])].filter((p) => p >= 0 && p <= bytes.length).sort((a, b) => a - b);
  const events = points.slice(1).flatMap((end, i) => parser.push(bytes.slice(points[i], end)));
  return [...events, ...parser.end()];
}

const message = (data: string): SseEvent => ({ event: 'message', data });

describe('SseParser', () => {
  it('dispatches data at blank lines and joins multi-line data', () => {
    expect(parseText(['data: one\n\ndata: two\ndata: lines\n\n'])).toEqual([message('one'), message('two\nlines')]);
  });

  it('accepts LF, CRLF and CR line endings, and a CRLF split across pieces', () => {
    expect(parseText(['data: a\r\n\r\ndata: b\r\rdata: c\n\n'])).toEqual([message('a'), message('b'), message('c')]);
    expect(parseText(['data: a\r', '\n\r', '\ndata: b\r', '\r'])).toEqual([message('a'), message('b')]);
  });

  it('skips comments, id and retry; honours event names; strips only one leading space', () => {
    const text = ': keep-alive\n\nid: 7\nretry: 100\nevent: error\ndata:  two spaces\n\ndata:x\n\n';
    expect(parseText([text])).toEqual([{ event: 'error', data: ' two spaces' }, message('x')]);
  });

  it('dispatches an empty data field, but not a block without data', () => {
    expect(parseText(['data:\n\nevent: ping\n\n: only a comment\n\n'])).toEqual([message('')]);
  });

  it('at the end, keeps a whole last event lacking its blank line but drops a half-received line', () => {
    expect(parseText(['data: [DONE]\n'])).toEqual([message('[DONE]')]);
    expect(parseText(['data: {"choices":[{"delta":{"content":"Hel'])).toEqual([]);
  });
});

/** Events (each a list of data lines without line breaks) and how to write them. */
const streamArbitrary = fc.record({
  events: fc.array(
    fc.record({
      name: fc.option(fc.constantFrom('message', 'error', 'update'), { nil: undefined }),
      lines: fc.array(
        fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, '')),
        { minLength: 1, maxLength: 3 },
      ),
      comment: fc.boolean(),
    }),
    { maxLength: 6 },
  ),
  lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
});

type Stream = typeof streamArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** The stream's text, and the events a correct parser finds in it. */
function write(stream: Stream): { text: string; expected: SseEvent[] } {
  const { lineEnd } = stream;
  const text = stream.events
    .map((e) => {
      const head = (e.comment ? `: ping${lineEnd}` : '') + (e.name === undefined ? '' : `event: ${e.name}${lineEnd}`);
      return `${head}${e.lines.map((l) => `data: ${l}${lineEnd}`).join('')}${lineEnd}`;
    })
    .join('');
  const expected = stream.events.map((e) => ({ event: e.name ?? 'message', data: e.lines.join('\n') }));
  return { text, expected };
}

describe('SseByteParser', () => {
  it('decodes the same events however the bytes are cut, even inside multi-byte characters (property)', () => {
    fc.assert(
      fc.property(streamArbitrary, fc.array(fc.nat(), { maxLength: 12 }), (stream, rawCuts) => {
        const { text, expected } = write(stream);
        const bytes = new TextEncoder().encode(text);
        const cuts = rawCuts.map((c) => (bytes.length === 0 ? 0 : c % bytes.length));
        expect(parseBytes(bytes, cuts)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('decodes a stream cut at every single byte position, and byte by byte', () => {
    const text = `: hi\r\n\r\ndata: {"content":"Café 🎉 naïve 日本"}\r\ndata: ✓\r\n\r\nevent: error\rdata: é\r\rdata: [DONE]\n\n`;
    const expected = [message('{"content":"Café 🎉 naïve 日本"}\n✓'), { event: 'error', data: 'é' }, message('[DONE]')];
    const bytes = new TextEncoder().encode(text);
    for (let cut = 0; cut <= bytes.length; cut++) expect(parseBytes(bytes, [cut])).toEqual(expected);
    expect(
      parseBytes(
        bytes,
        Array.from({ length: bytes.length }, (_, i) => i),
      ),
    ).toEqual(expected);
  });

  it('replaces invalid UTF-8 with U+FFFD rather than failing', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('data: '), 0xc3, 0x0a, 0x0a]);
    expect(parseBytes(bytes, [7])).toEqual([message('\uFFFD')]);
  });
});
