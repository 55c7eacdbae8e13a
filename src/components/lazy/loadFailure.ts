/**
 * What browsers and Vite say when a lazily loaded chunk cannot be fetched: Chromium, Firefox,
 * Safari, and Vite's preloading of a chunk's CSS. A render error of the loaded part says none of
 * these, and is not a failed download.
 */
const LOAD_FAILURE_MESSAGES: readonly RegExp[] = [
  /failed to fetch dynamically imported module/i,
  /error loading dynamically imported module/i,
  /importing a module script failed/i,
  /unable to preload css/i,
];

/** Whether `error` is a chunk that could not be loaded (offline, or a new deployment removed it). */
export function isLoadFailure(error: unknown): error is Error {
  return error instanceof Error && LOAD_FAILURE_MESSAGES.some((pattern) => pattern.test(error.message));
}
