import gc, weakref
class Node:
    pass
def report(r):
    print('collected')
a = Node()
b = Node()
a.other = b
b.other = a
r = weakref.ref(a, report)
del a
del b
print('before collect', r() is None)
gc.collect()
print('after collect', r() is None)
