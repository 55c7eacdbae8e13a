/* global window, document, HTMLElement, requestAnimationFrame, indexedDB */
// Code the performance script runs inside the page (Playwright serializes these functions, so each
// must be self-contained). Times are `performance.now()` values: milliseconds since navigation start.

/**
 * Installed before the app's scripts run: records long tasks, and the first frame in which the
 * canvas shows `nodeCount` nodes (React Flow keeps a node `visibility: hidden` until it is measured).
 * @param {number} nodeCount
 */
export function installLoadProbe(nodeCount) {
  /** @type {{ longTasks: { start: number, duration: number }[], nodesShownAt?: number }} */
  const probe = { longTasks: [] };
  Object.defineProperty(window, '__trellisPerf', { value: probe });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const poll = () => {
    let shown = 0;
    let hidden = 0;
    for (const node of document.querySelectorAll('.react-flow__node')) {
      if (node instanceof HTMLElement && node.style.visibility === 'visible') shown++;
      else hidden++;
    }
    // every node drawn, or (drawing only the nodes in view) every node there is drawn and none waits
    if (shown >= nodeCount || (shown > 0 && hidden === 0)) probe.nodesShownAt = performance.now();
    else requestAnimationFrame(poll);
  };
  requestAnimationFrame(poll);
}

/** Whether the load probe has seen every node shown. */
export function nodesShown() {
  return /** @type {any} */ (window).__trellisPerf.nodesShownAt !== undefined;
}

/**
 * What the load probe recorded: when the nodes were shown, and the long tasks so far.
 * @returns {{ nodesShownAt: number, longTasks: { start: number, duration: number }[] }}
 */
export function loadFigures() {
  const probe = /** @type {any} */ (window).__trellisPerf;
  return { nodesShownAt: probe.nodesShownAt, longTasks: [...probe.longTasks] };
}

/**
 * The node nearest the centre of the canvas (so it is on screen whatever the zoom), as its id.
 * @returns {string}
 */
export function centralNodeId() {
  const canvas = document.querySelector('[data-testid="canvas"]');
  if (canvas === null) throw new Error('no canvas on the page');
  const frame = canvas.getBoundingClientRect();
  const centre = { x: frame.left + frame.width / 2, y: frame.top + frame.height / 2 };
  let best = { id: '', distance: Infinity };
  for (const node of canvas.querySelectorAll('[data-testid="canvas.node"]')) {
    const box = node.getBoundingClientRect();
    const distance = Math.hypot(box.left + box.width / 2 - centre.x, box.top + box.height / 2 - centre.y);
    const id = node.getAttribute('data-node-id');
    if (id !== null && distance < best.distance) best = { id, distance };
  }
  if (best.id === '') throw new Error('no node on the canvas');
  return best.id;
}

/**
 * Watches for a click's effect: resolves with when the pointer went down (event dispatch) and the
 * first frame in which the node shows as selected. Start it before clicking.
 * @param {string} nodeId
 * @returns {Promise<{ pointerDownAt: number, selectedAt: number }>}
 */
export function watchSelection(nodeId) {
  return new Promise((resolve, reject) => {
    let pointerDownAt = Number.NaN;
    window.addEventListener('pointerdown', () => (pointerDownAt = performance.now()), { capture: true, once: true });
    const node = document.querySelector(`[data-testid="canvas.node"][data-node-id="${nodeId}"]`);
    if (node === null) {
      reject(new Error(`node ${nodeId} is not on the canvas`));
      return;
    }
    const started = performance.now();
    const poll = () => {
      // the time in the frame callback, not the frame's timestamp, which can precede the click's dispatch
      const now = performance.now();
      if (node.classList.contains('is-selected')) resolve({ pointerDownAt, selectedAt: now });
      else if (now - started > 10_000) reject(new Error(`node ${nodeId} was not selected within 10 s of the click`));
      else requestAnimationFrame(poll);
    };
    requestAnimationFrame(poll);
  });
}

/**
 * Starts recording frames: the timestamp of every `requestAnimationFrame` callback. The interval
 * between two is the frame time the user sees (one display refresh when the page keeps up).
 */
export function startFrameRecorder() {
  /** @type {{ frames: number[], stop: boolean }} */
  const recorder = { frames: [], stop: false };
  Object.defineProperty(window, '__trellisFrames', { value: recorder, configurable: true });
  const onFrame = (/** @type {number} */ at) => {
    if (recorder.stop) return;
    recorder.frames.push(at);
    requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);
}

/**
 * Stops the recorder and answers its frames and the long tasks since `since`.
 * @param {number} since
 */
export function stopFrameRecorder(since) {
  const recorder = /** @type {any} */ (window).__trellisFrames;
  const probe = /** @type {any} */ (window).__trellisPerf;
  recorder.stop = true;
  return {
    frames: /** @type {number[]} */ (recorder.frames),
    longTasks: /** @type {{ start: number, duration: number }[]} */ (probe.longTasks).filter((task) => task.start >= since),
  };
}

/**
 * Resolves once the page has had no long task for `quietMs` (or after `timeoutMs`), with how long
 * that took: what the click set off (the inspector loading its editor for the selected node, say)
 * then does not land in the drag's frames.
 * @param {{ quietMs: number, timeoutMs: number }} options
 * @returns {Promise<number>}
 */
export function waitForQuiet({ quietMs, timeoutMs }) {
  const probe = /** @type {any} */ (window).__trellisPerf;
  const started = performance.now();
  return new Promise((resolve) => {
    const check = () => {
      const now = performance.now();
      const lastEnd = Math.max(started, ...probe.longTasks.map((/** @type {any} */ task) => task.start + task.duration));
      if (now - lastEnd >= quietMs || now - started >= timeoutMs) resolve(now - started);
      else setTimeout(check, 50);
    };
    setTimeout(check, 50);
  });
}

/** Resolves after the next frame has been rendered. */
export function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Puts a workflow into the designer's IndexedDB storage as the one open last, so the app opens it
 * on load. Mirrors `src/store/indexedDbDocumentStorage.ts` (database, version, stores, meta key).
 * @param {{ id: string, title: string, yamlText: string }} document
 */
export function seedDesignerStorage(document) {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('trellis-designer', 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('documents', { keyPath: 'id' });
      request.result.createObjectStore('meta');
    };
    request.onerror = () => reject(request.error ?? new Error('indexedDB.open failed'));
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction(['documents', 'meta'], 'readwrite');
      tx.objectStore('documents').put({ ...document, updatedAt: Date.now() });
      tx.objectStore('meta').put(document.id, 'lastOpenedId');
      tx.oncomplete = () => {
        db.close();
        resolve(undefined);
      };
      tx.onerror = () => reject(tx.error ?? new Error('the seeding transaction failed'));
    };
  });
}
