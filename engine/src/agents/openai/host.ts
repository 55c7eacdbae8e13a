/**
 * The web-standard globals the OpenAI-compatible client needs (`fetch`, `TextDecoder`, timers),
 * reached through a typed view of `globalThis` rather than declared in `host-globals.d.ts`: the
 * engine's sources are compiled under four lib settings (bare ES2022, DOM, Node's types, the app's
 * DOM + Node), and a global `var TextDecoder` or a timer-handle type declared here would clash with
 * DOM's and Node's own declarations, whereas this view type-checks the same under all of them.
 * Each global exists in a browser, a Web Worker and Node >= 20. They are looked up at call time so
 * a host (or a test) that installs one later is honoured.
 * @internal
 */

/** The request `fetch` is given: a JSON POST with an abort signal. */
export interface FetchInitLike {
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  signal: AbortSignal;
}

/** The part of a `ReadableStreamDefaultReader<Uint8Array>` the client uses. */
export interface ByteReaderLike {
  read(): Promise<{ done: boolean; value?: Uint8Array | undefined }>;
  cancel(reason?: unknown): Promise<void>;
}

/** The part of a fetch `Response` the client uses; the global `Response` satisfies it. */
export interface FetchResponseLike {
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  readonly body: { getReader(): ByteReaderLike } | null;
}

/** A `fetch` as the client calls it; the global `fetch` (browser, worker, Node >= 18) satisfies it. */
export type FetchLike = (url: string, init: FetchInitLike) => Promise<FetchResponseLike>;

/** An incremental UTF-8 decoder (a `TextDecoder`). */
export interface Utf8Decoder {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}

interface WebHost {
  fetch?: FetchLike;
  TextDecoder?: new (label: string) => Utf8Decoder;
  setTimeout(handler: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const host = globalThis as unknown as WebHost;

/** The host's `fetch`; a clear error where there is none (a very old runtime). */
export function hostFetch(): FetchLike {
  const fetchFunction = host.fetch;
  if (fetchFunction === undefined) throw new TypeError('This host has no global fetch; pass a `fetch` option to OpenAIChatClient');
  // Wrapped so it can be kept in a field: a browser's fetch called as a method of another object
  // throws "Illegal invocation".
  return (url, init) => fetchFunction(url, init);
}

/** A fresh streaming UTF-8 decoder (invalid bytes become U+FFFD, a leading BOM is dropped). */
export function newUtf8Decoder(): Utf8Decoder {
  const Decoder = host.TextDecoder;
  if (Decoder === undefined) throw new TypeError('This host has no global TextDecoder');
  return new Decoder('utf-8');
}

/** Runs `handler` after `ms` milliseconds; the returned function cancels it (and is safe to call twice). */
export function startTimer(handler: () => void, ms: number): () => void {
  const handle = host.setTimeout(handler, ms);
  return () => {
    host.clearTimeout(handle);
  };
}
