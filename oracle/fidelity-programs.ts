/**
 * Programs whose output depends on how the source is run (file runner vs exec(compile())):
 * reference counts of constants held by the parser's AST arena while the module body runs,
 * and the shape of `__main__`. Used to check every runner against real `python FILE.py` runs.
 */
export const FIDELITY_PROGRAMS: readonly string[] = [
  'import sys\nbig = 123456789\nprint(sys.getrefcount(big))\n',
  "import sys\ns = 'objspec constant string'\nprint(sys.getrefcount(s))\n",
  'import sys\na = 987654321\nb = 987654321\nprint(sys.getrefcount(a), a is b)\n',
  'import sys\ndef f():\n    return 555555555\nprint(sys.getrefcount(f()))\n',
  'import sys\nx = 2.5e10\nprint(sys.getrefcount(x))\n',
  "import sys\nt = (1, 2, 'x')\nprint(sys.getrefcount(t))\n",
  'import sys\nprint(list(globals()), sys.getrefcount(globals()), sys.getrefcount(sys.modules[__name__]))\n',
  "print(__name__, type(__loader__).__name__, __spec__, __package__, __cached__)\n",
];
