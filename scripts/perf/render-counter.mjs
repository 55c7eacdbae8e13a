/* global window */
// Counts which canvas nodes React renders, in the production build, through the hook React DevTools
// uses: React calls `__REACT_DEVTOOLS_GLOBAL_HOOK__.onCommitFiberRoot` after every commit, in
// production builds too. Playwright serializes these functions into the page, so each is
// self-contained.

/**
 * Installed before the app's scripts run (an init script). While recording, after each commit it
 * walks the committed fiber tree the way DevTools does (a subtree whose child list is the same
 * object as before bailed out, so nothing in it rendered) and notes the id of every workflow node
 * component that rendered or mounted. Not recording, it does nothing, so load times are unaffected.
 */
export function installRenderCounter() {
  /** @type {{ recording: boolean, commits: number, perCommit: number[], ids: Set<string> }} */
  const counter = { recording: false, commits: 0, perCommit: [], ids: new Set() };
  Object.defineProperty(window, '__trellisRenders', { value: counter });
  // React's fiber flag for "this component's render function ran in this commit"
  const PERFORMED_WORK = 1;
  // function, class, forwardRef, memo and simple memo components
  const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
  /** The React Flow node component drawing a workflow node: its props are React Flow's NodeProps. */
  const nodeIdOf = (/** @type {any} */ fiber) => {
    const props = fiber.memoizedProps;
    if (!COMPONENT_TAGS.has(fiber.tag) || props === null || typeof props !== 'object') return undefined;
    return props.type === 'workflowNode' && typeof props.id === 'string' && props.data?.node !== undefined ? props.id : undefined;
  };
  const walk = (/** @type {any} */ root, /** @type {Set<string>} */ rendered) => {
    const stack = [root];
    while (stack.length > 0) {
      const fiber = stack.pop();
      const previous = fiber.alternate;
      const id = nodeIdOf(fiber);
      if (id !== undefined && (previous === null || (fiber.flags & PERFORMED_WORK) !== 0)) rendered.add(id);
      if (previous !== null && fiber.child === previous.child) continue;
      for (let child = fiber.child; child !== null; child = child.sibling) stack.push(child);
    }
  };
  let nextRendererId = 1;
  Object.defineProperty(window, '__REACT_DEVTOOLS_GLOBAL_HOOK__', {
    value: {
      supportsFiber: true,
      renderers: new Map(),
      inject(/** @type {unknown} */ renderer) {
        const id = nextRendererId++;
        this.renderers.set(id, renderer);
        return id;
      },
      checkDCE() {},
      onScheduleFiberRoot() {},
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
      onCommitFiberRoot(/** @type {number} */ _rendererId, /** @type {any} */ root) {
        if (!counter.recording) return;
        /** @type {Set<string>} */
        const rendered = new Set();
        walk(root.current, rendered);
        counter.commits++;
        counter.perCommit.push(rendered.size);
        for (const id of rendered) counter.ids.add(id);
      },
    },
  });
}

/** Starts counting from zero. */
export function startRenderCount() {
  const counter = /** @type {any} */ (window).__trellisRenders;
  counter.recording = true;
  counter.commits = 0;
  counter.perCommit = [];
  counter.ids = new Set();
}

/**
 * Stops counting and answers what was rendered: commits, the most node components in one commit,
 * and the distinct nodes rendered at all.
 * @returns {{ commits: number, mostPerCommit: number, distinctNodes: string[] }}
 */
export function stopRenderCount() {
  const counter = /** @type {any} */ (window).__trellisRenders;
  counter.recording = false;
  return { commits: counter.commits, mostPerCommit: Math.max(0, ...counter.perCommit), distinctNodes: [...counter.ids] };
}
