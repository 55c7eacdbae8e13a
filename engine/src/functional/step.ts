import type { RunContext } from './run-context.js';
import { currentFunctionalRun } from './run-context-storage.js';

/**
 * A function wrapped by {@link step}: call it like the original (it always returns a promise).
 * Inside a functional run each call is recorded; on a replay a call with the same name, position
 * and arguments returns the saved result instead of running again.
 */
export type StepFunction<A extends readonly unknown[], R> = ((...args: A) => Promise<Awaited<R>>) & {
  /** The name the step's events and cache entries use. */
  readonly stepName: string;
};

/**
 * Marks a function as a step of functional workflows (the seed's `@step`): its result is saved,
 * so a replay (after `sendResponses`, or `resume` from a checkpoint) skips it and emits
 * `executor_bypassed` instead of running it again. Use it for expensive or side-effecting work
 * such as agent calls; plain functions work inside a workflow too, they just run again on replay.
 *
 * The cache key is the step's name, the index of this call among the run's calls of that name,
 * and a hash of the arguments, so a call whose arguments changed runs live (arguments the
 * checkpoint codec cannot encode, such as functions, make a call that is never cached). The
 * arguments also appear in the step's `executor_start` event: keep them plain data when events
 * cross `postMessage`. Outside a functional run a step is a plain call. The name defaults to
 * `fn.name`.
 *
 * ```ts
 * const toUpper = step(async function toUpper(s: string) { return s.toUpperCase() })
 * const fetchPage = step('fetchPage', async (url: string) => (await fetch(url)).text())
 * ```
 */
export function step<A extends readonly unknown[], R>(fn: (...args: A) => R): StepFunction<A, R>;
export function step<A extends readonly unknown[], R>(name: string, fn: (...args: A) => R): StepFunction<A, R>;
export function step<A extends readonly unknown[], R>(
  nameOrFn: string | ((...args: A) => R),
  maybeFn?: (...args: A) => R,
): StepFunction<A, R> {
  const fn = typeof nameOrFn === 'function' ? nameOrFn : maybeFn;
  if (typeof fn !== 'function') throw new TypeError('step() needs a function: step(fn) or step(name, fn)');
  const name = typeof nameOrFn === 'string' ? nameOrFn : fn.name;
  if (name === '') {
    throw new TypeError('step() needs a name: pass a named function (async function fetchData() {}) or step(name, fn)');
  }
  const wrapper = (...args: A): Promise<Awaited<R>> => {
    const run = currentFunctionalRun();
    if (run === undefined) return callPlain(fn, args);
    return run.callStep(name, () => fn(...args), args) as Promise<Awaited<R>>;
  };
  Object.defineProperty(wrapper, 'name', { value: name });
  return Object.assign(wrapper, { stepName: name });
}

/**
 * The context of the functional run the caller is in, or undefined outside one (the reference's
 * `get_run_context()`). Lets a step ask a human or read state without taking the context as a
 * parameter.
 */
export function getRunContext(): RunContext | undefined {
  return currentFunctionalRun()?.context;
}

async function callPlain<A extends readonly unknown[], R>(fn: (...args: A) => R, args: A): Promise<Awaited<R>> {
  return await fn(...args);
}
