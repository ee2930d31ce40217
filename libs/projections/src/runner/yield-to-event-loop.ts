/**
 * Lets timers, signals and I/O run. better-sqlite3 answers synchronously, so a catch-up over
 * SQLite is an unbroken chain of microtasks that would starve SIGTERM handlers and, in the
 * embedded default, the HTTP server in the same process. Called once per batch.
 */
export const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => setImmediate(resolve));
