# Pyodide side of oracle/pyodide/worker.ts, run after oracle/native/driver.py in the same
# namespace. The worker calls PyRun_FileExFlags from JavaScript between these two calls and,
# when it fails, stores the exception as sys._objspec_exc (PySys_SetObject).
_running = []


def objspec_prepare(filename):
    module = new_main_module(filename)
    _running.append(module)
    return id(module.__dict__)  # the dict's address: CPython's id() is the object's address


def objspec_finish():
    module = _running.pop()
    error = sys.__dict__.pop("_objspec_exc", None)
    if error is None:
        finish_program(module)
        return "0"
    # Before the namespace is cleared: a NameError's "Did you mean" trailer looks names up there.
    exit_code, error_type, message, tail = describe_exception(error)
    error = None
    finish_program(module)
    if error_type is None:  # SystemExit(0) / SystemExit(None): a normal end
        return "0"
    return "\0".join([str(exit_code), error_type, message, tail])


# Pyodide's stdout is line-buffered (it starts as a terminal); `python FILE.py` with its output
# piped, as the oracle runs it, has a block-buffered stdout (Python/pylifecycle.c
# `create_stdio`: line buffering only for a tty). Each line would otherwise cross into JavaScript.
sys.stdout.reconfigure(line_buffering=False)
