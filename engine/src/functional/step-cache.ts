import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { decodeCheckpointValue, encodeCheckpointValue } from '../checkpoint/codec.js';
import type { JsonValue } from '../checkpoint/types.js';
import { WorkflowCheckpointError } from '../errors.js';

/** One saved step result. */
export interface CachedStep {
  readonly value: unknown;
  /** How many id-less (`auto::<k>`) requests the step made when it ran, to keep later ids aligned on replay. */
  readonly autoRequests: number;
}

interface Entry extends CachedStep {
  readonly argsHash: string;
}

/**
 * The saved results of a functional workflow's steps. An entry belongs to a slot, the step's name
 * and the index of the call among the run's calls of that name (`toUpper::0`), and remembers a
 * hash of the call's arguments: a replayed call with other arguments misses (and runs live)
 * instead of returning a stale result. A slot holds one entry; a live run replaces it.
 */
export class StepCache {
  readonly #entries = new Map<string, Entry>();

  /** The slot name of the `index`-th call of step `name`. */
  static slot(name: string, index: number): string {
    return `${name}::${String(index)}`;
  }

  /** Number of saved results. */
  get size(): number {
    return this.#entries.size;
  }

  /** The saved result of `slot`, when it was saved for the same arguments. */
  lookup(slot: string, argsHash: string): CachedStep | undefined {
    const entry = this.#entries.get(slot);
    return entry?.argsHash === argsHash ? entry : undefined;
  }

  /** Saves a result (replacing whatever the slot held). */
  store(slot: string, argsHash: string, value: unknown, autoRequests: number): void {
    this.#entries.set(slot, { argsHash, value, autoRequests });
  }

  /**
   * The cache as checkpoint state: `_step_cache` maps `name::index::argsHash` to the encoded result,
   * `_step_cache_auto_request_counts` the same keys to their non-zero auto-request counts.
   * @throws WorkflowCheckpointError when a result cannot be encoded (the message names the step).
   */
  toCheckpoint(): { cache: JsonValue; autoRequestCounts: JsonValue } {
    const cache: Record<string, JsonValue> = {};
    const counts: Record<string, JsonValue> = {};
    for (const [slot, entry] of this.#entries) {
      const key = `${slot}::${entry.argsHash}`;
      cache[key] = encodeCheckpointValue(entry.value, `$.state._step_cache[${JSON.stringify(key)}]`);
      if (entry.autoRequests > 0) counts[key] = entry.autoRequests;
    }
    return { cache, autoRequestCounts: counts };
  }

  /**
   * Rebuilds a cache from {@link StepCache.toCheckpoint}'s data.
   * @throws WorkflowCheckpointError for a malformed entry.
   */
  static fromCheckpoint(cache: JsonValue | undefined, counts: JsonValue | undefined, where: string): StepCache {
    const result = new StepCache();
    const entries = asObject(cache ?? {}, `${where}: _step_cache`);
    const autoCounts = asObject(counts ?? {}, `${where}: _step_cache_auto_request_counts`);
    for (const [key, json] of Object.entries(entries)) {
      const cut = key.lastIndexOf('::');
      if (cut <= 0) throw new WorkflowCheckpointError(`${where}: _step_cache key '${key}' is not 'name::index::argsHash'`);
      const count = autoCounts[key] ?? 0;
      if (typeof count !== 'number') throw new WorkflowCheckpointError(`${where}: the auto-request count of '${key}' is not a number`);
      const value = decodeCheckpointValue(json, `$.state._step_cache[${JSON.stringify(key)}]`);
      result.store(key.slice(0, cut), key.slice(cut + 2), value, count);
    }
    return result;
  }
}

/**
 * A sha256 (hex) of a step call's arguments: their checkpoint encoding (which tags Dates, Maps,
 * undefined...) written with object keys in sorted order, so equal arguments hash equally whatever
 * their key order. Undefined when the arguments cannot be encoded (a function, an instance of an
 * unregistered class): such a call is never served from the cache.
 */
export function hashStepArgs(args: readonly unknown[]): string | undefined {
  let encoded: JsonValue;
  try {
    encoded = encodeCheckpointValue(args, '$.args');
  } catch {
    return undefined;
  }
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(encoded))));
}

/** JSON with object keys sorted at every level. */
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function asObject(value: JsonValue, what: string): Record<string, JsonValue> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new WorkflowCheckpointError(`${what} must be an object`);
  return value;
}
