# __eq__ and __hash__ written in Python, called by containers: which operand is self,
# the references C code holds during the calls, and the result objects.
import sys


class P:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print('  eq', self.v, other.v, sys.getrefcount(self), sys.getrefcount(other))
        return self.v == other.v

    def __hash__(self):
        print('  hash', self.v, sys.getrefcount(self))
        return self.v


a = P(1)
b = P(1)
c = P(2)
print('== !=')
print(a == b, a != b, a == c, a != c)
print('in list, tuple')
L = [c, a]
T = (c, a)
print(b in L, b in T, a in L, P(3) in L)
print('list methods')
print(L.index(b), L.count(b))
L.remove(b)
print(len(L), L[0] is c)
print('list == list, tuple == tuple')
print([a, c] == [b, c], (a, c) == (b, c), [a] == [c])
print('dicts')
d = {a: 'first'}
d[b] = 'second'
print(len(d), d[a], d[b])
print(b in d, c in d, d.get(b), d.get(c))
print(d.setdefault(b, 'x'), d.setdefault(c, 'y'), len(d))
print(d.pop(b))
del d[c]
print(len(d))
print('sets')
s = {a, c}
s.add(b)
print(len(s), b in s, P(2) in s)
s.remove(b)
s.discard(c)
print(len(s))
print('hash')
print(hash(a), hash(c))
