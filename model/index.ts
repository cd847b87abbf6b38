/**
 * The model's public entry point: run a Python program (source or AST) on a version profile.
 * The memory rules are in `core/`, the version facts in `profiles/`, the evaluator in
 * `python/eval/`.
 */
export { runModel, evalConfigFor } from './python/eval/run';
export type { ModelResult, RunOptions } from './python/eval/run';
export type { HeapSnapshot, ObjectSnapshot } from './python/eval/trace';
