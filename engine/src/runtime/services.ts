/**
 * What the engine takes from its host, injected so tests can be deterministic: a clock for
 * durations and timestamps, and an id source for run ids.
 */
export interface RuntimeServices {
  /** Milliseconds; only differences are used for durations. Default: `Date.now`. */
  now: () => number;
  /** A new unique id for the given kind of thing (`'run'`, ...). */
  createId: (kind: string) => string;
}

let counter = 0;
const session = Math.floor(Math.random() * 0x100000000)
  .toString(16)
  .padStart(8, '0');

/** Default ids: unique within this process and unlikely to collide across processes. */
export function defaultCreateId(kind: string): string {
  counter++;
  return `${kind}_${session}_${counter.toString(36)}`;
}

/** Makes an id source that yields `prefix-kind-1`, `prefix-kind-2`, ... (for tests and reproducible runs). */
export function sequentialIds(prefix = 'id'): (kind: string) => string {
  let n = 0;
  return (kind) => `${prefix}-${kind}-${String(++n)}`;
}

/** Defaults for every service not given. */
export function resolveServices(given: Partial<RuntimeServices>): RuntimeServices {
  return { now: given.now ?? Date.now, createId: given.createId ?? defaultCreateId };
}
