/**
 * Programs whose output shows how PyPy runs a file: the shape of `__main__`, the frames a program
 * sees, and what happens to objects at exit and after `del` (PyPy frees memory at collections,
 * not when the last reference goes, and runs no finalizers at exit). Expectations come from real
 * `pypy3 FILE.py` runs in oracle/native/pypy.test.ts, never from here.
 */
export const PYPY_FIDELITY_PROGRAMS: readonly string[] = [
  'print(list(globals()))\n',
  "print(__name__, type(__loader__).__name__, __spec__, __package__, __cached__, __file__.endswith('main.py'), type(__builtins__).__name__)\n",
  'import sys\nprint(sys.implementation.name, hasattr(sys, "getrefcount"), len(sys.argv))\n',
  "class A:\n    def __del__(self):\n        print('finalized')\nkeep = A()\nprint('end of program')\n",
  "class A:\n    def __del__(self):\n        print('finalized')\na = A()\ndel a\nprint('after del')\nimport gc\ngc.collect()\nprint('after collect')\n",
  "import weakref\nclass C:\n    pass\nc = C()\nr = weakref.ref(c, lambda ref: print('callback'))\ndel c\nprint(r() is None)\nimport gc\ngc.collect()\nprint(r() is None)\n",
  'a = int("1000")\nb = int("1000")\nprint(a is b, id(a) == id(b))\nx = float("2.5")\ny = float("2.5")\nprint(x is y)\n',
  "s = ''.join(['ab', 'cd'])\nt = ''.join(['ab', 'cd'])\nu = 'abcd'\nv = 'abcd'\nprint(s is t, u is v, s is u)\n",
  'e = ()\nz = ""\nprint(e is tuple(), z is str(), [] is [], e is tuple([]))\n',
  'print(1)\n\0\n'.replace('\0', '# a NUL byte follows: \x00'),
];
