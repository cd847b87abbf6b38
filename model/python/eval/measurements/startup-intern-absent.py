# Which strings are absent from the intern table at startup: True = sys.intern returned the
# run-time built string itself (run with `python FILE.py` and through the oracle for Pyodide).
import sys
for parts in (['content', '-type'], ['cache', '-control'], ['x-request', '-id'], ['user', '-agent']):
    s = ''.join(parts)
    print(s, sys.intern(s) is s)
