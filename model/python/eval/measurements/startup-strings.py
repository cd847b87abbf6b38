# Collects every str reachable when a program starts and reports those that could collide with a
# property salt (underscore, ASCII letter, '00'); run with `python FILE.py` on a fresh interpreter.
# Also run, per interpreter: grep -oE "_[A-Za-z]00" over `strings` of its binaries and its stdlib
# sources (see model/core/caches.ts STARTUP_FREE_SALT).
import gc, sys, types
P = '_'
def suspicious(s):
    i = s.find(P)
    while i >= 0:
        if i + 3 < len(s) + 0 and len(s) >= i + 4 and s[i+1].isascii() and s[i+1].isalpha() and s[i+2] == '0' and s[i+3] == '0':
            return True
        i = s.find(P, i + 1)
    return False
seen = set(); strs = {}
stack = list(gc.get_objects()) + list(sys.modules.values()) + [sys.modules, vars(sys), vars(__builtins__) if not isinstance(__builtins__, dict) else __builtins__]
for m in list(sys.modules.values()):
    stack.append(getattr(m, '__dict__', {}))
while stack:
    o = stack.pop()
    if id(o) in seen:
        continue
    seen.add(id(o))
    if isinstance(o, str):
        strs[id(o)] = o
        continue
    if isinstance(o, (bytes, bytearray, int, float)):
        continue
    try:
        refs = list(gc.get_referents(o))
    except Exception:
        refs = []
    if isinstance(o, types.CodeType):
        refs += [o.co_names, o.co_varnames, o.co_consts, o.co_freevars, o.co_cellvars, o.co_filename, o.co_name, getattr(o, 'co_qualname', '')]
    if isinstance(o, type):
        try:
            d = vars(o); refs += list(d.keys()) + list(d.values()); refs.append(o.__name__); refs.append(getattr(o, '__qualname__', ''))
        except Exception:
            pass
    if isinstance(o, dict):
        refs += list(o.keys()) + list(o.values())
    if isinstance(o, (tuple, list, frozenset, set)):
        refs += list(o)
    stack.extend(refs)
values = set(strs.values())
hits = sorted(s for s in values if suspicious(s))
interned_probe = sum(1 for s in values if type(s) is str and sys.intern(s) is s)
print(sys.version.split()[0], 'strs', len(values), 'interned-of-them', interned_probe, 'suspicious', len(hits), hits[:20])
