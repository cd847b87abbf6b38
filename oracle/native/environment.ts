/**
 * The environment a native interpreter runs in, for the oracle and for the reference runs.
 *
 * Ground truth is `python FILE.py` with stdout captured (a pipe or a file): block-buffered, as
 * Pyodide's stdout is too. Variables that change how stdout buffers change identity facts:
 * a block-buffered `TextIOWrapper` keeps every ASCII str it writes (`pending_bytes`,
 * `Modules/_io/textio.c` `_io_TextIOWrapper_write_impl`) until it flushes, so
 * `s = ''.join(['a', 'a']); print(s); sys.getrefcount(s)` is 3, and 2 under `PYTHONUNBUFFERED=1`
 * (`-u`, write-through). They are removed so that the machine's settings do not decide results.
 */
const STREAM_VARIABLES = ['PYTHONUNBUFFERED', 'PYTHONIOENCODING', 'PYTHONLEGACYWINDOWSSTDIO'];

export function interpreterEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env = { ...base };
  for (const name of STREAM_VARIABLES) delete env[name];
  return env;
}
