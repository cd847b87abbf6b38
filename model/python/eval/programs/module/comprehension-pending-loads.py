# Loads still on the stack when sys.getrefcount runs inside a comprehension (3.14: the first load
# after the target's store is STORE_FAST_LOAD_FAST, strong; the argument is borrowed).
import sys
def f():
    a = ''.join(['a', 'b'])
    items = [1, 2]
    print({a: sys.getrefcount(a) for x in items})
    print([(a, sys.getrefcount(a))[1] for x in items])
    print([sys.getrefcount(a) + x for x in items])
    print([[a, sys.getrefcount(a)][1] for x in items])
    print([sys.getrefcount(a) for x in items if a])
    pairs = [a, a]
    print({x: sys.getrefcount(x) for x in pairs})
    print([(x, sys.getrefcount(x))[1] for x in pairs])
f()
items = [''.join(['c', 'd'])]
print([sys.getrefcount(x) for x in items])
print({x: sys.getrefcount(x) for x in items})
print([(x, sys.getrefcount(x))[1] for x in items])
