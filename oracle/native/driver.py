"""objspec oracle driver: run many programs in one CPython (or PyPy) as `python FILE.py` would run each.

Two users:
- oracle/native/runner.ts starts `python driver.py` and exchanges JSON lines with it
  (requests on fd 3, results on fd 4; fds 1 and 2 are redirected to files per program).
- oracle/pyodide/worker.ts loads this file into Pyodide under another module name and calls
  `new_main_module`, `finish_program` and `describe_exception` around its own C call.

Fidelity: a file run goes through `PyRun_FileExFlags` (Python/pythonrun.c, `pyrun_file`),
which keeps the parser's AST arena alive while the module body runs, so the arena's references
to constants show in `sys.getrefcount`. `exec(compile(...))` frees the arena first and reports
one less. So each program is written to a file and run through `PyRun_FileExFlags` itself,
called with ctypes. Works on CPython 3.8 to 3.14: keep the syntax and library use of 3.8.

PyPy has no `ctypes.pythonapi`. Its file run (pypy/interpreter/app_main.py, `run_command_line`,
the nested `execfile`) reads the file's bytes, `compile(code, filename, 'exec',
PyCF_ACCEPT_NULL_BYTES)`, then `exec(co, mainmodule.__dict__)` inside a function marked
`__pypy__.hidden_applevel`; `_PyPyFileRunner` does exactly that. PyPy has no reference counts, so
no arena effect exists to reproduce. Its `__main__` holds `__builtins__` before `__annotations__`,
and at exit PyPy runs no finalizers of objects still alive (measured on PyPy 7.3.11): so after a
program, its output is taken before its namespace is cleared, and what the collection of that
namespace prints is discarded (see `_discard_leftovers`).
"""

import builtins
import io
import os
import re
import sys
import time
import types

PY_FILE_INPUT = 257  # Include/compile.h (3.8-3.9), Include/cpython/compile.h: Py_file_input

IS_PYPY = sys.implementation.name == "pypy"

_startup_main = sys.modules["__main__"]
_saved = {}


def new_main_module(filename):
    """A fresh `__main__` module shaped like the one a file run executes in, installed in sys.modules.

    Python/pylifecycle.c `add_main_module` makes the interpreter's own `__main__` (with
    `__annotations__` before 3.14) and Python/pythonrun.c `_PyRun_SimpleFileObject` adds
    `__file__`, `__cached__` and a SourceFileLoader. The keys and their order are checked
    against real file runs in oracle/native/driver.test.ts.
    """
    _saved["stdout"] = sys.stdout
    _saved["stderr"] = sys.stderr
    _saved["argv"] = list(sys.argv)
    _saved["path0"] = sys.path[0] if sys.path else None
    module = types.ModuleType("__main__")
    namespace = module.__dict__
    has_annotations = "__annotations__" in _startup_main.__dict__
    if has_annotations and not IS_PYPY:
        namespace["__annotations__"] = {}
    namespace["__builtins__"] = builtins
    if has_annotations and IS_PYPY:
        namespace["__annotations__"] = {}
    namespace["__file__"] = filename
    namespace["__cached__"] = None
    # The loader class the file runner uses (pythonrun.c `set_main_loader`), taken from the
    # frozen importlib that is always loaded, so that nothing new gets imported.
    external = sys.modules.get("_frozen_importlib_external")
    if external is not None:
        namespace["__loader__"] = external.SourceFileLoader("__main__", filename)
    sys.modules["__main__"] = module
    sys.argv[:] = [filename]
    return module


def describe_exception(exc):
    """(exit code, error type, message, text for stderr) as a file run would end with `exc`.

    SystemExit follows Python/pythonrun.c `_Py_HandleSystemExit`: None exits 0, an int exits
    with it (as the OS truncates it), anything else is printed and exits 1. Other exceptions
    exit 1; the stderr text is the exception part of what the interpreter's own hook prints
    (see `exception_tail`). Call it before the program's namespace is cleared: the hook looks up
    names there for a NameError's "Did you mean" trailer.
    """
    cls = type(exc)
    type_name = cls.__qualname__
    if cls.__module__ not in ("__main__", "builtins"):
        type_name = cls.__module__ + "." + type_name
    try:
        message = str(exc)
    except BaseException:
        message = "<exception str() failed>"
    if isinstance(exc, SystemExit):
        code = exc.code
        if code is None or code == 0:
            return 0, None, None, ""
        if isinstance(code, int):
            return code & 0xFF, type_name, message, ""
        return 1, type_name, message, message + "\n"
    try:
        tail = exception_tail(exc)
    except BaseException:
        tail = ""
    if tail == "":
        tail = type_name + ": " + message + "\n"
    return 1, type_name, message, tail


