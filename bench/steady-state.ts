/**
 * The model's side of the benchmarks is timed at steady state, after V8 has compiled its code.
 * The bench loads a fresh bundle each time (model-bundle.ts), and V8's optimizing compiler works
 * through it while the first passes run. Measured on 2026-11-28 (commit 4febcd3, 680 programs,
 * node 20): `--trace-opt` showed 110 functions finishing optimization during passes 4 to 12 (the
 * passes this bench used to time), and pass times fell from 25-55 ms there to a plateau of
 * 21-24 ms from about pass 16 on, in each of three processes; after 30 passes the median of 9
 * moved by 2% between processes instead of 20%. Real CPython has no JIT to wait for: its side is
 * timed after one warm-up batch (its first batch is ~6% slower, Pyodide's wasm tiering).
 */
export const MODEL_WARMUP_PASSES = 30;

/** Runs `pass` MODEL_WARMUP_PASSES times and returns each pass's milliseconds. */
export function warmUp(pass: () => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < MODEL_WARMUP_PASSES; i++) {
    const started = performance.now();
    pass();
    times.push(performance.now() - started);
  }
  return times;
}
