/** Programs every runner must handle; expectations follow from the program text alone. */
export const NON_ASCII = "print('héllo ✓ 日本語 😀')\n";
export const RAISES = "print('before')\nraise ValueError('bad ✗')\n";
export const LOOPS_FOREVER = 'while True:\n    pass\n';
export const AFTER_LOOP = "print('after the loop')\n";
export const SYNTAX_ERROR = 'x = (1,\nprint(x)\n';
export const EXITS_3 = 'import sys\nsys.exit(3)\n';
export const WRITES_STDERR = "import sys\nprint('to stderr', file=sys.stderr)\nprint('to stdout')\n";

export const BASIC_BATCH: readonly string[] = [NON_ASCII, RAISES, LOOPS_FOREVER, AFTER_LOOP, SYNTAX_ERROR, EXITS_3, WRITES_STDERR];

/**
 * Interns a string built at run time, drops every reference, builds an equal fresh string and
 * asks whether interning returns the fresh one: only if the first one was freed, i.e. was mortal.
 */
export const INTERN_MORTALITY = `import sys
a = sys.intern(''.join(['objspec', '-', 'mortal', '-', str(4242)]))
del a
b = ''.join(['objspec', '-', 'mortal', '-', str(4242)])
print(sys.intern(b) is b)
`;

/** The same check as exec(compile()) would do it: must differ from a file run (arena freed first). */
export const EXEC_COMPILE_REFCOUNT = `import sys
exec(compile('big = 123456789\\nprint(sys.getrefcount(big))\\n', 'inner.py', 'exec'))
`;

/** A PEP 263 cookie and an empty program take the runners' other path to the parser. */
export const CODING_COOKIE = "# -*- coding: latin-1 -*-\nprint('cookie', len('abc'))\n";
export const EMPTY = '';

/**
 * Errors whose last traceback line comes from the interpreter's own hook: "Did you mean" trailers
 * (C `print_exception` on 3.10-3.11, Lib/traceback.py from 3.12, which needs the frame for a
 * NameError), a chained exception and an exception with a note.
 */
export const ERROR_TRAILERS: readonly string[] = [
  'abcd = 1\nprint(abce)\n',
  'class A:\n    abcd = 1\nA.abce\n',
  'def f():\n    local_name = 1\n    return local_nam\nf()\n',
  "try:\n    {}['k']\nexcept KeyError:\n    raise ValueError('second')\n",
  "e = ValueError('noted')\nif hasattr(e, 'add_note'):\n    e.add_note('a note')\nraise e\n",
];
