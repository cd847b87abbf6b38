import sys
import weakref
print(sys.getsizeof(False), sys.getsizeof(True), sys.getsizeof(0), sys.getsizeof(1))
class Plain:
    __slots__ = ()
class W:
    __slots__ = ('__weakref__',)
class AW:
    __slots__ = ('a', '__weakref__', 'b')
w = W()
print(sys.getsizeof(Plain()), sys.getsizeof(w), sys.getsizeof(AW()))
r = weakref.ref(w)
print(r() is w, sys.getsizeof(w))
a = AW()
a.a = 1
a.b = 2
print(a.a + a.b, sys.getsizeof(a))
