/**
 * Imported first by each playground worker: a promise the worker forgets to handle is reported to
 * the page as the worker's failure instead of vanishing in the console.
 *
 * This file has no import or export on purpose. Docusaurus's ChunkAssetPlugin adds a runtime function
 * (`__webpack_require__.gca`) to every chunk that carries webpack's runtime, worker entries included;
 * a worker whose modules webpack concatenates into one has no `__webpack_require__`, and its first
 * line then throws. A module without exports is never concatenated, so the runtime stays.
 */
addEventListener('unhandledrejection', (event: PromiseRejectionEvent) => {
  const reason: unknown = event.reason;
  (globalThis as unknown as { postMessage(message: unknown): void }).postMessage({ kind: 'fatal', message: reason instanceof Error ? reason.message : String(reason) });
});
