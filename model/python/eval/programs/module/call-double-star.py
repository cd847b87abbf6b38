import sys
def k(a=None, b=None):
    return sys.getrefcount(a)
def kw(**m):
    return len(m), sys.getrefcount(x)
x = object()
d = {'a': x}
print(k(**d), k(*[x], **{}), k(*[x], b=1))
print(kw(**d), kw(b=1, **d), kw(**d, b=x), kw(**d, **{'c': 3}))
def show(a, b=2, c=3):
    return a, b, c
print(show(**{'a': 1, 'c': 5}), show(1, **{'b': 7}), show(*[1], c=9), show(*(1,), b=0, **{'c': 4}))
for bad in [lambda: show(1, **{'a': 2}), lambda: show(a=1, **{'a': 2}), lambda: show(**1), lambda: show(**[]), lambda: show(**d, **d)]:
    try:
        bad()
    except TypeError as e:
        print(e)
print(*[1, 2], **{'sep': '-'})
print(1, 2, **{'end': '!\n'})
class C:
    def m(self, a, b=None):
        return sys.getrefcount(x)
c = C()
print(c.m(**d), c.m(*[x], **{'b': 2}), c.m(x, **{}))
def f(*a, **k):
    return a, sorted(k)
print(f(1, *[2], 3, x=1, **{'y': 2}, z=3))
print(f(**d)[1] is d, sys.getrefcount(d), sys.getrefcount(x))
