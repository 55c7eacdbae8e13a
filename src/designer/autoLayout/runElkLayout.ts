import type { ELK, ElkNode } from 'elkjs/lib/elk-api.js';

/**
 * Runs ELK on a graph. ELK is large (about 1.6 MB of JavaScript), so it is loaded with a dynamic
 * `import()` the first time a layout is asked for, never as part of the app's first load. The
 * bundled build runs in the page (no worker URL to serve); a layout of a few hundred nodes takes
 * well under a second.
 */

let loading: Promise<ELK> | undefined;

function loadElk(): Promise<ELK> {
  loading ??= import('elkjs/lib/elk.bundled.js').then(
    ({ default: Elk }) => new Elk(),
    (error: unknown) => {
      loading = undefined; // a failed chunk load (offline, a new deployment) may succeed next time
      throw new Error(`Could not load the layout engine (ELK): ${error instanceof Error ? error.message : String(error)}`);
    },
  );
  return loading;
}

/** ELK's layout of `graph`: the same graph with `x` and `y` set on every child. */
export async function runElkLayout(graph: ElkNode): Promise<ElkNode> {
  const elk = await loadElk();
  return elk.layout(graph);
}
