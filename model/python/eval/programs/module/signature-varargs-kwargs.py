# *args / **kwargs / keyword-only / positional-only parameters: the tuple and dict each call makes,
# who holds the arguments (3.8-3.10 the callee's own references, 3.11+ the stack's), the empty
# tuple singleton for no extra arguments, a new dict each call for **kwargs.
import sys
class O:
    pass
x = O()
def h(*a):
    return sys.getrefcount(x), len(a), a[0] is x if a else None
def k(**kw):
    return sys.getrefcount(x), list(kw), kw.get('a') is x
print(h(x, 1), h(), h(x, x, x))
print(k(a=x), k(), k(b=1, a=x))
def m(p, *a, q=5, **kw):
    return sys.getrefcount(x), len(a), q is x, list(kw)
print(m(1, x, 2, q=x, r=3), m(x), m(p=x, q=x))
def n(a, /, b, *, c, d=None):
    return sys.getrefcount(x), a is x, b is x, c is x, d
print(n(x, x, c=x), n(x, b=x, c=1, d=2))
empty = ()
def t(*a):
    return a
print(t() is empty, t(1) is t(1), t(x)[0] is x, sys.getrefcount(x))
held = t(x, x)
print(sys.getrefcount(x), len(held))
del held
print(sys.getrefcount(x))
def kw_dict(**kw):
    return kw
d1 = kw_dict(a=x)
d2 = kw_dict()
print(d1 is d2, list(d1), len(d2), sys.getrefcount(x))
del d1
f = lambda *a, k=3, **kw: (len(a), k, list(kw))
print(f(1, 2, z=4), f(k=x)[1] is x, sys.getrefcount(x))
class C:
    def meth(self, *args, key=None):
        return len(args), key, sys.getrefcount(self)
    def kwm(self, **kw):
        return list(kw), sys.getrefcount(self)
c = C()
print(c.meth(1, 2, key='k'), c.meth(), c.kwm(a=1, b=c))
def g(a, b=2, *, c=3, d):
    return a, b, c, d
print(g(1, d=4), g(1, 5, d=6, c=7))
def outer():
    y = O()
    print(h(y)[1], k(a=y)[1], sys.getrefcount(y))
    def two(a, *b):
        return sys.getrefcount(a), sys.getrefcount(b[0])
    print(two(y, y), two(y, y, y), sys.getrefcount(y))
    def kwo(*, z):
        return sys.getrefcount(z)
    print(kwo(z=y), sys.getrefcount(y))
outer()
def g(a, b=x, *, c=x, d):
    return sys.getrefcount(x)
print(sys.getrefcount(x), g(1, d=2), g(1, 2, c=3, d=4))
del g
print(sys.getrefcount(x))
f = lambda *, k=x: k
print(sys.getrefcount(x), f() is x)
del f
print(sys.getrefcount(x))
