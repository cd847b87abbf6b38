# A call whose arguments do not fit: CPython's TypeError wordings (co_name 3.8/3.9, __qualname__ 3.10+),
# checked keyword by keyword, then too many positional, then missing; the arguments are released.
import sys
def f(a, b, *, c, d=1): pass
def g(*, k): pass
def p(a, /, b): pass
def v(a, *r): pass
def n(): pass
def one(a): pass
def dd(a, b=1): pass
class C:
    def m(self, a): pass
    def km(self, *, k): pass
cases = [
    lambda: f(1), lambda: f(), lambda: f(1, 2), lambda: f(1, 2, 3), lambda: f(1, 2, 3, 4, c=1),
    lambda: f(1, 2, c=1, e=2), lambda: f(1, 2, c=1, a=3), lambda: g(), lambda: g(1), lambda: g(1, k=2),
    lambda: p(a=1, b=2), lambda: p(1, 2, a=3), lambda: v(), lambda: v(r=1), lambda: n(1), lambda: n(x=1),
    lambda: one(), lambda: one(1, 2), lambda: dd(), lambda: dd(1, 2, 3), lambda: C().m(), lambda: C().m(1, 2),
    lambda: C().km(), lambda: C().km(1), lambda: C().m(1, z=2),
    lambda: f(1, b=2), lambda: one(b=1), lambda: (lambda x: 0)(), lambda: (lambda *, y: 0)(),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)
def f(a, b, c, d=1, *, e, f, g): pass
def p(a, b, /, c, **k): pass
def q(a, b, /, c): pass
def outer():
    def inner(a): pass
    inner()
class K:
    class J:
        def m(self): pass
for c in [lambda: f(), lambda: f(1, 2, 3), lambda: p(a=1, b=2, c=3), lambda: q(1, 2, b=1, a=2), lambda: q(b=1, a=2, c=3), lambda: f(1, 2, 3, 4, 5, e=1), lambda: f(1, 2, 3, 4, 5, 6, e=1, f=2), outer, lambda: K.J().m(1), lambda: f(1, b=2, a=3)]:
    try:
        c()
    except TypeError as e:
        print(e)
class O:
    pass
x = O()
def two(a, b):
    return a
for call in [lambda: two(x), lambda: two(x, x, x), lambda: two(x, c=x), lambda: two(x, a=x)]:
    try:
        call()
    except TypeError as e:
        print(sys.getrefcount(x), e)
try:
    two(O(), b=1, c=2)
except TypeError as e:
    print(e)
def fk(*, k0): pass
def g(alpha, beta=1, /, gamma=2, *, delta, **kw): pass
def h(alpha, beta): pass
for c in [lambda: fk(a0=1), lambda: fk(k1=1), lambda: h(alpah=1, beta=2), lambda: h(1, 2, zzz=3), lambda: h(1, bet=2), lambda: fk(k0=1, K0=2)]:
    try:
        c()
    except TypeError as e:
        print(e, '|', e.args)
