import weakref, gc, sys
class C:
    pass
o = C()
r = weakref.ref(o)
print(r() is o, weakref.ref(o) is r)
del o
print(r())
a = C(); b = C(); a.b = b; b.a = a
w = weakref.ref(a)
del a, b
print(w() is None)
gc.collect()
print(w() is None)
print(sys.intern('hello world') is sys.intern('hello ' + 'world'))
try_ = 5
print(f'{try_!r:>5}|{3.5:.2f}|{255:x}|{"s":<3}|')
print(1e16, 1e-05, 0.1+0.2, 2**100, -7//2, -7 % 3, 7/2)
print((1,), (), [1, 'a', None], {'k': (1, 2)}, {1, 2}, frozenset(), b'ab\x00')
