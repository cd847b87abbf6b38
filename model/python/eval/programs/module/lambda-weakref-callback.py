import sys, weakref
class Node:
    pass
a = Node()
log = []
r = weakref.ref(a, lambda ref: log.append(ref() is None))
print(r() is a, sys.getrefcount(a))
del a
print(log, r() is None)
b = Node()
keep = lambda: b
print(sys.getrefcount(b))
r2 = weakref.ref(b, lambda ref: print('dead'))
del b
print('still alive', r2() is not None)
del keep
print('end')