_ANSI_COLOUR = re.compile("\x1b\\[[0-9;]*m")
_TRACEBACK_HEADER = "Traceback (most recent call last):"


def exception_tail(exc):
    """The exception lines `python FILE.py` ends with: what `sys.__excepthook__` prints (the C
    `PyErr_Display`, Python/pythonrun.c `print_exception`), after the last traceback's `File`
    lines. The hook, not `traceback.format_exception_only`, because the "Did you mean"
    trailers of 3.10 and 3.11 come from C (Python/suggestions.c `_Py_Offer_Suggestions`,
    called by `print_exception`), and a NameError's trailer needs the traceback's frame
    (Lib/traceback.py `_compute_suggestion_error` from 3.12 reads `tb_frame`)."""
    captured = io.StringIO()
    saved = sys.stderr
    sys.stderr = captured
    try:
        sys.__excepthook__(type(exc), exc, exc.__traceback__)
    finally:
        sys.stderr = saved
    lines = _ANSI_COLOUR.sub("", captured.getvalue()).splitlines(True)
    start = 0
    for index, line in enumerate(lines):
        if line.rstrip() == _TRACEBACK_HEADER:
            start = index + 1
    # Skip the `File ...` lines, the source lines and carets (a SyntaxError has them without a header).
    while start < len(lines) - 1 and lines[start].startswith(" "):
        start += 1
    return "".join(lines[start:])


def finish_program(module, clear=True):
    """Flush what the program printed and put back what it may have replaced; then clear
    its namespace (`clear=False`: the caller clears it later)."""
    for stream in (sys.stdout, sys.stderr, _saved.get("stdout"), _saved.get("stderr")):
        try:
            if stream is not None:
                stream.flush()
        except BaseException:
            pass
    sys.stdout = _saved.pop("stdout", sys.stdout)
    sys.stderr = _saved.pop("stderr", sys.stderr)
    sys.argv[:] = _saved.pop("argv", sys.argv)
    path0 = _saved.pop("path0", None)
    if path0 is not None and sys.path:
        sys.path[0] = path0
    sys.modules["__main__"] = _startup_main
    if clear:
        module.__dict__.clear()


class _FileRunner:
    """Calls `PyRun_FileExFlags(fp, filename, Py_file_input, globals, globals, closeit=1, NULL)`."""

    def __init__(self):
        import ctypes

        libc = ctypes.CDLL(None)
        self._fopen = libc.fopen
        self._fopen.restype = ctypes.c_void_p
        self._fopen.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        self._run = ctypes.pythonapi.PyRun_FileExFlags
        # py_object result: ctypes drops its own extra reference (Modules/_ctypes/callproc.c
        # `GetResult`), and a NULL result raises the pending exception (FUNCFLAG_PYTHONAPI).
        self._run.restype = ctypes.py_object
        # globals go by address, not as py_object: ctypes would keep references to the dict in
        # its argument conversions while the program runs, and `sys.getrefcount(globals())`
        # would show them. The module keeps the dict alive meanwhile.
        self._run.argtypes = [
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.c_int,
            ctypes.c_void_p,
            ctypes.c_void_p,
            ctypes.c_int,
            ctypes.c_void_p,
        ]

    def run(self, path, filename, namespace_address):
        fp = self._fopen(os.fsencode(path), b"rb")
        if not fp:
            raise OSError("cannot open " + path)
        self._run(fp, os.fsencode(filename), PY_FILE_INPUT, namespace_address, namespace_address, 1, None)


