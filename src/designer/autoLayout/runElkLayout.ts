import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';
// the worker script as it ships (a classic script that answers ELK's messages), served as a file
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url';

/**
 * Runs ELK in a Web Worker, so that laying out a large workflow (seconds for 500 nodes) never
 * freezes the page. ELK's small API module is loaded with a dynamic `import()` the first time a
 * layout is asked for, and its 1.5 MB worker script only then, by the worker; neither is part of
 * the app's first load. One worker serves every layout; a worker that fails (even between
 * layouts) or hangs is stopped and the next layout starts a new one.
 */

/** How long a layout may take before it is given up (a 500-node workflow takes a few seconds). */
export const LAYOUT_TIMEOUT_MS = 60_000;

interface LayoutWorker {
  readonly elk: ELK;
  /** Rejects when the worker itself fails (its script does not load, or it throws outside a layout). */
  readonly broken: Promise<never>;
}

let current: Promise<LayoutWorker> | undefined;

function startWorker(): Promise<LayoutWorker> {
  if (current !== undefined) return current;
  const started: Promise<LayoutWorker> = import('elkjs/lib/elk-api.js').then(
    ({ default: ElkApi }) => {
      let fail: (error: Error) => void = () => undefined;
      const broken = new Promise<never>((_resolve, reject) => {
        fail = reject;
      });
      broken.catch(() => undefined); // only a layout under way listens; a failure with none is not unhandled
      const elk = new ElkApi({
        workerFactory: () => {
          const worker = new Worker(elkWorkerUrl, { name: 'elk-layout' });
          worker.addEventListener('error', (event) => {
            event.preventDefault();
            // stopped at once, even with no layout under way, so the next layout starts a new one
            worker.terminate();
            if (current === started) current = undefined;
            fail(new Error(`The layout engine stopped: ${event.message || 'its script could not be loaded'}.`));
          });
          return worker;
        },
      });
      return { elk, broken };
    },
    (error: unknown) => {
      if (current === started) current = undefined; // a failed chunk load (offline, a new deployment) may succeed next time
      throw new Error(`Could not load the layout engine (ELK): ${messageOf(error)}`);
    },
  );
  current = started;
  return started;
}

/** Stops the worker, so that the next layout starts a fresh one. */
function discard(worker: Promise<LayoutWorker>, elk: ELK): void {
  elk.terminateWorker();
  if (current === worker) current = undefined;
}

/**
 * ELK's layout of `graph`: the same graph with `x` and `y` set on every child. Rejects with a
 * message for people when ELK cannot lay the graph out, its worker fails, or it takes longer than
 * `timeoutMs`.
 */
export async function runElkLayout(graph: ElkNode, timeoutMs = LAYOUT_TIMEOUT_MS): Promise<ElkNode> {
  const started = startWorker();
  const { elk, broken } = await started;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(new Error(`The layout took longer than ${String(Math.round(timeoutMs / 1000))} s and was stopped.`));
    }, timeoutMs);
  });
  const outcome: { refused: boolean } = { refused: false };
  const laidOut = elk.layout(graph).catch((error: unknown) => {
    outcome.refused = true;
    throw new Error(`ELK could not lay the workflow out: ${messageOf(error)}`);
  });
  try {
    return await Promise.race([laidOut, broken, timedOut]);
  } catch (error) {
    // a graph ELK refused leaves the worker sound; a broken or stuck worker is replaced
    if (!outcome.refused) discard(started, elk);
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') return error.message;
  return String(error);
}
