/**
 * The few web-standard globals the core relies on. Each exists in every host the engine supports
 * (browser main thread, Web Worker, Node >= 20), so declaring them here keeps the core portable
 * while `lib: ["ES2022"]` still turns any DOM or Node API (window, document, process, fs) into a
 * compile error.
 */

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
  throwIfAborted(): void;
}

interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}

// eslint-disable-next-line no-var -- a global value declaration needs `var`
declare var AbortController: {
  prototype: AbortController;
  new (): AbortController;
};

/** Runs `callback` after the current task, before the next one (every supported host has it). */
declare function queueMicrotask(callback: () => void): void;
