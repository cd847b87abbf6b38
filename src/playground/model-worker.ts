/**
 * Web Worker running the model (the CLI's own `runModel`, bundled by webpack) on one program and
 * posting its output and heap trace. The model has no time limit of its own: the page ends an
 * endless loop by terminating this worker.
 */
import './worker-errors';
import { runModel } from '../../model';
import type { ModelReply, ModelRequest } from './protocol';
import { PROGRAM_FILENAME } from './protocol';

// The DOM library types `postMessage` as the window's; a dedicated worker's takes one argument.
const post = (reply: ModelReply): void => (globalThis as unknown as { postMessage(message: unknown): void }).postMessage(reply);

addEventListener('message', (event: MessageEvent<ModelRequest>) => {
  const { source, profile } = event.data;
  const started = performance.now();
  try {
    const result = runModel(source, profile, { trace: true, filename: PROGRAM_FILENAME });
    post({ kind: 'done', stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode, trace: result.trace ?? [], durationMs: performance.now() - started });
  } catch (error) {
    post({ kind: 'fatal', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
  }
});
