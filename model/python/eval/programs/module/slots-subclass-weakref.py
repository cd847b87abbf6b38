class S:
    __slots__ = ('a',)
class T(S):
    pass
t = T()
t.a = 1
t.other = 2
print(t.a, t.other)
import weakref
r = weakref.ref(t)
print(r() is t)
s = S()
weakref.ref(s)
