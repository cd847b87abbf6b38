# == of bound methods (method_richcompare: same function, identical self) and of weak references
# (weakref_richcompare: referents compared while both live, identity once one is dead).
import weakref
class C:
    def m(self):
        pass
    def n(self):
        pass
c = C()
d = C()
print(c.m == c.m, c.m is c.m, c.m != c.m, c.m == c.n, c.m == d.m)
bound = c.m
print(bound == c.m, bound in [c.m], {c.m: 1}.get(c.m), len({c.m, c.m, d.m}))
def cb(r):
    print('callback')
r1 = weakref.ref(c, cb)
r2 = weakref.ref(c, cb)
r3 = weakref.ref(d, cb)
print(r1 == r2, r1 is r2, r1 != r2, r1 == r3)
del c
print(r1 == r2)
del bound
print(r1 == r2, r1 is r2, r1 == r1, r1() is None)
del r3