class _PyPyFileRunner:
    """PyPy's own file run (pypy/interpreter/app_main.py, `execfile`): compile the bytes with
    `PyCF_ACCEPT_NULL_BYTES`, exec in the module's namespace, from a frame hidden from the program."""

    def __init__(self):
        from __pypy__ import hidden_applevel
        from _ast import PyCF_ACCEPT_NULL_BYTES

        @hidden_applevel
        def execfile(filename, namespace, code):
            co = compile(code, filename, "exec", PyCF_ACCEPT_NULL_BYTES)
            exec(co, namespace)

        self._execfile = execfile

    def run(self, path, filename, namespace):
        with open(path, "rb") as handle:
            code = handle.read()
        self._execfile(filename, namespace, code)


def _discard_leftovers(module, capture):
    """PyPy: clear a finished program's namespace and collect it now, throwing away what its
    finalizers and weakref callbacks print, which a real `pypy3 FILE.py` never prints (no
    finalizers at exit) and which must not land in the next program's output."""
    import gc

    namespace = module.__dict__
    # clear() alone is not enough: PyPy's module dicts keep their values in cells that compiled
    # code may still point at (the objects stayed alive, measured), so empty each cell first.
    for key in list(namespace):
        namespace[key] = None
    namespace.clear()
    gc.collect()
    gc.collect()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            pass
    capture.take(1)
    capture.take(2)


class _FdCapture:
    """Points fds 1 and 2 at files, so that everything a program writes is caught, even
    `os.write(1, ...)`; `sys.stdout` stays the interpreter's own block-buffered stream."""

    def __init__(self, directory):
        self._files = []
        for fd, name in ((1, "stdout"), (2, "stderr")):
            path = os.path.join(directory, name)
            handle = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(handle, fd)
            os.close(handle)
            self._files.append(fd)

    def take(self, fd):
        size = os.fstat(fd).st_size
        data = os.pread(fd, size, 0) if size else b""
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        return data.decode("utf-8", "replace")


def _run_request(runner, capture, work_dir, request, out, json):
    for index, program in enumerate(request["programs"]):
        filename = program.get("filename") or "main.py"
        path = os.path.join(work_dir, "program.py")
        with open(path, "wb") as handle:
            handle.write(program["source"].encode("utf-8", "surrogatepass"))
        module = new_main_module(filename)
        error = None
        started = time.perf_counter()
        try:
            # CPython: the namespace goes by address (id() is the address in CPython).
            runner.run(path, filename, module.__dict__ if IS_PYPY else id(module.__dict__))
        except BaseException as exc:  # the program's own exception, SystemExit included
            error = exc
        duration_ms = (time.perf_counter() - started) * 1000.0
        exit_code, error_type, message, tail = 0, None, None, ""
        if error is not None:  # before the namespace is cleared (see describe_exception)
            exit_code, error_type, message, tail = describe_exception(error)
            error = None
        finish_program(module, clear=not IS_PYPY)
        stdout = capture.take(1)
        stderr = capture.take(2) + tail
        if IS_PYPY:
            _discard_leftovers(module, capture)
        result = {
            "batch": request["batch"],
            "index": index,
            "stdout": stdout,
            "stderr": stderr,
            "exitCode": exit_code,
            "errorType": error_type,
            "errorMessage": message,
            "durationMs": duration_ms,
        }
        out.write(json.dumps(result).encode("utf-8") + b"\n")
        out.flush()


def main():
    import json  # not at the top: Pyodide loads this file too, and should import nothing new

    work_dir = sys.argv[1]
    requests = io.open(3, "rb", closefd=False)
    out = io.open(4, "wb", closefd=False)
    for fd in (3, 4):
        os.set_inheritable(fd, False)
    runner = _PyPyFileRunner() if IS_PYPY else _FileRunner()
    capture = _FdCapture(work_dir)
    hello = {
        "hello": True,
        "implementation": sys.implementation.name,
        "version": "%d.%d.%d" % sys.version_info[:3],
        "releaselevel": sys.version_info.releaselevel,
        "executable": sys.executable,
        "machine": os.uname().machine,
    }
    out.write(json.dumps(hello).encode("utf-8") + b"\n")
    out.flush()
    for line in requests:
        if not line.strip():
            continue
        _run_request(runner, capture, work_dir, json.loads(line.decode("utf-8")), out, json)


if __name__ == "__main__":
    main()
