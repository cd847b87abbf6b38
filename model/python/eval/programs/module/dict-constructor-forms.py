# dict(pairs) stores each pair with PyDict_SetItem (a Python __hash__/__eq__ runs); dict(mapping) merges
# with the stored hashes (nothing runs again); the references each dict holds.
import sys
big = 10 ** 20
val = [1]
pairs = [(1, big), (2, val), [3, val]]
d = dict(pairs)
print(d[1] is big, sys.getrefcount(big), sys.getrefcount(val), len(d), list(d))
e = dict(d)
print(e == d, e is d, sys.getrefcount(big), sys.getrefcount(val), list(e))
t = dict(((1, 2), (1, 3), (big, val)))
print(t[1], t[big] is val, sys.getrefcount(val))
del d, e, t
print(sys.getrefcount(big), sys.getrefcount(val))
class H:
    def __init__(self, n):
        self.n = n
    def __hash__(self):
        print('hash', self.n)
        return self.n
    def __eq__(self, other):
        print('eq', self.n)
        return isinstance(other, H) and self.n == other.n
a, b = H(1), H(1)
u = dict([(a, 1), (b, 2)])
print(len(u), u[a])
w = dict(u)
print(len(w), sys.getrefcount(a))
print(dict([]) == {}, dict(()) == {})
up = {1: 0}
up.update([(1, big), [2, val]])
print(up[1] is big, list(up), sys.getrefcount(big), sys.getrefcount(val))
up.update(((3, 4),))
print(list(up))
